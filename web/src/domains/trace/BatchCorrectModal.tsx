import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { SELF_CHECK_RESULTS, type Batch, type BatchCorrectionRequest, type SelfCheckResult } from './trace.types';
import { showOnField } from './form-errors';
import { label } from './trace-labels';
import { traceApi, useKeyPerOpening } from './trace.api';

type Values = { quantity: number; harvestDate: Dayjs; selfCheck: SelfCheckResult; reason: string };

/**
 * 批次更正: the quantity, harvest date and self-check as they stand, changed where they were wrong, with a reason;
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

  useEffect(() => {
    if (open) form.setFieldsValue({ quantity: batch.quantity, harvestDate: batch.harvestDate ? dayjs(batch.harvestDate) : undefined, selfCheck: batch.selfCheck, reason: '' } as Values);
  }, [open, batch, form]);

  const send = async (body: BatchCorrectionRequest) => {
    setBusy(true);
    try {
      const b = await traceApi.correctBatch(batch.id, body, key);
      void message.success(t('correct.done'));
      onDone(b);
    } catch (err) {
      const text = errorText(err);
      if (!showOnField(form, err, { QUANTITY_BELOW_SHIPPED: 'quantity', DATE_IN_FUTURE: 'harvestDate', INPUT_AFTER_HARVEST: 'harvestDate', FIELD_IN_USE: 'reason' }, text)) void message.error(text);
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
