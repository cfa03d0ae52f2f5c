import { Button, Card, Col, List, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/auth';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import type { MessageKey } from '../../app/messages.zh';
import type { Scope } from '../../shared/ListScope';
import { useTradeEvents } from '../trace/movements/trade-stream';
import { analyticsApi } from './analytics.api';
import type { Home, HomeCountKey, IndicatorKey } from './analytics.types';
import { HOME_COUNT_LISTS, indicatorLabel, listPath } from './indicator-links';

// The chart library (echarts, ~170 KB compressed) comes after the counts: on a phone they are what is needed first.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/**
 * Counts are read again every minute while the page is open, at once when the tab comes back into view, and — for a
 * producer — at once on any trade event of its live stream (a trade sold to it, confirmed or rejected). The figures
 * are cheap reads (rollups and a few indexed counts), so polling costs little.
 */
const REFRESH_MS = 60_000;
/** Several trade events in a burst (a batch of scans) read the counts once. */
const EVENT_SETTLE_MS = 500;

/** What each role is asked to act on first (state counts of its jurisdiction). */
const TODO: Record<Home['role'], IndicatorKey[]> = {
  county: ['applicationsPending', 'changeRequestsPending', 'rectificationsOverdue', 'rectificationsPending', 'alertsUnread', 'transfersPending'],
  township: ['rectificationsOverdue', 'rectificationsPending', 'alertsUnread'],
  lab: ['samplesToReceive', 'samplesToTest'],
  enforcement: ['transfersPending', 'casesFiled', 'casesInvestigation', 'casesDecision', 'alertsUnread'],
  city: ['applicationsPending', 'rectificationsOverdue', 'alertsUnread'],
  province: ['rectificationsOverdue', 'alertsUnread', 'casesOpen'],
  ministry: ['rectificationsOverdue', 'alertsUnread', 'casesOpen'],
  producer: [],
  operations: [],
};
/** How the area stands: this month against last. */
const AREA: IndicatorKey[] = ['subjectsActive', 'batches', 'scanTrades', 'manualTrades', 'vouchers', 'inspections', 'samples', 'samplesFailed', 'cases'];
const TREND: IndicatorKey[] = ['scanTrades', 'manualTrades', 'vouchers', 'inspections', 'samples'];

const PRODUCER_LINKS: { path: string; label: MessageKey }[] = [
  { path: '/trace/trades', label: 'home.producer.trades' },
  { path: '/trace/batches', label: 'home.producer.batches' },
  { path: '/scan', label: 'home.producer.scan' },
  { path: '/my-subject', label: 'home.producer.certificates' },
  { path: '/inbox', label: 'home.producer.notices' },
];

/** 首页: what to do now and how the caller's area stands, per role. */
export default function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const [home, setHome] = useState<Home | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    () =>
      analyticsApi.home().then(
        (h) => {
          setHome(h);
          setError(null);
        },
        (err: unknown) => setError(err),
      ),
    [],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (settle.current && clearTimeout(settle.current)), []);
  useTradeEvents(() => {
    if (settle.current) clearTimeout(settle.current);
    settle.current = setTimeout(() => void load(), EVENT_SETTLE_MS);
  }, me.subject !== null);

  const trend = useMemo(
    () => (home ? { months: home.trend.map((m) => m.month), series: TREND.map((k) => ({ name: t(indicatorLabel(k)), data: home.trend.map((m) => m.values[k]) })) } : null),
    [home, t],
  );

  if (error && !home) return <LoadError error={error} onRetry={load} />;
  if (!home) return <Skeleton active />;

  const linkTo = (k: IndicatorKey, scope?: Scope) => listPath(k, me.can, scope);
  const countLink = (k: HomeCountKey) => {
    const list = HOME_COUNT_LISTS[k];
    return me.can(list.permission) ? list.path : null;
  };
  const countItem = (c: Home['counts'][number]) => {
    const to = countLink(c.key);
    return (
      <List.Item key={c.key} actions={to ? [<Link key="open" to={to}>{t('home.open')}</Link>] : []} data-testid={`count-${c.key}`}>
        <List.Item.Meta title={to ? <Link to={to}>{t(`home.count.${c.key}`)}</Link> : t(`home.count.${c.key}`)} />
        <Typography.Text strong style={{ fontSize: 20, color: c.n > 0 ? '#cf1322' : undefined }} data-testid={`count-${c.key}-n`}>
          {c.n}
        </Typography.Text>
      </List.Item>
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="home-page" data-role={home.role}>
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        {home.place}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="home-refreshed">
        {t(home.role === 'producer' ? 'home.refreshedLive' : 'home.refreshed', { time: formatTime(home.at) })}
      </Typography.Text>
      {error ? <LoadError error={error} onRetry={load} /> : null}

      {home.role === 'producer' && (
        <Card title={t('home.todo')} data-testid="home-todo">
          <List dataSource={home.counts} renderItem={countItem} />
          <Typography.Paragraph style={{ marginTop: 12 }}>{t('home.producer.intro')}</Typography.Paragraph>
          <Space wrap>
            {PRODUCER_LINKS.map((l) => (
              <Link key={l.path} to={l.path}>
                <Button>{t(l.label)}</Button>
              </Link>
            ))}
          </Space>
        </Card>
      )}
      {home.role === 'operations' && <Card>{t('home.operations.intro')}</Card>}

      {TODO[home.role].length > 0 && (
        <Card title={t('home.todo')} data-testid="home-todo">
          <List
            dataSource={TODO[home.role]}
            locale={{ emptyText: t('home.nothingWaiting') }}
            footer={home.counts.length > 0 ? <List dataSource={home.counts} renderItem={countItem} /> : undefined}
            renderItem={(k) => {
              const to = linkTo(k);
              return (
                <List.Item actions={to ? [<Link key="open" to={to}>{t('home.open')}</Link>] : []} data-testid={`todo-${k}`}>
                  <List.Item.Meta title={t(indicatorLabel(k))} />
                  <Typography.Text strong style={{ fontSize: 20, color: home.waiting[k] > 0 ? '#cf1322' : undefined }}>
                    {home.waiting[k]}
                  </Typography.Text>
                </List.Item>
              );
            }}
          />
        </Card>
      )}

      {home.role !== 'producer' && home.role !== 'operations' && (
        <>
          <Card title={t('home.area')}>
            <Row gutter={[16, 16]}>
              {AREA.map((k) => {
                const to = linkTo(k, home.month);
                const title = t(indicatorLabel(k));
                return (
                  <Col key={k} xs={12} sm={8} md={6} lg={4}>
                    <Statistic title={to ? <Link to={to}>{title}</Link> : title} value={home.thisMonth[k]} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${t('home.lastMonth')} ${home.lastMonth[k]}`}</Typography.Text>} />
                  </Col>
                );
              })}
            </Row>
            {me.can('analytics.statistics') && (
              <Link to="/analytics/statistics">
                <Button type="link" style={{ paddingLeft: 0 }}>
                  {t('menu.statistics')}
                </Button>
              </Link>
            )}
          </Card>
          {trend && (
            <Card title={t('home.trend')}>
              <Suspense fallback={<Skeleton active />}>
                <TrendChart months={trend.months} series={trend.series} testId="home-trend" />
              </Suspense>
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
