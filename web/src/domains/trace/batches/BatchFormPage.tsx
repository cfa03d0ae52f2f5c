import { ArrowLeftOutlined } from '@ant-design/icons';
import type { DoseUnit } from '../../../../../src/domains/trace/dose-units.shared';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import { SELF_CHECK_RESULTS, type InputKind, type ProductUnit, type SelfCheckResult } from '../trace.types';
import { showOnField } from '../../../shared/form-errors';
import { isAnimalBatch, isLiveAnimalUnit } from '../../../../../src/domains/trace/animal.shared';
import { AnimalFields, animalRequest, type AnimalValues } from '../AnimalFields';
import { InputRows } from './InputRows';
import { TracePageTitle } from '../TracePageTitle';
import { label } from '../trace-labels';
import { newKey, traceApi } from '../trace.api';
import { useAll } from '../master-data/use-all';
import { ENVIRONMENT_NOTE_MAX, VARIETY_MAX } from '../../../../../src/domains/trace/batch-origin.shared';
import '../trace.css';

type Values = {
  productId: string;
  baseId?: string;
  quantity: number;
  harvestDate: Dayjs;
  inputs?: { kind: InputKind; name: string; dose: number; doseUnit: DoseUnit; appliedOn: Dayjs }[];
  selfCheck: SelfCheckResult;
  selfCheckNote?: string;
  animal?: AnimalValues;
  variety?: string;
  soilNote?: string;
  waterNote?: string;
};

/** An optional text sent only when something was typed (trimmed, never cut: the rule refuses one too long). */
const optionalText = <K extends string>(key: K, v: string | undefined) => (v?.trim() ? ({ [key]: v.trim() } as Record<K, string>) : {});

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** /trace/batches/new: 登记批次 of own production — product, base, quantity, harvest date, inputs, self-check. */
export default function BatchFormPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const products = useAll(traceApi.products, showError);
  const bases = useAll(traceApi.bases, showError);
  const productId = Form.useWatch('productId', form);
  const product = products?.find((p) => p.id === productId);

  const submit = async () => {
    const v = await form.validateFields();
    if (!product) return;
    setBusy(true);
    try {
      const batch = await traceApi.recordBatch(
        {
          productId: v.productId,
          ...(v.baseId ? { baseId: v.baseId } : {}),
          quantity: v.quantity,
          unit: product.unit as ProductUnit,
          harvestDate: day(v.harvestDate),
          inputs: (v.inputs ?? []).map((i) => ({ kind: i.kind, name: i.name.trim(), dose: i.dose, doseUnit: i.doseUnit, appliedOn: day(i.appliedOn) })),
          selfCheck: { result: v.selfCheck, ...(v.selfCheckNote?.trim() ? { note: v.selfCheckNote.trim() } : {}) },
          ...animalRequest(v.animal),
          ...optionalText('variety', v.variety),
          ...optionalText('soilNote', v.soilNote),
          ...optionalText('waterNote', v.waterNote),
        },
        key,
      );
      void message.success(t('batch.recorded', { code: batch.code }));
      navigate(`/trace/batches/${batch.id}`);
    } catch (err) {
      const text = errorText(err);
      if (!showOnField(form, err, { PRODUCT_NOT_FOUND: 'productId', BASE_NOT_FOUND: 'baseId', INPUT_AFTER_HARVEST: 'harvestDate', ANIMAL_DATE_IN_FUTURE: ['animal', 'slaughterDate'] }, text)) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="tn-form-narrow">
      <TracePageTitle
        title={t('batch.new')}
        desc={t('batch.newDesc')}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/trace/batches')}>
            {t('batch.backToList')}
          </Button>
        }
      />
      {products && products.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('batch.noProducts')} action={<Link to="/trace/products">{t('product.add')}</Link>} />
      )}
      <Card>
        <Form<Values> form={form} layout="vertical" name="batch" requiredMark={false} initialValues={{ inputs: [] }}>
          {/* No field starts with a value nobody gave: an untouched harvest date would record today as a fact. */}
          <Form.Item name="productId" label={t('batch.product')} rules={[{ required: true, message: t('rule.required', { field: t('batch.product') }) }]}>
            <Select
              loading={!products}
              showSearch={{ optionFilterProp: 'label' }}
              options={(products ?? []).filter((p) => p.status !== 'voided').map((p) => ({ value: p.id, label: `${p.name} · ${p.spec}` }))}
              placeholder={t('batch.productPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="baseId" label={t('common.withOptional', { label: t('batch.base') })}>
            <Select allowClear loading={!bases} options={(bases ?? []).filter((b) => b.status !== 'voided').map((b) => ({ value: b.id, label: b.name }))} placeholder={t('batch.basePlaceholder')} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="quantity" label={t('batch.quantity')} rules={[{ required: true, message: t('rule.required', { field: t('batch.quantity') }) }, limitRule(t, { positive: true, max: 1e9, ...(product ? { unit: label(t, 'unit', product.unit) } : {}) })]}>
                <InputNumber style={{ width: '100%' }} inputMode="decimal" suffix={product ? label(t, 'unit', product.unit) : undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="harvestDate" label={t('batch.harvestDate')} rules={[{ required: true, message: t('rule.required', { field: t('batch.harvestDate') }) }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          {product && isAnimalBatch(product.unit, product.classCode) && <AnimalFields live={isLiveAnimalUnit(product.unit)} />}
          {/* 品种 and 产地环境, as the notice asks of tea and other crops: optional, refused (not cut) past the limit shown. */}
          <Form.Item name="variety" label={t('common.withOptional', { label: t('batch.variety') })} rules={[{ max: VARIETY_MAX, message: t('batch.textTooLong', { max: VARIETY_MAX }) }]}>
            <Input count={{ show: true, max: VARIETY_MAX }} placeholder={t('batch.varietyPlaceholder')} data-testid="batch-variety" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="soilNote" label={t('common.withOptional', { label: t('batch.soilNote') })} rules={[{ max: ENVIRONMENT_NOTE_MAX, message: t('batch.textTooLong', { max: ENVIRONMENT_NOTE_MAX }) }]}>
                <Input.TextArea rows={2} count={{ show: true, max: ENVIRONMENT_NOTE_MAX }} placeholder={t('batch.soilNotePlaceholder')} data-testid="batch-soil" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="waterNote" label={t('common.withOptional', { label: t('batch.waterNote') })} rules={[{ max: ENVIRONMENT_NOTE_MAX, message: t('batch.textTooLong', { max: ENVIRONMENT_NOTE_MAX }) }]}>
                <Input.TextArea rows={2} count={{ show: true, max: ENVIRONMENT_NOTE_MAX }} placeholder={t('batch.waterNotePlaceholder')} data-testid="batch-water" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start" plain>
            {t('batch.inputs')}
          </Divider>
          <InputRows />
          <Divider titlePlacement="start" plain>
            {t('batch.selfCheck')}
          </Divider>
          {/* No default: a self-check nobody answered is not 合格 (the server refuses a missing answer too). */}
          <Form.Item name="selfCheck" label={t('batch.selfCheckResult')} rules={[{ required: true, message: t('rule.required', { field: t('batch.selfCheckResult') }) }]}>
            <Radio.Group optionType="button" options={SELF_CHECK_RESULTS.map((r) => ({ value: r, label: label(t, 'selfCheck', r) }))} data-testid="batch-self-check" />
          </Form.Item>
          <Form.Item name="selfCheckNote" label={t('common.withOptional', { label: t('batch.selfCheckNote') })} rules={[{ max: 300 }]}>
            <Input.TextArea rows={2} maxLength={300} placeholder={t('batch.selfCheckNotePlaceholder')} />
          </Form.Item>
          <Space>
            <Button type="primary" loading={busy} onClick={() => void submit().catch(() => undefined)} data-testid="record-batch">
              {t('batch.record')}
            </Button>
            <Button onClick={() => navigate('/trace/batches')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
