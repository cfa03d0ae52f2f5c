import { Button, Card, Input, Segmented, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { CursorTable } from '../../../app/CursorTable';
import { RefreshButton } from '../../../app/RefreshButton';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { APPLICATION_STATUSES, type Application, type ApplicationListItem, type ApplicationStatus } from './subject.types';
import { useListPage } from '../../../shared/use-list-page';
import { ListTotalText } from '../../../app/ListTools';
import { ListScopeTags, useListScope } from '../../../shared/ListScope';
import { useAddressFilters } from '../../../shared/use-address-filters';
import { ApplicationDrawer } from './ApplicationDrawer';
import { StatusTag } from './StatusTag';
import { SubjectResetRequestsCard } from '../accounts/SubjectResetRequestsCard';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';

type StatusFilter = ApplicationStatus | 'all';

/**
 * 注册审核: the county's inbox of registration applications, pending first; a row opens the review drawer. A figure
 * opens it with `status`, `region` and `from`/`to` (submitted on those days) in the address.
 */
export default function ApplicationsPage() {
  const { t } = useI18n();
  const [params, setFilters] = useAddressFilters();
  const [status, setStatus] = useState<StatusFilter>(() => {
    const s = params.get('status');
    return s && (APPLICATION_STATUSES as readonly string[]).includes(s) ? (s as ApplicationStatus) : 'pending';
  });
  const { scope, clear } = useListScope();
  const [q, setQ] = useState<string | undefined>();
  const openId = params.get('id');

  const fetchPage = useMemo(() => (cursor?: string) => subjectApi.applications({ status: status === 'all' ? undefined : status, q, ...scope, cursor }), [status, q, scope]);
  const list = useListPage(fetchPage);

  // The drawer's id joins the address beside the list's scope (closing it keeps the scope).
  const open = (id: string | null) => setFilters({ id: id ?? undefined });
  const onDecided = (app: Application) =>
    list.setItems((items) => (status === 'all' || status === app.status ? items.map((a) => (a.id === app.id ? { ...a, status: app.status } : a)) : items.filter((a) => a.id !== app.id)));

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('applications.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inbox.desc')}</Typography.Text>
      </div>
      <SubjectResetRequestsCard whose="main" />
      <Card>
        <div className="tn-filters">
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={[...APPLICATION_STATUSES.map((s) => ({ value: s, label: label(t, 'appStatus', s) })), { value: 'all' as const, label: t('common.all') }]}
            className="tn-segmented-scroll"
          />
          <Input.Search placeholder={t('inbox.searchPlaceholder')} allowClear style={{ width: 240, maxWidth: '100%' }} onSearch={(v) => setQ(v.trim() || undefined)} />
          <ListScopeTags scope={scope} clear={clear} />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
        </div>
        <CursorTable<ApplicationListItem>
          list={list}
          onRow={(a) => ({ onClick: () => open(a.id), className: 'tn-clickable' })}
          columns={[
            { title: t('track.submittedAt'), dataIndex: 'submittedAt', className: 'tn-nowrap', width: 180, render: formatTime },
            { title: t('profile.name'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
            { title: t('profile.orgForm'), key: 'form', render: (_v, a) => `${label(t, 'category', a.category)} · ${label(t, 'orgForm', a.orgForm)}` },
            { title: t('profile.idNumber'), dataIndex: 'idNumber', className: 'tn-nowrap', render: (v: string) => <span className="tn-code">{v}</span> },
            { title: t('profile.region'), dataIndex: 'regionName', render: (v: string | null, a) => v ?? a.regionCode },
            { title: t('track.revision'), dataIndex: 'revision', align: 'right' },
            {
              title: t('field.status'),
              dataIndex: 'status',
              render: (s: string, a) => (
                <>
                  <StatusTag family="appStatus" status={s} />
                  {a.clash && (
                    <Tag color="warning" data-testid="application-clash">
                      {t(`inbox.clashTag.${a.clash}`)}
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_v, a) => (
                <Button type="link" size="small" onClick={() => open(a.id)}>
                  {a.status === 'pending' ? t('applications.open') : t('inbox.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <ApplicationDrawer id={openId} onClose={() => open(null)} onDecided={onDecided} />
    </div>
  );
}
