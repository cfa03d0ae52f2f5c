import { App, Button, Card, Drawer, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAgencyMe } from '../../app/auth';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { RefreshButton } from '../../app/RefreshButton';
import { useCursorList } from '../../app/use-cursor-list';
import { CERTIFICATION_SCHEMES, type CertificationScheme, type ClientKindName } from '../../../../src/domains/integration/integration.shared';
import { integrationApi, type ClientSummary, type KindOperations } from './integration.api';
import { operationLabel } from './labels';
import { ScopeRegions, type ScopeRegion } from './ScopeRegions';
import { useAction } from '../../shared/use-action';

type Values = { name: string; kind: ClientKindName; scheme?: CertificationScheme; regions: ScopeRegion[]; operations: string[]; contact?: string };

/** 平台对接: the client systems of my jurisdiction; the ministry registers provincial platforms and certification systems, a province its markets and shops. */
export default function IntegrationPage() {
  const { t } = useI18n();
  const me = useAgencyMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [offer, setOffer] = useState<KindOperations | null>(null);
  const [open, setOpen] = useState(false);
  const { busy: saving, run } = useAction();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const fetchPage = useMemo(() => (cursor?: string) => integrationApi.clients(cursor), []);
  const onError = useCallback(() => undefined, []);
  const list = useCursorList(fetchPage, onError);

  useEffect(() => {
    integrationApi.operations().then(setOffer, () => setOffer(null));
  }, []);
  const registrable = offer?.kinds.filter((k) => k.registrable) ?? [];
  const operations = offer?.kinds.find((k) => k.kind === kind)?.operations ?? [];

  const submit = async (v: Values) => {
    await run(async () => {
      const created = await integrationApi.register({ name: v.name, kind: v.kind, scheme: v.scheme, regions: v.regions.map((r) => r.code), operations: v.operations ?? [], contact: v.contact || undefined });
      void message.success(t('integration.registered'));
      setOpen(false);
      form.resetFields();
      navigate(`/integration/${created.id}`);
    });
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('integration.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('integration.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          {me.can('integration.manage') && registrable.length > 0 && (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="integration-register">
              {t('integration.register')}
            </Button>
          )}
          <RefreshButton list={list} />
        </div>
        <CursorTable<ClientSummary>
          list={list}
          size="small"
          locale={{ emptyText: t('integration.empty') }}
          onRow={(r) => ({ onClick: () => navigate(`/integration/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('integration.name'), dataIndex: 'name' },
            { title: t('integration.kind'), dataIndex: 'kind', render: (v: ClientKindName, r) => (r.scheme ? `${t(`integration.kind.${v}`)}（${t(`integration.scheme.${r.scheme}`)}）` : t(`integration.kind.${v}`)) },
            { title: t('integration.regions'), dataIndex: 'regions', render: (v: ClientSummary['regions']) => v.map((x) => (x.code === '' ? t('integration.wholeCountry') : (x.name ?? t('integration.regionUnnamed')))).join('、') },
            { title: t('integration.operations'), dataIndex: 'operations', render: (v: string[]) => (v.length ? v.map((op) => <Tag key={op}>{operationLabel(t, op)}</Tag>) : t('integration.noOperations')) },
            { title: t('integration.status'), dataIndex: 'status', className: 'tn-nowrap', render: (v: ClientSummary['status']) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(`integration.status.${v}`)}</Tag> },
            { title: t('integration.createdAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
          ]}
        />
      </Card>
      <Drawer title={t('integration.register')} open={open} onClose={() => setOpen(false)} width={560} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ regions: [], operations: [] }} data-testid="integration-form">
          <Form.Item name="kind" label={t('integration.kind')} rules={[{ required: true, message: t('integration.kindRequired') }]}>
            <Select options={registrable.map((k) => ({ value: k.kind, label: t(`integration.kind.${k.kind}`) }))} data-testid="integration-kind" />
          </Form.Item>
          {kind === 'certification' && (
            <Form.Item name="scheme" label={t('integration.scheme')} rules={[{ required: true, message: t('integration.schemeRequired') }]}>
              <Select options={CERTIFICATION_SCHEMES.map((s) => ({ value: s, label: t(`integration.scheme.${s}`) }))} data-testid="integration-scheme" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('integration.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('integration.nameRequired') }]}>
            <Input maxLength={100} data-testid="integration-name" />
          </Form.Item>
          <Form.Item name="regions" label={t('integration.regions')} extra={kind === 'provincial_platform' ? t('integration.oneProvince') : t('integration.regionsHint')} rules={[{ validator: async (_r, v: ScopeRegion[]) => (v?.length ? undefined : Promise.reject(new Error(t('integration.regionsRequired')))) }]}>
            <ScopeRegions within={me.agency.level === 'ministry' ? '' : me.agency.regionCode} />
          </Form.Item>
          <Form.Item name="operations" label={t('integration.operations')} extra={t('integration.operationsHint')}>
            <Select mode="multiple" options={operations.map((op) => ({ value: op, label: operationLabel(t, op) }))} data-testid="integration-operations" />
          </Form.Item>
          <Form.Item name="contact" label={t('integration.contact')}>
            <Input maxLength={100} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="integration-submit">
              {t('integration.submit')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Drawer>
    </div>
  );
}
