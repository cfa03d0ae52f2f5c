import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { ListBody } from '../../app/LoadError';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFormSubmit } from '../../shared/use-action';
import { monitoringApi } from './monitoring.api';
import { useLoaded } from './reference-load';

type Values = { nameZh: string; nameEn?: string; kind: 'pesticide' | 'vet_drug'; cas?: string; method: string; unit: 'mg/kg' | 'μg/kg'; standard: string; banned?: boolean };
const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** 检测项目: the reference set's analytes and the additions (a lab's own, its province's), each with its standard. */
export function ReferenceAnalytes() {
  const { t } = useI18n();
  const me = useMe();
  const list = useLoaded(useCallback(() => monitoringApi.referenceAnalytes(), []));
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { busy, submit } = useFormSubmit(form, {
    send: (v) =>
      monitoringApi.addAnalyte({
        nameZh: v.nameZh.trim(),
        ...(text(v.nameEn) ? { nameEn: text(v.nameEn) } : {}),
        kind: v.kind,
        ...(text(v.cas) ? { cas: text(v.cas) } : {}),
        method: v.method.trim(),
        unit: v.unit,
        standard: v.standard.trim(),
        banned: v.banned ?? false,
      }),
    fieldOf: { ANALYTE_EXISTS: 'nameZh' },
    done: () => {
      setOpen(false);
      void list.reload();
    },
  });
  return (
    <>
      {me.can('monitoring.reference') && (
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="ref-add-analyte">
          {t('ref.addAnalyte')}
        </Button>
      )}
      <ListBody list={list} empty={t('ref.noAnalytes')}>
        <Table
          size="small"
          rowKey="code"
          loading={list.loading}
          dataSource={list.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="ref-analytes"
          columns={[
            { key: 'name', title: t('ref.analyte'), render: (_v, a) => <Space>{a.nameZh}{a.banned && <Tag color="red">{t('ref.banned')}</Tag>}</Space> },
            { key: 'kind', title: t('ref.kind'), render: (_v, a) => t(`ref.kind.${a.kind}`) },
            { key: 'origin', title: t('ref.origin'), render: (_v, a) => <Tag>{t(`ref.origin.${a.origin}`)}</Tag> },
            { key: 'cas', title: t('ref.cas'), render: (_v, a) => a.cas ?? '—' },
            { key: 'method', title: t('ref.method'), render: (_v, a) => a.method ?? '—' },
            { key: 'standard', title: t('ref.standard'), render: (_v, a) => a.standard ?? '—' },
            { key: 'owner', title: t('ref.owner'), render: (_v, a) => a.ownerAgencyName ?? t('ref.ministry') },
          ]}
        />
      </ListBody>
      <FormDrawer open={open} title={t('ref.addAnalyte')} okText={t('common.save')} busy={busy} onOk={submit} onClose={() => setOpen(false)} testId="ref-analyte-drawer">
        <Form<Values> form={form} layout="vertical" name="analyte" requiredMark={false} initialValues={{ kind: 'vet_drug', unit: 'μg/kg' }}>
          <Form.Item name="nameZh" label={t('ref.nameZh')} rules={[{ required: true, message: t('rule.required', { field: t('ref.nameZh') }) }, { max: 60 }]}>
            <Input maxLength={60} data-testid="ref-analyte-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('common.withOptional', { label: t('ref.nameEn') })} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('ref.kind')}>
            <Select options={(['pesticide', 'vet_drug'] as const).map((k) => ({ value: k, label: t(`ref.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="cas" label={t('common.withOptional', { label: t('ref.cas') })} rules={[{ pattern: /^\d{2,7}-\d{2}-\d$/, message: t('ref.casInvalid') }]}>
            <Input maxLength={20} data-testid="ref-analyte-cas" />
          </Form.Item>
          <Form.Item name="method" label={t('ref.method')} rules={[{ required: true, message: t('rule.required', { field: t('ref.method') }) }, { max: 120 }]}>
            <Input maxLength={120} data-testid="ref-analyte-method" />
          </Form.Item>
          <Form.Item name="unit" label={t('ref.unit')}>
            <Select options={['mg/kg', 'μg/kg'].map((u) => ({ value: u, label: u }))} />
          </Form.Item>
          <Form.Item name="standard" label={t('ref.standard')} extra={t('ref.standardHint')} rules={[{ required: true, message: t('rule.required', { field: t('ref.standard') }) }, { max: 120 }]}>
            <Input maxLength={120} data-testid="ref-analyte-standard" />
          </Form.Item>
          <Form.Item name="banned" valuePropName="checked">
            <Checkbox>{t('ref.bannedCheck')}</Checkbox>
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
