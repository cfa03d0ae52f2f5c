import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAgencyMe } from '../../../app/auth';
import { CursorTable } from '../../../app/CursorTable';
import { RefreshButton } from '../../../app/RefreshButton';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { useCursorList } from '../../../app/use-cursor-list';
import { ExportButton, ListTotalText } from '../../../app/ListTools';
import type { Agency, User, UserStatus } from '../registry.types';
import { manageableRoles } from './manage-rules';
import { allPages, registryApi } from '../registry.api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { ResetRequestsCard } from './ResetRequestsCard';
import { sortAgencies } from './tree-data';
import { UserFormModal } from './UserFormModal';

/** Accounts of my agency and of the agencies my agency allocated: create, disable/enable, reset password. */
export default function UsersPage() {
  const me = useAgencyMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [agencies, setAgencies] = useState<Agency[]>([me.agency]);
  const [filters, setFilters] = useState<{ q?: string; status?: UserStatus }>({});
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const agencyId = params.get('agency') ?? me.agency.id;

  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);

  // The agencies whose accounts I manage: mine, and those my supervision agency allocated.
  useEffect(() => {
    let live = true;
    const load = async () => {
      const own = await registryApi.agency(me.agency.id);
      const children = me.agency.kind === 'supervision' && me.user.role === 'admin' ? await allPages((cursor) => registryApi.agencies({ parentId: me.agency.id, cursor })) : [];
      const list = [own, ...sortAgencies(children)];
      if (!list.some((a) => a.id === agencyId)) list.push(await registryApi.agency(agencyId));
      if (live) setAgencies(list);
    };
    load().catch(showError);
    return () => {
      live = false;
    };
  }, [me.agency.id, me.agency.kind, me.user.role, agencyId, showError]);

  const agency = agencies.find((a) => a.id === agencyId);
  const roles = useMemo(() => (agency ? manageableRoles(me, agency) : []), [me, agency]);
  const allowed = roles.length > 0;

  const fetchPage = useMemo(
    () => (allowed ? (cursor?: string) => registryApi.users(agencyId, { ...filters, cursor }) : null),
    [allowed, agencyId, filters],
  );
  const list = useCursorList(fetchPage, showError);

  const replace = (user: User) => list.setItems((items) => items.map((u) => (u.id === user.id ? user : u)));

  const setStatus = async (user: User, status: UserStatus) => {
    try {
      replace(await registryApi.updateUser(user.id, { status }));
      void message.success(t(status === 'disabled' ? 'users.disabled' : 'users.enabled', { username: user.username }));
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      </div>
      {me.can('user.manage') && <ResetRequestsCard onReset={() => void list.reload()} />}
      <Card>
        <div className="tn-filters">
          <Select
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={agencyId}
            onChange={(id: string) => setParams(id === me.agency.id ? {} : { agency: id })}
            options={agencies.map((a) => ({ value: a.id, label: a.id === me.agency.id ? `${a.name}（${t('users.own')}）` : a.name }))}
            aria-label={t('users.agency')}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Input.Search
            placeholder={t('users.searchPlaceholder')}
            allowClear
            style={{ width: 220 }}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
          />
          <Select<UserStatus | ''>
            style={{ width: 120 }}
            value={filters.status ?? ''}
            onChange={(status) => setFilters((f) => ({ ...f, status: status || undefined }))}
            options={[
              { value: '', label: t('common.all') },
              { value: 'active', label: t('status.active') },
              { value: 'disabled', label: t('status.disabled') },
            ]}
            aria-label={t('field.status')}
          />
          <RefreshButton list={list} />
          {allowed && <ListTotalText total={list.total} />}
          {allowed && <ExportButton path={`/agencies/${agencyId}/users.xlsx`} query={filters} filename={`${agency?.name ?? ''}${t('list.file.users')}.xlsx`} total={list.total} />}
          <Button type="primary" icon={<PlusOutlined />} disabled={!allowed || !agency} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </div>
        {agency && !allowed ? (
          <Alert type="info" showIcon title={t('users.noRights')} />
        ) : (
          <CursorTable<User>
            list={list}
            columns={[
              {
                title: t('field.username'),
                dataIndex: 'username',
                render: (v: string, u) => (
                  <Space size={4} wrap>
                    <strong>{v}</strong>
                    {u.id === me.user.id && <Tag color="green">{t('users.self')}</Tag>}
                  </Space>
                ),
              },
              { title: t('field.displayName'), dataIndex: 'displayName' },
              { title: t('field.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
              { title: t('field.role'), dataIndex: 'role', render: (r: User['role']) => t(`role.${r}`) },
              {
                title: t('field.status'),
                dataIndex: 'status',
                render: (s: UserStatus, u) => (
                  <Space size={4} wrap>
                    <Tag color={s === 'active' ? 'success' : 'default'}>{t(`status.${s}`)}</Tag>
                    {u.mustChangePassword && <Tag color="warning">{t('users.mustChange')}</Tag>}
                    {u.lockedUntil && (
                      <Tag color="error" icon={<LockOutlined />} title={formatTime(u.lockedUntil)}>
                        {t('users.locked')}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              { title: t('field.lastLoginAt'), dataIndex: 'lastLoginAt', className: 'tn-nowrap', render: formatTime },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                render: (_v, u) =>
                  u.id === me.user.id || !roles.includes(u.role) ? null : (
                    <Space size={0} wrap>
                      {u.status === 'active' ? (
                        <Popconfirm title={t('users.disableConfirm', { username: u.username })} onConfirm={() => setStatus(u, 'disabled')}>
                          <Button type="link" size="small" danger>
                            {t('users.disable')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button type="link" size="small" onClick={() => void setStatus(u, 'active')}>
                          {t('users.enable')}
                        </Button>
                      )}
                      <Button type="link" size="small" onClick={() => setResetting(u)}>
                        {t('users.resetPassword')}
                      </Button>
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>
      {agency && allowed && (
        <UserFormModal
          agency={agency}
          roles={roles}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            list.setItems((items) => [user, ...items]);
          }}
        />
      )}
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          replace(user);
        }}
      />
    </div>
  );
}
