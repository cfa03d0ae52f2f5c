import { App, AutoComplete, Button, Card, DatePicker, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable, RefreshButton } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { actionLabel } from '../../app/labels';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import { RegionName } from '../registry/RegionName';
import type { AuditEntry } from '../../app/types';
import { useCursorList } from '../../app/use-cursor-list';
import { AuditEntryDetail } from './AuditEntryDetail';
import { KNOWN_ACTIONS, KNOWN_TARGET_TYPES, opsApi, type AuditFilters } from './ops.api';

/** 审计日志 of my jurisdiction, newest first, read with "load more"; each row opens to before/after. */
export default function AuditPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [action, setAction] = useState('');
  const targetLabel = (type: string) => {
    const key = `auditTarget.${type}` as MessageKey;
    return t(key) === key ? type : t(key);
  };

  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  const fetchPage = useMemo(() => (cursor?: string) => opsApi.audit(filters, cursor), [filters]);
  const list = useCursorList(fetchPage, showError);

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
        <Typography.Text type="secondary">{t('audit.count', { n: list.items.length })}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <AutoComplete
            style={{ width: 220 }}
            value={action}
            options={KNOWN_ACTIONS.filter((a) => a.includes(action)).map((a) => ({ value: a, label: actionLabel(t, a) }))}
            onChange={(v: string) => {
              setAction(v);
              if (!v) setFilters((f) => ({ ...f, action: undefined }));
            }}
            onSelect={(v: string) => setFilters((f) => ({ ...f, action: v }))}
            placeholder={t('audit.action')}
            allowClear
            onKeyDown={(e) => e.key === 'Enter' && setFilters((f) => ({ ...f, action: action.trim() || undefined }))}
          />
          <Select
            style={{ width: 160 }}
            allowClear
            placeholder={t('audit.targetType')}
            value={filters.targetType}
            onChange={(v: string | undefined) => setFilters((f) => ({ ...f, targetType: v }))}
            options={KNOWN_TARGET_TYPES.map((v) => ({ value: v, label: targetLabel(v) }))}
          />
          <DatePicker.RangePicker onChange={(range) => setRange(range)} aria-label={t('audit.range')} />
          <Button type="primary" onClick={() => setFilters((f) => ({ ...f, action: action.trim() || undefined }))}>
            {t('common.search')}
          </Button>
          <RefreshButton list={list} />
        </div>
        <CursorTable<AuditEntry>
          list={list}
          size="small"
          expandable={{ expandedRowRender: (entry) => <AuditEntryDetail entry={entry} /> }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', className: 'tn-nowrap', render: formatTime },
            { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? <Tag>{t('audit.system')}</Tag> },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => (
                <Tag color="geekblue">{actionLabel(t, v)}</Tag>
              ),
            },
            {
              title: t('audit.target'),
              key: 'target',
              render: (_v, e) => (
                <Typography.Text>
                  {targetLabel(e.targetType)} <Typography.Text type="secondary" copyable={{ text: e.targetId }}>{e.targetId.slice(0, 8)}</Typography.Text>
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
