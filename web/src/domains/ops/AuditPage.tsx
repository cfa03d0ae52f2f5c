import { Card, DatePicker, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { actionLabel, auditActions, targetTypeLabel } from '../../app/labels';
import { ExportButton, ListTotalText } from '../../app/ListTools';
import { useI18n } from '../../app/i18n';
import { RegionName } from '../../shared/RegionName';
import type { AuditEntry } from './ops.types';
import { useListPage } from '../../shared/use-list-page';
import { AuditEntryDetail } from './AuditEntryDetail';
import { knownTargetTypes, opsApi, type AuditFilters } from './ops.api';

/** 审计日志 of my jurisdiction, newest first, read with "load more"; each row opens to before/after. */
export default function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<AuditFilters>({});

  const fetchPage = useMemo(() => (cursor?: string) => opsApi.audit(filters, cursor), [filters]);
  const list = useListPage(fetchPage);

  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilters((f) => ({
      ...f,
      from: range?.[0]?.startOf('day').format() ?? undefined,
      to: range?.[1]?.endOf('day').format() ?? undefined,
    }));

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      </div>
      <Card>
        <div className="tn-filters">
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            style={{ width: 240 }}
            placeholder={t('audit.pickAction')}
            value={filters.action}
            onChange={(v) => setFilters((f) => ({ ...f, action: v }))}
            options={auditActions(t)}
            aria-label={t('audit.action')}
            data-testid="audit-action"
          />
          <Select
            style={{ width: 160 }}
            allowClear
            placeholder={t('audit.targetType')}
            value={filters.targetType}
            onChange={(v: string | undefined) => setFilters((f) => ({ ...f, targetType: v }))}
            options={knownTargetTypes().map((v) => ({ value: v, label: targetTypeLabel(t, v) }))}
          />
          <DatePicker.RangePicker onChange={(range) => setRange(range)} aria-label={t('audit.range')} />
          <RefreshButton list={list} />
          <ListTotalText total={list.total} />
          <ExportButton path="/audit.xlsx" query={filters} filename={`${t('list.file.audit')}.xlsx`} total={list.total} />
        </div>
        <CursorTable<AuditEntry>
          list={list}
          size="small"
          expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', className: 'tn-nowrap', render: formatTime },
            { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? <Tag>{t('audit.system')}</Tag> },
            { title: t('audit.agency'), dataIndex: 'actorAffiliation', render: (v: string | null) => v ?? '—' },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => <Tag color="geekblue">{actionLabel(t, v)}</Tag>,
            },
            {
              title: t('audit.target'),
              key: 'target',
              // A list export's target is the list, which the action already names: no code to show.
              render: (_v, e) =>
                e.targetType === 'list' ? (
                  targetTypeLabel(t, e.targetType)
                ) : (
                <Typography.Text>
                  {targetTypeLabel(t, e.targetType)} <Typography.Text type="secondary" copyable={{ text: e.targetId }}>{e.targetId.slice(0, 8)}</Typography.Text>
                </Typography.Text>
              ),
            },
            { title: t('field.regionCode'), dataIndex: 'regionCode', render: (v: string) => (v ? <RegionName code={v} /> : t('common.nationwide')) },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </div>
  );
}
