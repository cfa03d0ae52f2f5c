import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api-error';
import { useAuth } from '../../../app/auth';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { ForgotPasswordModal } from './ForgotPasswordModal';
import { LanguageSwitch } from '../../../shared/LanguageSwitch';
import { recoveryApi } from './recovery.api';

type Values = { username: string; password: string };

export default function LoginPage() {
  const { login, state } = useAuth();
  const expired = state.status === 'anonymous' && state.expired === true;
  const { t, errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const [forgot, setForgot] = useState<{ username?: string } | null>(null);
  // The demo accounts are listed only when the server holds them (their password is published); if it cannot be
  // asked, nothing is listed: a page that offers logins that do not exist is worse than one that offers none.
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    let live = true;
    recoveryApi.loginOptions().then(
      (options) => live && setDemo(options.demo),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
    } catch (err) {
      // A locked account: say until when in local time (the server's message carries an ISO timestamp).
      if (err instanceof ApiError && err.code === 'ACCOUNT_LOCKED' && typeof err.details.lockedUntil === 'string') {
        setError(t('login.locked', { time: formatTime(err.details.lockedUntil) }));
      } else {
        setError(errorText(err));
      }
      setBusy(false);
    }
  };

  return (
    <div className="tn-login">
      <Card className="tn-login-card">
        <div className="tn-login-brand">
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <div>
            <Typography.Title level={2}>{t('app.name')}</Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
        </div>
        <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy} name="login">
          <Form.Item name="username" label={t('field.username')} rules={[{ required: true, message: t('rule.required', { field: t('field.username') }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('rule.required', { field: t('field.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {expired && !error && <Alert type="warning" showIcon title={t('load.expired')} data-testid="session-expired" style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} className="tn-login-error" data-testid="login-error" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div className="tn-login-links">
          <Link to="/register" data-testid="register-link">
            {t('login.register')}
          </Link>
          <Link to="/register/status">{t('login.track')}</Link>
          <Typography.Link onClick={() => setForgot({ username: form.getFieldValue('username') as string | undefined })} data-testid="forgot-link">
            {t('login.forgot')}
          </Typography.Link>
        </div>
        {demo && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }} data-testid="demo-accounts">
            {t('login.demoTitle')}
            <br />
            {t('login.demoHint')}
          </Typography.Paragraph>
        )}
        <ForgotPasswordModal open={forgot !== null} initialUsername={forgot?.username} onClose={() => setForgot(null)} />
        <div style={{ textAlign: 'right' }}>
          <LanguageSwitch />
        </div>
      </Card>
    </div>
  );
}
