import { Form, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import type { Agency, Role, User } from '../registry.types';
import { AccountFormModal, type AccountValues } from './AccountFormModal';
import { registryApi } from '../registry.api';

type Values = AccountValues & { role: Role };

/** New account in an agency I manage, with only the roles I may give there. */
export function UserFormModal({ agency, roles, open, onClose, onCreated }: { agency: Agency; roles: Role[]; open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (open && !roles.includes(form.getFieldValue('role') as Role)) form.setFieldsValue({ role: roles[roles.length - 1] });
  }, [open, roles, form]);

  return (
    <AccountFormModal<Values>
      form={form}
      name="new-user"
      title={`${t('users.create')} · ${agency.name}`}
      open={open}
      onClose={onClose}
      create={(account, values) => registryApi.createUser(agency.id, { ...account, role: values.role })}
      createdMessage="users.created"
      onCreated={onCreated}
    >
      <Form.Item name="role" label={t('field.role')} rules={[{ required: true }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
    </AccountFormModal>
  );
}
