import { Button, Card, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { CursorTable } from '../../../app/CursorTable';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState, LoadError } from '../../../app/LoadError';
import type { MessageKey } from '../../../app/messages.zh';
import type { Permission } from '../../../app/types';
import { useCursorList } from '../../../app/use-cursor-list';
import { percent, recentMonths } from '../months';
import { useLoaded } from '../../../shared/use-loaded';
import { IssueRectificationModal, type RectificationTarget } from './IssueRectificationModal';
import { TargetModal, type TargetFor } from './TargetModal';
import { MONITORS, monitorsApi, type IndicatorKey, type InactiveProducer, type MonitorKey } from './monitors.api';

type Flag = { indicator: IndicatorKey; value: number | null; target: number };
type BaseRow = { region: string; regionName: string; flags: Flag[]; openNotices: number };
/** A figure's column; `list`: the list behind a row's figure and the permission it needs (the figure links to it). */
type Column = { key: string; label: MessageKey; render?: (row: Record<string, unknown>) => string; list?: { permission: Permission; path: (region: string) => string } };
const DAYS = [7, 15, 30, 60, 90];

const hours = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

/** The figures each monitor shows, in order; the region, flags and notices come first on every tab. */
const COLUMNS: Record<MonitorKey, Column[]> = {
  registration: [
    { key: 'registered', label: 'mon.registered' },
    { key: 'active', label: 'mon.active' },
    { key: 'inactive', label: 'mon.inactive' },
    { key: 'activeShare', label: 'mon.activeShare', render: (r) => percent(r.activeShare as number | null) },
  ],
  trace: [
    { key: 'registered', label: 'mon.registered' },
    { key: 'recording', label: 'mon.recording' },
    { key: 'scanning', label: 'mon.scanning' },
    { key: 'vouchering', label: 'mon.vouchering' },
    { key: 'scanConfirmed', label: 'mon.scanConfirmed' },
    { key: 'manual', label: 'mon.manual' },
    { key: 'scanShare', label: 'mon.scanShare', render: (r) => percent(r.scanShare as number | null) },
    { key: 'codesIssued', label: 'mon.codesIssued' },
    { key: 'codesLookedUp', label: 'mon.codesLookedUp' },
    { key: 'lookups', label: 'mon.lookups' },
  ],
  supervision: [
    { key: 'inspections', label: 'mon.inspections' },
    { key: 'quota', label: 'mon.quota' },
    { key: 'problems', label: 'mon.problems' },
    { key: 'overdueTasks', label: 'mon.overdueTasks' },
    { key: 'rectifyPending', label: 'mon.rectifyPending' },
    { key: 'rectifyOverdue', label: 'mon.rectifyOverdue' },
    { key: 'rectifyDone', label: 'mon.rectifyDone' },
  ],
  monitoring: [
    { key: 'planned', label: 'mon.planned' },
    { key: 'sampled', label: 'mon.sampled' },
    { key: 'received', label: 'mon.received' },
    { key: 'judged', label: 'mon.judged' },
    { key: 'failed', label: 'mon.failed' },
    { key: 'late', label: 'mon.late' },
    { key: 'hoursToReceive', label: 'mon.hoursToReceive', render: (r) => hours(r.hoursToReceive) },
    { key: 'hoursToJudge', label: 'mon.hoursToJudge', render: (r) => hours(r.hoursToJudge) },
  ],
  enforcement: [
    { key: 'opened', label: 'mon.opened' },
    { key: 'closed', label: 'mon.closed' },
    { key: 'filed', label: 'mon.stageFiled' },
    { key: 'investigation', label: 'mon.stageInvestigation' },
    { key: 'decision', label: 'mon.stageDecision' },
    { key: 'daysFiled', label: 'mon.daysFiled', render: (r) => hours(r.daysFiled) },
    { key: 'daysInvestigation', label: 'mon.daysInvestigation', render: (r) => hours(r.daysInvestigation) },
    { key: 'daysDecision', label: 'mon.daysDecision', render: (r) => hours(r.daysDecision) },
    // Pending transfers filed in the row's region, whichever enforcement agency they went to: what the figure counts.
    {
      key: 'transfersWaiting',
      label: 'mon.transfersWaiting',
      list: { permission: 'enforcement.case', path: (region) => `/enforcement/cases?${new URLSearchParams({ tab: 'transfers', box: 'jurisdiction', status: 'pending', region })}` },
    },
    { key: 'oldestTransferDays', label: 'mon.oldestTransferDays', render: (r) => hours(r.oldestTransferDays) },
  ],
};

function MonitorTable({ monitor, month, days, onIssue, onTarget }: { monitor: MonitorKey; month: string; days: number; onIssue: ((to: RectificationTarget) => void) | null; onTarget: ((of: TargetFor) => void) | null }) {
  const { t } = useI18n();
  const me = useMe();
  const load = useCallback(async (): Promise<BaseRow[]> => {
    if (monitor === 'registration') return (await monitorsApi.registration(days)).rows;
    return (await monitorsApi[monitor](month)).rows;
  }, [monitor, month, days]);
  const { data, error, loading, retry } = useLoaded(load);
  if (error) return <LoadError error={error} onRetry={retry} />;
  const columns: TableColumnsType<BaseRow> = [
    { key: 'region', title: t('mon.region'), fixed: 'left', render: (_, r) => r.regionName },
    ...COLUMNS[monitor].map((c) => ({
      key: c.key,
      title: t(c.label),
      align: 'right' as const,
      render: (_: unknown, r: BaseRow) => {
        const text = c.render ? c.render(r as unknown as Record<string, unknown>) : String((r as unknown as Record<string, unknown>)[c.key] ?? 0);
        return c.list && me.can(c.list.permission) ? (
          <Link to={c.list.path(r.region)} title={t('stats.openList')} data-testid={`monitor-link-${c.key}-${r.region}`}>
            {text}
          </Link>
        ) : (
          text
        );
      },
    })),
    {
      key: 'flags',
      title: t('mon.flags'),
      render: (_, r) =>
        r.flags.length === 0 ? (
          '—'
        ) : (
          <Space wrap size={4}>
            {r.flags.map((f) => (
              <Tag key={f.indicator} color="red" data-testid="monitor-flag">
                {t('mon.flag', { indicator: t(`indicator.${f.indicator}`), value: percent(f.value), target: percent(f.target) })}
              </Tag>
            ))}
          </Space>
        ),
    },
    { key: 'notices', title: t('mon.openNotices'), align: 'right', dataIndex: 'openNotices' },
    ...(onIssue || onTarget
      ? [
          {
            key: 'act',
            title: '',
            render: (_: unknown, r: BaseRow) => (
              <Space size={4}>
                {onTarget && (
                  <Button size="small" onClick={() => onTarget({ region: r.region, regionName: r.regionName, monitor })} data-testid={`target-set-${r.region}`}>
                    {t('target.set')}
                  </Button>
                )}
                {onIssue && (
                  <Button size="small" onClick={() => onIssue({ target: { kind: 'region', regionCode: r.region }, name: r.regionName, monitor })} data-testid={`rect-issue-${r.region}`}>
                    {t('rect.issue')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<BaseRow>
      rowKey="region"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState description={t('mon.empty')} /> }}
      data-testid={`monitor-${monitor}`}
      summary={(rows) =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('mon.total', { n: rows.length })}</Table.Summary.Cell>
            {COLUMNS[monitor].map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                {c.render ? '' : rows.reduce((s, r) => s + Number((r as unknown as Record<string, unknown>)[c.key] ?? 0), 0)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

function InactiveProducers({ days, onIssue }: { days: number; onIssue: ((to: RectificationTarget) => void) | null }) {
  const { t } = useI18n();
  const fetchPage = useMemo(
    () => async (cursor?: string) => {
      const page = await monitorsApi.inactive(days, cursor);
      return { ...page, items: page.items.map((r) => ({ ...r, id: r.subjectId })) };
    },
    [days],
  );
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));
  return (
    <CursorTable<InactiveProducer & { id: string }>
      list={list}
      size="small"
      scroll={{ x: 640 }}
      locale={{ emptyText: <EmptyState description={t('mon.noInactive')} /> }}
      data-testid="inactive-producers"
      columns={[
        { title: t('mon.producer'), dataIndex: 'name' },
        { title: t('mon.region'), dataIndex: 'regionName' },
        { title: t('mon.registeredAt'), dataIndex: 'registeredAt', render: formatTime },
        { title: t('mon.lastActivity'), dataIndex: 'lastActivityAt', render: (v: string | null) => (v ? formatTime(v) : t('mon.never')) },
        ...(onIssue
          ? [
              {
                title: '',
                key: 'act',
                render: (_: unknown, r: InactiveProducer) => (
                  <Button size="small" onClick={() => onIssue({ target: { kind: 'subject', subjectId: r.subjectId }, name: r.name, monitor: 'registration' })}>
                    {t('rect.issue')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 业务五监控: the five monitors for the regions below the official's jurisdiction, flags where a target is missed. */
export default function MonitorsPage() {
  const { t } = useI18n();
  const me = useMe();
  const months = useMemo(() => recentMonths(), []);
  const [params, setParams] = useSearchParams();
  const tab = (MONITORS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as MonitorKey) : 'registration';
  const [month, setMonth] = useState(months[0]!);
  const [days, setDays] = useState(30);
  const [issuing, setIssuing] = useState<RectificationTarget | null>(null);
  const [targeting, setTargeting] = useState<TargetFor | null>(null);
  const [version, setVersion] = useState(0);
  const onIssue = me.can('rectification.issue') ? setIssuing : null;
  const onTarget = me.can('monitor.target') ? setTargeting : null;

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('mon.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('mon.hint')}</Typography.Text>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          tabBarExtraContent={
            tab === 'registration' ? (
              <Space>
                {t('mon.days')}
                <Select value={days} onChange={setDays} options={DAYS.map((d) => ({ value: d, label: t('mon.daysN', { n: d }) }))} style={{ width: 110 }} data-testid="monitor-days" />
              </Space>
            ) : (
              <Select value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} data-testid="monitor-month" />
            )
          }
          items={MONITORS.map((m) => ({
            key: m,
            label: t(`mon.tab.${m}`),
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <MonitorTable key={`${m}-${version}`} monitor={m} month={month} days={days} onIssue={onIssue} onTarget={onTarget} />
                {m === 'registration' && (
                  <>
                    <Typography.Title level={5}>{t('mon.inactiveTitle', { n: days })}</Typography.Title>
                    <InactiveProducers days={days} onIssue={onIssue} />
                  </>
                )}
              </Space>
            ),
          }))}
        />
      </Card>
      <TargetModal
        of={targeting}
        onClose={(saved) => {
          setTargeting(null);
          if (saved) setVersion((v) => v + 1);
        }}
      />
      <IssueRectificationModal
        to={issuing}
        onClose={(issued) => {
          setIssuing(null);
          if (issued) setVersion((v) => v + 1);
        }}
      />
    </div>
  );
}
