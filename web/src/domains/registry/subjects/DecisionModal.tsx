import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';

type Props = {
  open: boolean;
  title: string;
  label: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  extra?: string;
  onSubmit: (text: string) => Promise<void>;
  onClose: () => void;
};

/** A decision that needs words: return with an opinion, reject or suspend with a reason (2–500 characters). */
export function DecisionModal({ open, title, label, placeholder, okText, danger, extra, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const { text } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(text.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger, loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="decision" requiredMark={false}>
        <Form.Item name="text" label={label} extra={extra} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('inbox.opinionRequired') }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
