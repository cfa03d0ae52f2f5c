import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { Agency, Role, User } from '../../app/types';
import { PasswordInput, passwordRule } from './PasswordInput';
import { registryApi } from './registry.api';

type Values = { username: string; displayName: string; phone?: string; password: string; role: Role };

export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{2,39}$/;
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** New account in an agency I manage, with only the roles I may give there. */
export function UserFormModal({ agency, roles, open, onClose, onCreated }: { agency: Agency; roles: Role[]; open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open && !roles.includes(form.getFieldValue('role') as Role)) form.setFieldsValue({ role: roles[roles.length - 1] });
  }, [open, roles, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const user = await registryApi.createUser(agency.id, {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        phone: values.phone?.trim() || undefined,
        password: values.password,
        role: values.role,
      });
      void message.success(t('users.created', { username: user.username }));
      form.resetFields();
      onCreated(user);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={`${t('users.create')} · ${agency.name}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy} okText={t('common.create')} forceRender>
      <Form<Values> form={form} layout="vertical" name="new-user" requiredMark={false}>
        <Form.Item name="username" label={t('field.username')} rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('rule.username') }]}>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[{ required: true, whitespace: true, max: 60, message: t('rule.required', { field: t('field.displayName') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={`${t('field.phone')} (${t('common.optional')})`} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="role" label={t('field.role')} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} extra={t('password.hint')} dependencies={['username']} rules={[passwordRule(t, () => String(form.getFieldValue('username') ?? ''))]}>
          <PasswordInput generator />
        </Form.Item>
      </Form>
    </Modal>
  );
}
