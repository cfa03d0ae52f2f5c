import { Card, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CursorTable } from '../../../app/CursorTable';
import { RefreshButton } from '../../../app/RefreshButton';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { PRIORITY_FLAGS, SUBJECT_CATEGORIES, SUBJECT_STATUSES, type PriorityFlag, type SubjectListItem } from './subject.types';
import type { MessageKey } from '../../../app/messages.zh';
import { useListPage } from '../../../shared/use-list-page';
import { ExportButton, ListTotalText } from '../../../app/ListTools';
import { ListScopeTags, useListScope } from '../../../shared/ListScope';
import { StatusTag } from './StatusTag';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';

type Filters = { q?: string; status?: string; category?: number; priority?: PriorityFlag };

/**
 * 主体查询: producers and traders of my jurisdiction, by name or identity, status and category; a figure opens it with
 * `status`, `region` and `from`/`to` (the days the subjects were recorded) in the address.
 */
export default function SubjectsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => {
    const status = params.get('status');
    const priority = params.get('priority');
    return {
      ...(status && (SUBJECT_STATUSES as readonly string[]).includes(status) ? { status } : {}),
      ...(priority && (PRIORITY_FLAGS as readonly string[]).includes(priority) ? { priority: priority as PriorityFlag } : {}),
    };
  });
  const { scope, clear } = useListScope();
  const query = useMemo(() => ({ ...filters, regionCode: scope.region, from: scope.from, to: scope.to }), [filters, scope]);

  const fetchPage = useMemo(() => (cursor?: string) => subjectApi.subjects({ ...query, cursor }), [query]);
  const list = useListPage(fetchPage);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('subjects.title')}</Typography.Title>
      </div>
      <Card>
        <div className="tn-filters">
          <Input.Search
            placeholder={t('subjects.searchPlaceholder')}
            allowClear
            style={{ width: 280, maxWidth: '100%' }}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            data-testid="subject-search"
          />
          <Select<string>
            style={{ width: 130 }}
            allowClear
            placeholder={t('field.status')}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={SUBJECT_STATUSES.map((s) => ({ value: s, label: label(t, 'subjectStatus', s) }))}
            aria-label={t('field.status')}
          />
          <Select<number>
            style={{ width: 130 }}
            allowClear
            placeholder={t('profile.category')}
            value={filters.category}
            onChange={(category) => setFilters((f) => ({ ...f, category }))}
            options={SUBJECT_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))}
            aria-label={t('profile.category')}
          />
          <Select<PriorityFlag>
            style={{ width: 160 }}
            allowClear
            placeholder={t('priority.filter')}
            value={filters.priority}
            onChange={(priority) => setFilters((f) => ({ ...f, priority }))}
            options={PRIORITY_FLAGS.map((f) => ({ value: f, label: t(`priority.${f}` as MessageKey) }))}
            aria-label={t('priority.filter')}
            data-testid="subject-priority-filter"
          />
          <ListScopeTags scope={scope} clear={clear} />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
          <ExportButton path="/registry/subjects.xlsx" query={query} filename={`${t('list.file.subjects')}.xlsx`} total={list.total} />
        </div>
        <CursorTable<SubjectListItem>
          list={list}
          columns={[
            { title: t('profile.name'), dataIndex: 'name', render: (v: string, s) => <Link to={`/subjects/${s.id}`}>{v}</Link> },
            { title: t('field.identityCode'), dataIndex: 'identityCode', className: 'tn-nowrap', render: (v: string) => <span className="tn-code">{v}</span> },
            { title: t('profile.orgForm'), key: 'form', render: (_v, s) => `${label(t, 'category', s.category)} · ${label(t, 'orgForm', s.orgForm)}` },
            {
              title: t('profile.industries'),
              dataIndex: 'industries',
              render: (v: string[]) => (
                <Space size={2} wrap>
                  {v.map((i) => (
                    <Tag key={i}>{label(t, 'industry', i)}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('profile.region'), dataIndex: 'regionName', render: (v: string | null, s) => v ?? s.regionCode },
            { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StatusTag family="subjectStatus" status={s} /> },
            {
              title: t('priority.column'),
              dataIndex: 'priorityFlags',
              render: (v: PriorityFlag[]) => (
                <Space size={2} wrap>
                  {v.map((f) => (
                    <Tag key={f} color="gold">
                      {t(`priority.${f}` as MessageKey)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('subjects.registeredAt'), dataIndex: 'registeredAt', className: 'tn-nowrap', render: formatDate },
          ]}
        />
      </Card>
    </div>
  );
}
