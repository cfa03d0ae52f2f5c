import { App, Form, Modal } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { User } from '../registry.types';
import { PasswordInput, passwordRule } from './PasswordInput';
import { registryApi } from '../registry.api';
import { useAction } from '../../../shared/use-action';

type Props = {
  user: Pick<User, 'id' | 'username'> | null;
  onClose: () => void;
  onDone: (user: User) => void;
  /** Who resets: an agency's administrator (the default), a subject's main account, or the county for a main account. */
  reset?: (id: string, newPassword: string) => Promise<User>;
};

/** An administrator sets a new password for an account; its holder must change it at next login. */
export function ResetPasswordModal({ user, onClose, onDone, reset = registryApi.resetPassword }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const { busy, run } = useAction();

  const submit = async () => {
    if (!user) return;
    const { newPassword } = await form.validateFields();
    await run(async () => {
      const updated = await reset(user.id, newPassword);
      void message.success(t('users.resetDone', { username: user.username }));
      form.resetFields();
      onDone(updated);
    });
  };

  return (
    <Modal open={!!user} title={user ? t('users.resetTitle', { username: user.username }) : ''} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} forceRender>
      <Form form={form} layout="vertical" name="reset-password" requiredMark={false}>
        <Form.Item name="newPassword" label={t('account.newPassword')} extra={t('password.hint')} rules={[passwordRule(t, () => user?.username ?? '')]}>
          <PasswordInput generator />
        </Form.Item>
      </Form>
    </Modal>
  );
}
