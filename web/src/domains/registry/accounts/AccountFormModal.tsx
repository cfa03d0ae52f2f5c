import { PHONE_PATTERN } from '../../../shared/phone';
import { App, Form, Input, Modal, type FormInstance } from 'antd';
import { type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { User } from '../registry.types';
import { PasswordInput, passwordRule } from './PasswordInput';
import { useAction } from '../../../shared/use-action';

export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,39}$/;

/** What every new account is given (an agency's account, a subject's staff account). */
export type AccountValues = { username: string; displayName: string; phone?: string; password: string };

type Props<V extends AccountValues> = {
  form: FormInstance<V>;
  /** The form's name (its fields' ids). */
  name: string;
  title: string;
  open: boolean;
  onClose: () => void;
  /** Sends the account (names trimmed, an empty phone left out) and the form's other values. */
  create: (account: AccountValues, values: V) => Promise<User>;
  /** Said when created, with {username}. */
  createdMessage: 'users.created' | 'staff.added';
  onCreated: (user: User) => void;
  /** More fields, before the password. */
  children?: ReactNode;
  /** Under the password. */
  footer?: ReactNode;
};

/** A new account: username, name, optional phone, what `children` add, and the initial password (typed or generated). */
export function AccountFormModal<V extends AccountValues>({ form, name, title, open, onClose, create, createdMessage, onCreated, children, footer }: Props<V>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useAction();

  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const account = { username: values.username.trim(), displayName: values.displayName.trim(), phone: values.phone?.trim() || undefined, password: values.password };
      const user = await create(account, values);
      void message.success(t(createdMessage, { username: user.username }));
      form.resetFields();
      onCreated(user);
    });
  };

  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} okText={t('common.create')} forceRender>
      <Form<V> form={form} layout="vertical" name={name} requiredMark={false}>
        <Form.Item name="username" label={t('field.username')} rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('rule.username') }]}>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[{ required: true, whitespace: true, max: 60, message: t('rule.required', { field: t('field.displayName') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={t('common.withOptional', { label: t('field.phone') })} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        {children}
        <Form.Item name="password" label={t('field.password')} extra={t('password.hint')} dependencies={['username']} rules={[passwordRule(t, () => String((form as FormInstance).getFieldValue('username') ?? ''))]}>
          <PasswordInput generator />
        </Form.Item>
        {footer}
      </Form>
    </Modal>
  );
}
