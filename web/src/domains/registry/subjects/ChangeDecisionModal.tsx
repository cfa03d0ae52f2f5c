import { Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { ChangeRequest } from './subject.types';

type Props = {
  open: boolean;
  /** The request being decided (kept while the dialog closes, so its title does not change meanwhile). */
  request: ChangeRequest | null;
  decision: 'approve' | 'reject';
  onSubmit: (opinion: string | undefined) => Promise<void>;
  onClose: () => void;
};

/** The county decides a change request: approve with an optional opinion, or reject with one (2–500 characters). */
export function ChangeDecisionModal({ open, request, decision, onSubmit, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [busy, setBusy] = useState(false);
  const rejecting = decision === 'reject';

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, request, form]);

  const submit = async () => {
    const { opinion } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(opinion?.trim() || undefined);
    } finally {
      setBusy(false);
    }
  };

  const name = request?.subjectName ?? '';
  return (
    <Modal
      open={open}
      title={t(rejecting ? 'changes.rejectTitle' : 'changes.approveTitle', { name })}
      okText={t(rejecting ? 'changes.reject' : 'changes.approve')}
      okButtonProps={{ danger: rejecting, loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      {!rejecting && <Typography.Paragraph type="secondary">{t('changes.approveDesc')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" name="change-decision" requiredMark={false}>
        <Form.Item
          name="opinion"
          label={rejecting ? t('changes.opinionRequired') : t('changes.opinionOptional')}
          rules={[{ required: rejecting, whitespace: true, min: 2, max: 500, message: t('changes.opinionRule') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('changes.opinionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
