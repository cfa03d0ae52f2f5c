import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';

type Props = {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  /** Ask for a quantity too (a return), up to this much. */
  maxQuantity?: number;
  unitLabel?: string;
  onSubmit: (reason: string, quantity?: number) => Promise<void>;
  onClose: () => void;
};

/** A trade decision that needs a reason (2–300 characters): reject, cancel, or a return with its quantity. */
export function ReasonModal({ open, title, okText, danger, maxQuantity, unitLabel, onSubmit, onClose }: Props) {
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
      <Form form={form} layout="vertical" name="trade-reason" requiredMark={false}>
        {maxQuantity !== undefined && (
          <Form.Item name="quantity" label={t('return.quantity')} rules={[{ required: true, message: t('rule.required', { field: t('return.quantity') }) }, limitRule(t, { positive: true, max: maxQuantity, ...(unitLabel ? { unit: unitLabel } : {}) })]}>
            <InputNumber style={{ width: '100%' }} suffix={unitLabel} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('trade.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t('trace.rule.text', { min: 2, max: 300 }) }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
