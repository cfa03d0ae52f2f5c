import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';
import { SELF_CHECK_RESULTS, type Batch, type BatchCorrectionRequest, type SelfCheckResult } from '../trace.types';
import { showOnField } from '../../../shared/form-errors';
import { label } from '../trace-labels';
import { traceApi, useKeyPerOpening } from '../trace.api';
import { useAll } from '../master-data/use-all';

type Values = { quantity: number; harvestDate: Dayjs; productId: string; baseId?: string | null; selfCheck: SelfCheckResult; reason: string };

/**
 * 批次更正: the quantity, harvest date, product, base and self-check as they stand, changed where they were wrong, with a reason;
 * only what changed is sent, after a confirmation. The smallest quantity allowed is said under the field.
 */
export function BatchCorrectModal({ batch, open, onClose, onDone }: { batch: Batch; open: boolean; onClose: () => void; onDone: (b: Batch) => void }) {
  const { t, errorText } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const key = useKeyPerOpening(open);
  const gone = Math.round((batch.quantity - batch.stock + batch.frozen) * 1000) / 1000;
  const unit = label(t, 'unit', batch.unit);
  const own = batch.source === 'own';
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  // Product and base are offered to every batch of own production; the server refuses a change once something depends
  // on it (a trade, a certificate, a test) and says which, under the reason.
  const products = useAll(traceApi.products, showError, open && own);
  const bases = useAll(traceApi.bases, showError, open && own);

  useEffect(() => {
    if (open) form.setFieldsValue({ quantity: batch.quantity, harvestDate: batch.harvestDate ? dayjs(batch.harvestDate) : undefined, productId: batch.productId, baseId: batch.baseId, selfCheck: batch.selfCheck, reason: '' } as Values);
  }, [open, batch, form]);

  const send = async (body: BatchCorrectionRequest) => {
    setBusy(true);
    try {
      const b = await traceApi.correctBatch(batch.id, body, key);
      void message.success(t('correct.done'));
      onDone(b);
    } catch (err) {
      const text = errorText(err);
      if (!showOnField(form, err, { QUANTITY_BELOW_SHIPPED: 'quantity', DATE_IN_FUTURE: 'harvestDate', INPUT_AFTER_HARVEST: 'harvestDate', FIELD_IN_USE: 'reason', UNIT_MISMATCH: 'productId', PRODUCT_VOIDED: 'productId', PRODUCT_NOT_FOUND: 'productId', BASE_VOIDED: 'baseId', BASE_NOT_FOUND: 'baseId' }, text)) void message.error(text);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body: Omit<BatchCorrectionRequest, 'reason'> = {};
    if (v.quantity !== batch.quantity) body.quantity = v.quantity;
    const day = v.harvestDate?.format('YYYY-MM-DD');
    if (day && day !== batch.harvestDate) body.harvestDate = day;
    if (own && v.productId && v.productId !== batch.productId) body.productId = v.productId;
    if (own && (v.baseId ?? null) !== batch.baseId) body.baseId = v.baseId ?? null;
    if (v.selfCheck !== batch.selfCheck) body.selfCheck = { result: v.selfCheck };
    if (!Object.keys(body).length) {
      void message.info(t('correct.nothing'));
      return;
    }
    modal.confirm({ title: t('correct.confirmTitle'), content: t('correct.confirmBody'), okText: t('correct.confirm'), onOk: () => send({ ...body, reason: v.reason.trim() }) });
  };

  return (
    <Modal open={open} title={t('correct.batchTitle')} okText={t('correct.confirm')} okButtonProps={{ loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} forceRender>
      <Alert type="info" showIcon title={t('correct.batchHint')} style={{ marginBottom: 12 }} />
      <Form<Values> form={form} layout="vertical" name="batch-correct" requiredMark={false}>
        <Form.Item
          name="quantity"
          label={t('batch.quantity')}
          extra={gone > 0 ? t('correct.minQuantity', { n: `${gone} ${unit}` }) : undefined}
          rules={[{ required: true, message: t('rule.required', { field: t('batch.quantity') }) }, limitRule(t, { positive: true, max: 1e9, ...(gone > 0 ? { min: gone } : {}), unit })]}
        >
          <InputNumber style={{ width: '100%' }} suffix={unit} />
        </Form.Item>
        {batch.source === 'own' && (
          <Form.Item name="harvestDate" label={t('batch.harvestDate')} rules={[{ required: true, message: t('rule.required', { field: t('batch.harvestDate') }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {own && (
          <>
            <Form.Item name="productId" label={t('batch.product')} rules={[{ required: true, message: t('rule.choose', { field: t('batch.product') }) }]}>
              <Select
                loading={!products}
                showSearch={{ optionFilterProp: 'label' }}
                // A batch keeps its unit: only products counted the same way (and in use) are offered.
                options={(products ?? []).filter((p) => p.id === batch.productId || (p.status !== 'voided' && p.unit === batch.unit)).map((p) => ({ value: p.id, label: `${p.name} · ${p.spec}` }))}
                // Until the list is in, the field says so rather than showing the product's id.
                labelRender={(o) => o.label ?? '…'}
                data-testid="correct-product"
              />
            </Form.Item>
            <Form.Item name="baseId" label={t('common.withOptional', { label: t('batch.base') })}>
              <Select
                allowClear
                loading={!bases}
                options={(bases ?? []).filter((b) => b.id === batch.baseId || b.status !== 'voided').map((b) => ({ value: b.id, label: b.name }))}
                labelRender={(o) => o.label ?? '…'}
                data-testid="correct-base"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="selfCheck" label={t('batch.selfCheck')}>
          <Select disabled={batch.certified} options={SELF_CHECK_RESULTS.map((s) => ({ value: s, label: label(t, 'selfCheck', s) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('correct.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t('trace.rule.text', { min: 2, max: 300 }) }]}>
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
