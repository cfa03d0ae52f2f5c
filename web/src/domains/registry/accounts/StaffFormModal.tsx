import { Alert, Form } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { User } from '../registry.types';
import { AccountFormModal, type AccountValues } from './AccountFormModal';
import { subjectExtraApi } from '../subjects/subject-extra.api';

/** A new staff account of my subject (user code .00002 upward); it must change its password at first login. */
export function StaffFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AccountValues>();
  return (
    <AccountFormModal
      form={form}
      name="new-staff"
      title={t('staff.add')}
      open={open}
      onClose={onClose}
      create={(account) => subjectExtraApi.addStaff(account)}
      createdMessage="staff.added"
      onCreated={onCreated}
      footer={<Alert type="info" showIcon title={t('staff.passwordHint')} />}
    />
  );
}
