import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useCallback, useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { FormDrawer } from '../../shared/FormDrawer';
import { ProductClassCascader } from '../../shared/ProductClassCascader';
import { useFormSubmit } from '../../shared/use-action';
import { monitoringApi } from './monitoring.api';
import { useLoaded } from './reference-load';

type Values = { analyteCode: string; classCode: string; commodityZh?: string; value?: number | null; unit: 'mg/kg' | 'μg/kg'; standard: string; clause: string; sourceUrl?: string; note?: string };
const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** 添加限量: a province's or a lab's limit for an analyte in a product class, citing its standard and clause; no value is 不得检出. */
export function AddLimitDrawer({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const analytes = useLoaded(useCallback(() => monitoringApi.referenceAnalytes(), []));
  useEffect(() => {
    if (open) {
      form.resetFields();
      void analytes.reload();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh list at each opening, not at each render
  }, [open, form]);
  const { busy, submit } = useFormSubmit(form, {
    send: (v) =>
      monitoringApi.addLimit({
        analyteCode: v.analyteCode,
        classCode: v.classCode,
        ...(text(v.commodityZh) ? { commodityZh: text(v.commodityZh) } : {}),
        ...(v.value ? { value: v.value } : {}),
        unit: v.unit,
        standard: v.standard.trim(),
        clause: v.clause.trim(),
        ...(text(v.sourceUrl) ? { sourceUrl: text(v.sourceUrl) } : {}),
        ...(text(v.note) ? { note: text(v.note) } : {}),
      }),
    fieldOf: { UNKNOWN_ANALYTE: 'analyteCode', UNKNOWN_PRODUCT_CLASS: 'classCode' },
    done: onDone,
  });
  const required = (key: Parameters<typeof t>[0]) => ({ required: true, message: t('rule.required', { field: t(key) }) });
  return (
    <FormDrawer open={open} title={t('ref.addLimit')} okText={t('common.save')} busy={busy} onOk={submit} onClose={onClose} testId="ref-limit-drawer">
      <p className="tn-muted">{t('ref.addLimitHint')}</p>
      <Form<Values> form={form} layout="vertical" name="limit" requiredMark={false} initialValues={{ unit: 'mg/kg' }}>
        <Form.Item name="analyteCode" label={t('ref.analyte')} rules={[required('ref.analyte')]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={analytes.loading}
            status={analytes.error ? 'error' : undefined}
            placeholder={analytes.error ? t('load.failed') : undefined}
            options={analytes.items.map((a) => ({ value: a.code, label: a.nameZh }))}
            data-testid="ref-limit-analyte"
          />
        </Form.Item>
        <Form.Item name="classCode" label={t('ref.class')} rules={[required('ref.class')]}>
          <ProductClassCascader />
        </Form.Item>
        <Form.Item name="commodityZh" label={t('common.withOptional', { label: t('ref.commodity') })} extra={t('ref.commodityHint')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={16}>
            <Form.Item name="value" label={t('common.withOptional', { label: t('ref.mrl') })} extra={t('ref.valueHint')} rules={[limitRule(t, { positive: true, max: 100_000 })]}>
              <InputNumber style={{ width: '100%' }} data-testid="ref-limit-value" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="unit" label={t('ref.unit')}>
              <Select options={['mg/kg', 'μg/kg'].map((u) => ({ value: u, label: u }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="standard" label={t('ref.standard')} rules={[required('ref.standard'), { max: 120 }]}>
          <Input maxLength={120} data-testid="ref-limit-standard" />
        </Form.Item>
        <Form.Item name="clause" label={t('ref.clause')} rules={[required('ref.clause'), { max: 200 }]}>
          <Input maxLength={200} data-testid="ref-limit-clause" />
        </Form.Item>
        <Form.Item name="sourceUrl" label={t('common.withOptional', { label: t('ref.sourceUrl') })} rules={[{ type: 'url', message: t('ref.urlInvalid') }, { max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label={t('common.withOptional', { label: t('ref.note') })} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
