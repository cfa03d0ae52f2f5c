import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import type { Certificate } from './subject.types';
import { subjectExtraApi } from './subject-extra.api';
import { useAction } from '../../../shared/use-action';

/**
 * 核验: an official of a supervision agency from the county up marks an unverified certificate verified (a note
 * optional) or not genuine (a reason required). Shows nothing to anyone else.
 */
export function CertificateVerifyActions({ certificate: c, onVerified }: { certificate: Certificate; onVerified: (next: Certificate) => void }) {
  const me = useMe();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const [decision, setDecision] = useState<'verify' | 'reject'>('verify');
  const [open, setOpen] = useState(false);
  const { busy, run } = useAction();

  // The server's canSuspendSubjects: supervision agencies above the township.
  const allowed = me.can('subject.supervise') && me.agency?.kind === 'supervision' && me.agency.level !== 'township';
  if (!allowed || c.status !== 'unverified') return null;

  const start = (next: 'verify' | 'reject') => {
    form.resetFields();
    setDecision(next);
    setOpen(true);
  };

  const submit = async () => {
    const { note } = await form.validateFields();
    await run(async () => {
      const verified = decision === 'verify';
      const next = await subjectExtraApi.verifyCertificate(c.id, { verified, note: note?.trim() || undefined });
      void message.success(t(verified ? 'certs.verified' : 'certs.rejected', { number: c.number }));
      setOpen(false);
      onVerified(next);
    });
  };

  const rejecting = decision === 'reject';
  return (
    <>
      <Button size="small" type="primary" icon={<CheckCircleOutlined />} onClick={() => start('verify')}>
        {t('certs.verify')}
      </Button>
      <Button size="small" danger icon={<CloseCircleOutlined />} onClick={() => start('reject')}>
        {t('certs.reject')}
      </Button>
      <Modal
        open={open}
        title={t(rejecting ? 'certs.rejectTitle' : 'certs.verifyTitle', { number: c.number })}
        okText={t(rejecting ? 'certs.reject' : 'certs.verify')}
        okButtonProps={{ danger: rejecting, loading: busy }}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('certs.verifyDesc')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name={`verify-${c.id}`} requiredMark={false}>
          <Form.Item
            name="note"
            label={rejecting ? t('certs.noteRequired') : t('certs.noteOptional')}
            rules={[{ required: rejecting, whitespace: true, max: 300, message: t('certs.noteRule') }]}
          >
            <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('certs.notePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
