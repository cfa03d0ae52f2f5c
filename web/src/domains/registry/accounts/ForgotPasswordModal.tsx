import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { recoveryApi } from './recovery.api';
import { useAction } from '../../../shared/use-action';

/** 忘记密码: the request goes to the account's administrator; the answer is the same whether the account exists or not. */
export function ForgotPasswordModal({ open, initialUsername, onClose }: { open: boolean; initialUsername?: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ username: string }>();
  const { busy, run } = useAction();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ username }: { username: string }) => {
    setError(null);
    await run(
      async () => {
        await recoveryApi.requestReset(username.trim());
        setDone(true);
      },
      // The refusal stays in place, inline, rather than as a passing message.
      (_err, said) => {
        setError(said);
        return true;
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('login.forgotTitle')}
      okText={done ? t('common.close') : t('login.forgotSubmit')}
      onOk={() => (done ? onClose() : form.submit())}
      okButtonProps={{ loading: busy }}
      cancelButtonProps={done ? { style: { display: 'none' } } : {}}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) return;
        setDone(false);
        setError(null);
      }}
      destroyOnHidden
    >
      {done ? (
        <Alert type="success" showIcon title={t('login.forgotDone')} data-testid="forgot-done" />
      ) : (
        <Form form={form} layout="vertical" name="forgot" initialValues={{ username: initialUsername ?? '' }} onFinish={(v) => void submit(v)} requiredMark={false}>
          <Typography.Paragraph type="secondary">{t('login.forgotDesc')}</Typography.Paragraph>
          <Form.Item name="username" label={t('field.username')} rules={[{ required: true, whitespace: true, message: t('rule.required', { field: t('field.username') }) }]}>
            <Input autoComplete="username" maxLength={40} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('login.forgotProducer')}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      )}
    </Modal>
  );
}
