import { Button, Form, Input } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PasswordInput, passwordRule } from './PasswordInput';
import { registryApi } from '../registry.api';
import { useAction } from '../../../shared/use-action';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** Change my own password (POST /auth/password); other sessions of mine end on the server. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone: () => void | Promise<void> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();

  const submit = async (values: Values) => {
    await run(async () => {
      await registryApi.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      await onDone();
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} className="tn-form-narrow" name="change-password" requiredMark={false}>
      <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('rule.required', { field: t('account.currentPassword') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('password.hint')} rules={[passwordRule(t, () => username)]}>
        <PasswordInput />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('rule.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: async (_r, value: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('rule.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('account.changePassword')}
      </Button>
    </Form>
  );
}
