import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';

type Props = { open: boolean; title: string; hint: string; onSubmit: (reason: string) => Promise<void>; onClose: () => void };

/** 作废 with its consequences said first and a required reason (2–300 characters), which the public may read. */
export function VoidModal({ open, title, hint, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(v.reason.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={title} okText={t('void.confirm')} okButtonProps={{ danger: true, loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} forceRender>
      <Alert type="warning" showIcon title={hint} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" name="void" requiredMark={false}>
        <Form.Item name="reason" label={t('void.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 300, message: t('trace.rule.text', { min: 2, max: 300 }) }]}>
          <Input.TextArea rows={3} maxLength={300} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
