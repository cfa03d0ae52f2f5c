import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { limitRule } from '../../../app/number-limit';

type Props = {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  /** Ask for a quantity too (a return), up to this much. */
  maxQuantity?: number;
  unitLabel?: string;
  /** Said above the form first (what the decision will do). */
  hint?: string;
  /** The reason field's label, when not a trade's. */
  reasonLabel?: string;
  formName?: string;
  onSubmit: (reason: string, quantity?: number) => Promise<void>;
  onClose: () => void;
};

/** A decision that needs a reason (2–300 characters): a trade's reject, cancel or return (with its quantity), a void. */
export function ReasonModal({ open, title, okText, danger, maxQuantity, unitLabel, hint, reasonLabel, formName = 'trade-reason', onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; quantity?: number }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(v.reason.trim(), v.quantity);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={title} okText={okText} okButtonProps={{ danger, loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} forceRender>
      {hint && <Alert type="warning" showIcon title={hint} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name={formName} requiredMark={false}>
        {maxQuantity !== undefined && (
          <Form.Item name="quantity" label={t('return.quantity')} rules={[{ required: true, message: t('rule.required', { field: t('return.quantity') }) }, limitRule(t, { positive: true, max: maxQuantity, ...(unitLabel ? { unit: unitLabel } : {}) })]}>
            <InputNumber style={{ width: '100%' }} suffix={unitLabel} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={reasonLabel ?? t('trade.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t('trace.rule.text', { min: 2, max: 300 }) }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
