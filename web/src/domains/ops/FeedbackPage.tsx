import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Select, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { saveBlob } from '../../app/api';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { feedbackApi, STATE_COLOR } from './feedback.api';
import { FEEDBACK_KINDS, FEEDBACK_STATES, type FeedbackFilters, type FeedbackKind, type FeedbackState, type FeedbackStats, type FeedbackSummary } from './ops.types';
import { FeedbackDetail } from './FeedbackDetail';
import { useAction } from '../../shared/use-action';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 用户反馈 for operations and 安全中心: the list with filters and total, the detail with its steps, export, counts. */
export default function FeedbackPage() {
  const { t } = useI18n();
  // The last half-year by default: the report's period, and what a handler looks at first.
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>([dayjs().subtract(6, 'month').add(1, 'day'), dayjs()]);
  const [state, setState] = useState<FeedbackState | undefined>();
  const [kind, setKind] = useState<FeedbackKind | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);

  const filters: FeedbackFilters = useMemo(() => ({ state, kind, ...(period ? { from: day(period[0]), to: day(period[1]) } : {}) }), [state, kind, period]);
  const fetchPage = useMemo(
    () => async (cursor?: string) => {
      // This list counts every page in full (a number), not the capped total of the other lists.
      const { total: all, ...page } = await feedbackApi.list(filters, cursor);
      setTotal(all);
      return page;
    },
    [filters],
  );
  const list = useCursorList(fetchPage, useCallback(() => setTotal(null), []));

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('feedback.handle.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('feedback.handle.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <DatePicker.RangePicker value={period} onChange={(v) => setPeriod(v?.[0] && v[1] ? [v[0], v[1]] : null)} data-testid="feedback-period" />
          <Select allowClear placeholder={t('feedback.filter.state')} value={state} onChange={setState} style={{ minWidth: 120 }} options={FEEDBACK_STATES.map((s) => ({ value: s, label: t(`feedback.state.${s}`) }))} data-testid="feedback-filter-state" />
          <Select allowClear placeholder={t('feedback.filter.kind')} value={kind} onChange={setKind} style={{ minWidth: 120 }} options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))} data-testid="feedback-filter-kind" />
          <RefreshButton list={list} />
          <ExportButton filters={filters} />
        </div>
        <Tabs
          items={[
            {
              key: 'list',
              label: t('feedback.tab.list'),
              children: (
                <>
                  {total !== null && (
                    <Typography.Text type="secondary" data-testid="feedback-total">
                      {t('feedback.total', { n: total })}
                    </Typography.Text>
                  )}
                  <CursorTable<FeedbackSummary>
                    list={list}
                    size="small"
                    onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
                    columns={[
                      { title: t('feedback.no'), dataIndex: 'no', className: 'tn-nowrap' },
                      { title: t('feedback.createdAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
                      { title: t('feedback.kind'), dataIndex: 'kind', className: 'tn-nowrap', render: (k: FeedbackKind) => t(`feedback.kind.${k}`) },
                      { title: t('feedback.text'), dataIndex: 'text', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>{v}</Typography.Text> },
                      { title: t('feedback.filer'), key: 'filer', render: (_v, r) => `${r.filerName}（${r.filerOrg}）` },
                      { title: t('feedback.state'), dataIndex: 'state', className: 'tn-nowrap', render: (s: FeedbackState) => <Tag color={STATE_COLOR[s]}>{t(`feedback.state.${s}`)}</Tag> },
                      { title: t('feedback.satisfaction'), dataIndex: 'satisfaction', className: 'tn-nowrap', render: (s: FeedbackSummary['satisfaction']) => (s ? t(`feedback.satisfaction.${s}`) : '—') },
                    ]}
                  />
                </>
              ),
            },
            { key: 'stats', label: t('feedback.tab.stats'), children: <StatsTable period={period} /> },
          ]}
        />
      </Card>
      <FeedbackDetail id={open} onClose={() => setOpen(null)} onChanged={() => void list.reload()} />
    </div>
  );
}

function ExportButton({ filters }: { filters: FeedbackFilters }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run: act } = useAction();
  const run = async () => {
    const { from, to } = filters;
    if (!from || !to) return void message.warning(t('feedback.exportNeedsPeriod'));
    await act(async () => {
      saveBlob(await feedbackApi.sheet({ ...filters, from, to }), t('feedback.exportFile', { from, to }));
    });
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="feedback-export">
      {t('feedback.export')}
    </Button>
  );
}

/** Counts by kind × current state of the period: the half-year report's table. */
function StatsTable({ period }: { period: [Dayjs, Dayjs] | null }) {
  const { t } = useI18n();
  const [stats, setStats] = useState<FeedbackStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const from = period ? day(period[0]) : null;
  const to = period ? day(period[1]) : null;
  const load = useCallback(async () => {
    if (!from || !to) return;
    setError(null);
    try {
      setStats(await feedbackApi.stats(from, to));
    } catch (err) {
      setError(err);
    }
  }, [from, to]);
  useEffect(() => void load(), [load]);
  if (!from || !to) return <Typography.Text type="secondary">{t('feedback.exportNeedsPeriod')}</Typography.Text>;
  if (error) return <LoadError error={error} onRetry={load} />;
  const rows = stats ? [...stats.rows.map((r) => ({ key: r.kind, label: t(`feedback.kind.${r.kind}`), counts: r.counts, total: r.total })), { key: 'total', label: t('feedback.stats.total'), counts: Object.fromEntries(FEEDBACK_STATES.map((s) => [s, stats.rows.reduce((a, r) => a + r.counts[s], 0)])) as Record<FeedbackState, number>, total: stats.total }] : [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('feedback.stats.hint')}</Typography.Paragraph>
      <Table
        data-testid="feedback-stats"
        size="small"
        loading={!stats}
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={rows}
        columns={[
          { title: t('feedback.stats.kind'), dataIndex: 'label' },
          ...FEEDBACK_STATES.map((s) => ({ title: t(`feedback.state.${s}`), key: s, align: 'right' as const, render: (_v: unknown, r: (typeof rows)[number]) => r.counts[s] })),
          { title: t('feedback.stats.total'), dataIndex: 'total', align: 'right' as const },
        ]}
      />
    </>
  );
}
