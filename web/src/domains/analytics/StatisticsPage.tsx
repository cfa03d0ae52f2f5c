import { FileExcelOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, DatePicker, Segmented, Select, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { saveBlob } from '../../app/api';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import type { MessageKey } from '../../app/messages.zh';
import { EChart, type ChartOption } from '../../shared/EChart';
import { analyticsApi } from './analytics.api';
import { dimLabel } from './dim-labels';
import { INDICATOR_KEYS, PERIODS, type IndicatorKey, type Period, type Statistics, type StatisticsQuery } from './analytics.types';
import { indicatorLabel, listPath } from './indicator-links';
import { useAddressFilters, type FilterChanges } from '../../shared/use-address-filters';

const CHILD_COLUMNS: IndicatorKey[] = ['subjectsActive', 'batches', 'scanTrades', 'manualTrades', 'vouchers', 'inspections', 'rectificationsOverdue', 'samples', 'samplesFailed', 'cases'];
const DAY = 'YYYY-MM-DD';

/** The change against a comparison figure, in percent; none when the earlier figure is zero. */
const change = (now: number, then: number) => (then === 0 ? '—' : `${now >= then ? '+' : ''}${Math.round(((now - then) / then) * 1000) / 10}%`);
const rate = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

type Row = { key: string; label: string; link: string | null; current: string | number; previous: string | number; lastYear: string | number; changePrev: string; changeYear: string };

/**
 * 统计分析: the caller's jurisdiction (or a region below it, by `region` in the address) for a period, against the
 * previous period and the same period last year; the regions one level down, compared in a chart; each figure links
 * to the list behind it; the same tables as a workbook.
 */
export default function StatisticsPage() {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [params, setFilters] = useAddressFilters();
  const period = (PERIODS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as Period) : 'month';
  const query: StatisticsQuery = {
    period,
    region: params.get('region') ?? undefined,
    date: params.get('date') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; data?: Statistics; error?: unknown } | null>(null);
  const [compared, setCompared] = useState<IndicatorKey>('subjectsActive');
  const [downloading, setDownloading] = useState(false);

  const load = useCallback(() => {
    let live = true;
    analyticsApi.statistics(JSON.parse(key) as StatisticsQuery).then(
      (data) => live && setState({ key, data }),
      (error: unknown) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => load(), [load]);

  // Each drill-down and period is a step of the history: Back goes up a level.
  const set = (changes: FilterChanges) => setFilters(changes, { push: true });
  const data = state?.key === key ? state.data : undefined;
  const error = state?.key === key ? state.error : undefined;

  // A figure opens its list narrowed to the node and the period on screen (the node '' is the whole country: no region).
  const linkOf = (k: IndicatorKey) => (data ? listPath(k, me.can, { region: data.node.code || undefined, from: data.period.from, to: data.period.to }) : null);
  const rows: Row[] = useMemo(() => {
    if (!data) return [];
    const figures: Row[] = INDICATOR_KEYS.map((k) => ({
      key: k,
      label: t(indicatorLabel(k)),
      link: linkOf(k),
      current: data.current[k],
      previous: data.previousValues[k],
      lastYear: data.lastYearValues[k],
      changePrev: change(data.current[k], data.previousValues[k]),
      changeYear: change(data.current[k], data.lastYearValues[k]),
    }));
    const p = data.passRate;
    figures.push({ key: 'passRate', label: t('stats.passRate'), link: null, current: rate(p.current), previous: rate(p.previous), lastYear: rate(p.lastYear), changePrev: '—', changeYear: '—' });
    return figures;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, t]);

  const chart: ChartOption | null = useMemo(() => {
    if (!data?.children.length) return null;
    const kids = [...data.children].sort((a, b) => b.values[compared] - a.values[compared]).slice(0, 40);
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: kids.map((c) => c.name), axisLabel: { interval: 0, rotate: kids.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barMaxWidth: 36, data: kids.map((c) => c.values[compared]), label: { show: true, position: 'top' } }],
    };
  }, [data, compared]);

  const exportSheet = async () => {
    setDownloading(true);
    try {
      const blob = await analyticsApi.statisticsSheet(query);
      saveBlob(blob, `${t('stats.title')}-${data?.node.name ?? ''}-${data?.period.from ?? ''}-${data?.period.to ?? ''}.xlsx`);
      void message.success(t('stats.exported'));
    } catch (err) {
      void message.error(String((err as Error).message ?? err));
    } finally {
      setDownloading(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: t('stats.indicator'), dataIndex: 'label', render: (label: string, r) => (r.link ? <Link to={r.link} title={t('stats.openList')}>{label}</Link> : label) },
    {
      title: t('stats.current'),
      dataIndex: 'current',
      align: 'right',
      render: (v: string | number, r) =>
        r.link ? (
          <Link to={r.link} title={t('stats.openList')} data-testid={`figure-${r.key}`}>
            {v}
          </Link>
        ) : (
          v
        ),
    },
    { title: t('stats.previous'), dataIndex: 'previous', align: 'right' },
    { title: t('stats.change'), dataIndex: 'changePrev', align: 'right' },
    { title: t('stats.lastYear'), dataIndex: 'lastYear', align: 'right' },
    { title: t('stats.change'), dataIndex: 'changeYear', align: 'right' },
  ];
  const childColumns: TableColumnsType<Statistics['children'][number]> = [
    {
      title: t('stats.region'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, c) => (
        <a onClick={() => set({ region: c.code })} data-testid={`drill-${c.code}`}>
          {name}
        </a>
      ),
    },
    ...CHILD_COLUMNS.map((k) => ({
      title: t(indicatorLabel(k)),
      key: k,
      align: 'right' as const,
      // A child's figure opens the list for that child region and the same period.
      render: (_: unknown, c: Statistics['children'][number]) => {
        const to = data ? listPath(k, me.can, { region: c.code, from: data.period.from, to: data.period.to }) : null;
        return to ? <Link to={to}>{c.values[k]}</Link> : c.values[k];
      },
      sorter: (a: Statistics['children'][number], b: Statistics['children'][number]) => a.values[k] - b.values[k],
    })),
    { title: t('stats.passRate'), key: 'passRate', align: 'right', render: (_: unknown, c) => rate(c.passRate) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="statistics-page">
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {t('stats.title')}
      </Typography.Title>
      <Space wrap>
        <Typography.Text>{t('stats.period')}</Typography.Text>
        <Segmented<Period>
          value={period}
          options={PERIODS.map((p) => ({ value: p, label: t(`stats.period.${p}` as MessageKey) }))}
          onChange={(p) => set({ period: p, from: undefined, to: undefined })}
          data-testid="period"
        />
        {period === 'custom' ? (
          <DatePicker.RangePicker
            aria-label={t('stats.range')}
            value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
            onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format(DAY), to: v[1].format(DAY) })}
          />
        ) : (
          <DatePicker
            aria-label={t('stats.date')}
            placeholder={t('stats.date')}
            value={query.date ? dayjs(query.date) : null}
            onChange={(v: Dayjs | null) => set({ date: v ? v.format(DAY) : undefined })}
          />
        )}
        <Button icon={<FileExcelOutlined />} loading={downloading} disabled={!data || (period === 'custom' && !(query.from && query.to))} onClick={() => void exportSheet()}>
          {t('stats.export')}
        </Button>
      </Space>
      {period === 'custom' && !(query.from && query.to) ? (
        <Typography.Text type="secondary">{t('stats.range')}</Typography.Text>
      ) : error ? (
        <LoadError error={error} onRetry={load} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <>
          <Breadcrumb
            data-testid="crumbs"
            items={[
              ...data.crumbs.map((c) => ({ title: <a onClick={() => set({ region: c.code || undefined })}>{c.name}</a> })),
              { title: <span data-testid="node">{data.node.name}</span> },
            ]}
          />
          <Typography.Text type="secondary">
            {t('stats.periodText', data.period)} · {t('stats.previous')} {t('stats.periodText', data.previous)} · {t('stats.lastYear')} {t('stats.periodText', data.lastYear)}
          </Typography.Text>
          <Card title={data.node.name}>
            <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="figures" />
          </Card>
          <Card title={t('stats.children')} extra={<Typography.Text type="secondary">{t('stats.drill')}</Typography.Text>}>
            {data.children.length === 0 ? (
              <Typography.Text type="secondary">{t('stats.noChildren')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space>
                  <Typography.Text>{t('stats.chartOf')}</Typography.Text>
                  <Select<IndicatorKey> style={{ width: 200 }} value={compared} onChange={setCompared} options={INDICATOR_KEYS.map((k) => ({ value: k, label: t(indicatorLabel(k)) }))} />
                </Space>
                {chart && <EChart option={chart} testId="children-chart" />}
                <Table rowKey="code" size="small" scroll={{ x: true }} columns={childColumns} dataSource={data.children} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="children" />
              </Space>
            )}
          </Card>
          <Card title={t('stats.breakdown')}>
            <Table
              rowKey={(r) => `${r.measure}|${r.dim}`}
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={data.breakdown.flatMap((r) => {
                const label = dimLabel(t, r.measure, r.dim);
                return label ? [{ ...r, label }] : [];
              })}
              columns={[
                { title: t('stats.measure'), dataIndex: 'measure', render: (m: string) => t(`measure.${m}` as MessageKey) },
                { title: t('stats.dim'), dataIndex: 'label' },
                { title: t('stats.count'), dataIndex: 'n', align: 'right' },
                { title: t('stats.qty'), dataIndex: 'qty', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
