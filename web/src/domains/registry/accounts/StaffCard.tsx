import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useMe } from '../../../app/auth';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { User, UserStatus } from '../registry.types';
import { subjectExtraApi } from '../subjects/subject-extra.api';
import '../subjects/subject-extras.css';

// Loaded when opened: /my-subject is a producer's first page on a phone, and the form's widgets (pickers, uploads,
// cascaders) are most of its code (issue 15 §9).
const ResetPasswordModal = lazy(() => import('./ResetPasswordModal').then((m) => ({ default: m.ResetPasswordModal })));
const StaffFormModal = lazy(() => import('./StaffFormModal').then((m) => ({ default: m.StaffFormModal })));
// Shown only while a staff member's request waits; its Table is not worth loading before.
const SubjectResetRequestsCard = lazy(() => import('./SubjectResetRequestsCard').then((m) => ({ default: m.SubjectResetRequestsCard })));

/**
 * 员工账号: my subject's accounts with their user codes; the main account adds, disables and enables staff, and sets a
 * new password for one who forgot it (their request from the login page waits above the list).
 */
export function StaffCard() {
  const me = useMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [items, setItems] = useState<User[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [resets, setResets] = useState(0);
  const replaced = (next: User) => setItems((list) => list?.map((u) => (u.id === next.id ? next : u)) ?? null);

  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);

  useEffect(() => {
    let live = true;
    subjectExtraApi.staff().then((list) => live && setItems(list.items), showError);
    return () => {
      live = false;
    };
  }, [showError]);

  const setStatus = async (user: User, status: UserStatus) => {
    setBusyId(user.id);
    try {
      const next = await subjectExtraApi.setStaffStatus(user.id, status);
      setItems((list) => list?.map((u) => (u.id === next.id ? next : u)) ?? null);
      void message.success(t(status === 'disabled' ? 'staff.disabled' : 'staff.enabled', { username: user.username }));
    } catch (err) {
      showError(err);
    } finally {
      setBusyId(null);
    }
  };

  const isMain = (u: User) => Boolean(u.userCode?.endsWith('.00001'));

  return (
    <Card
      className="tn-x-card"
      title={t('staff.title')}
      data-testid="staff-card"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('staff.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" className="tn-x-desc">
        {t('staff.desc')}
      </Typography.Paragraph>
      <Suspense fallback={null}>
        <SubjectResetRequestsCard whose="staff" version={resets} onReset={replaced} />
      </Suspense>
      {!items ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <EmptyState description={t('staff.empty')} />
      ) : (
        <div className="tn-wrap-list">
          {items.map((u) => (
            <div key={u.id} className="tn-wrap-item" data-testid="staff-item">
              <div className={`tn-x-main${u.status === 'disabled' ? ' tn-x-muted' : ''}`}>
                <div className="tn-x-head">
                  <Typography.Text strong>{u.displayName}</Typography.Text>
                  <Typography.Text type="secondary">{u.username}</Typography.Text>
                  {isMain(u) && <Tag color="blue">{t('staff.main')}</Tag>}
                  {u.id === me.user.id && <Tag color="green">{t('staff.self')}</Tag>}
                  <Tag color={u.status === 'active' ? 'success' : 'default'}>{t(`status.${u.status}`)}</Tag>
                  {u.mustChangePassword && <Tag color="warning">{t('users.mustChange')}</Tag>}
                </div>
                <Typography.Text className="tn-secret" copyable={u.userCode ? { text: u.userCode } : false} data-testid="user-code">
                  {t('staff.userCode')}{t('common.colon')}{u.userCode ?? '—'}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('field.phone')}{t('common.colon')}{u.phone ?? '—'} · {t('field.lastLoginAt')}{t('common.colon')}{formatTime(u.lastLoginAt)}
                </Typography.Text>
              </div>
              {!isMain(u) && u.id !== me.user.id && (
                <div className="tn-x-actions">
                  <Button size="small" onClick={() => setResetting(u)} data-testid={`staff-reset-${u.username}`}>
                    {t('staff.resetPassword')}
                  </Button>
                  {u.status === 'active' ? (
                    <Popconfirm title={t('staff.disableConfirm', { username: u.username })} onConfirm={() => setStatus(u, 'disabled')} okButtonProps={{ danger: true }}>
                      <Button size="small" danger loading={busyId === u.id}>
                        {t('staff.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" loading={busyId === u.id} onClick={() => void setStatus(u, 'active')}>
                      {t('staff.enable')}
                    </Button>
                  )}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      <Suspense fallback={null}>
        {resetting && (
          <ResetPasswordModal
            user={resetting}
            reset={subjectExtraApi.resetStaffPassword}
            onClose={() => setResetting(null)}
            onDone={(user) => {
              setResetting(null);
              replaced(user);
              setResets((n) => n + 1);
            }}
          />
        )}
        {adding && (
          <StaffFormModal
            open
            onClose={() => setAdding(false)}
            onCreated={(user) => {
              setAdding(false);
              setItems((list) => [...(list ?? []), user]);
            }}
          />
        )}
      </Suspense>
    </Card>
  );
}
