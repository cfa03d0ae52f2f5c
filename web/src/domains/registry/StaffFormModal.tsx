import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { User } from '../../app/types';
import { PasswordInput, passwordRule } from './PasswordInput';
import { subjectExtraApi } from './subject-extra.api';
import { PHONE_PATTERN, USERNAME_PATTERN } from './UserFormModal';

type Values = { username: string; displayName: string; phone?: string; password: string };

/** A new staff account of my subject (user code .00002 upward); it must change its password at first login. */
export function StaffFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const user = await subjectExtraApi.addStaff({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        phone: values.phone?.trim() || undefined,
        password: values.password,
      });
      void message.success(t('staff.added', { username: user.username }));
      form.resetFields();
      onCreated(user);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('staff.add')} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} okText={t('common.create')} forceRender>
      <Form<Values> form={form} layout="vertical" name="new-staff" requiredMark={false}>
        <Form.Item name="username" label={t('field.username')} rules={[{ required: true, pattern: USERNAME_PATTERN, message: t('rule.username') }]}>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[{ required: true, whitespace: true, max: 60, message: t('rule.required', { field: t('field.displayName') }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={`${t('field.phone')} (${t('common.optional')})`} rules={[{ pattern: PHONE_PATTERN, message: t('rule.phone') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} extra={t('password.hint')} dependencies={['username']} rules={[passwordRule(t, () => String(form.getFieldValue('username') ?? ''))]}>
          <PasswordInput generator />
        </Form.Item>
        <Alert type="info" showIcon title={t('staff.passwordHint')} />
      </Form>
    </Modal>
  );
}
