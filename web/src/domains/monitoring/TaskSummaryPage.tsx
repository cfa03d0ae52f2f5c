import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../../app/api';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState, LoadError } from '../../app/LoadError';
import { TaskStatusTag } from '../../shared/task-labels';
import { EChart, type ChartOption } from '../../shared/EChart';
import { monitoringApi } from './monitoring.api';
import type { Summary, Tally } from './monitoring.types';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Pass rate by one dimension as bars, failures in the tooltip; rates arrive as 0–1. */
function passRateChart(rows: Tally[], label: string): ChartOption {
  const shown = rows.filter((r) => r.tested > 0);
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const r = shown[items[0]?.dataIndex ?? 0];
        return r ? `${r.label}<br/>${label} ${percent(r.passRate)}<br/>${r.failed} / ${r.tested}` : '';
      },
    },
    xAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: { interval: 0, rotate: shown.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        // A 0% pass rate is a finding, not a gap: a bar of zero height would leave the place blank.
        barMinHeight: 4,
        data: shown.map((r) => ({ value: r.passRate === null ? 0 : Math.round(r.passRate * 1000) / 10, itemStyle: { color: r.failed > 0 ? '#cf1322' : '#389e0d' } })),
        label: { show: true, position: 'top', formatter: '{c}%' },
      },
    ],
  };
}

/** 数据汇总: a monitoring task's figures per recipient agency and its pass rates by class, analyte and region. */
export default function TaskSummaryPage() {
  const { taskId = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<{ taskId: string; summary?: Summary; error?: string } | null>(null);
  // 重试 after a failed load reads again (the effect below depends on it).
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    let live = true;
    monitoringApi.summary(taskId).then(
      (summary) => live && setState({ taskId, summary }),
      (err: unknown) => live && setState({ taskId, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [taskId, errorText, attempt]);

  const summary = state?.taskId === taskId ? state.summary : undefined;
  const rateLabel = t('summary.passRate');
  const charts = useMemo(
    () =>
      summary && [
        { key: 'class', title: t('summary.byClass'), option: passRateChart(summary.byClass, rateLabel), rows: summary.byClass },
        { key: 'analyte', title: t('summary.byAnalyte'), option: passRateChart(summary.byAnalyte, rateLabel), rows: summary.byAnalyte },
        { key: 'region', title: t('summary.byRegion'), option: passRateChart(summary.byRegion, rateLabel), rows: summary.byRegion },
      ],
    [summary, t, rateLabel],
  );
  if (state?.taskId === taskId && state.error) return <LoadError error={state.error} onRetry={retry} />;
  if (!summary || !charts) return <Card><Skeleton active /></Card>;

  const download = async () => {
    setDownloading(true);
    try {
      saveBlob(await monitoringApi.summarySheet(taskId), t('summary.file', { title: summary.taskTitle }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setDownloading(false);
    }
  };

  type Row = Summary['recipients'][number];
  const columns: TableColumnsType<Row> = [
    { key: 'agency', title: t('summary.recipient'), dataIndex: 'agencyName' },
    { key: 'status', title: t('tasks.progress'), render: (_, r) => <TaskStatusTag status={r.status} /> },
    { key: 'planned', title: t('summary.planned'), render: (_, r) => r.planned ?? '—', align: 'right' },
    { key: 'taken', title: t('summary.taken'), dataIndex: 'taken', align: 'right' },
    { key: 'tested', title: t('summary.tested'), dataIndex: 'tested', align: 'right' },
    { key: 'failed', title: t('summary.failed'), dataIndex: 'failed', align: 'right' },
    { key: 'rate', title: rateLabel, render: (_, r) => percent(r.passRate), align: 'right' },
    { key: 'reported', title: t('summary.reportedAt'), render: (_, r) => formatTime(r.reportedAt) },
  ];
  const total = summary.recipients.reduce((sum, r) => ({ taken: sum.taken + r.taken, tested: sum.tested + r.tested, failed: sum.failed + r.failed }), { taken: 0, tested: 0, failed: 0 });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="summary-page">
      <Card>
        <div className="tn-page-title">
          <Typography.Title level={3}>{t('summary.title', { title: summary.taskTitle })}</Typography.Title>
          <Space wrap>
            <Link to={`/supervision/tasks/${summary.taskId}`}>{t('summary.toTask')}</Link>
            <Link to={`/monitoring/samples?taskId=${summary.taskId}`}>{t('summary.toSamples')}</Link>
            <Button icon={<FileExcelOutlined />} loading={downloading} onClick={() => void download()} data-testid="summary-xlsx">
              {t('summary.export')}
            </Button>
          </Space>
        </div>
        <Typography.Paragraph type="secondary">
          {t('summary.totals', { taken: total.taken, tested: total.tested, failed: total.failed, rate: percent(total.tested ? (total.tested - total.failed) / total.tested : null) })}
        </Typography.Paragraph>
        <Table<Row> rowKey="recipientId" size="small" columns={columns} dataSource={summary.recipients} pagination={false} scroll={{ x: 820 }} data-testid="summary-recipients" />
      </Card>
      <Row gutter={[16, 16]}>
        {charts.map((c) => (
          <Col key={c.key} xs={24} lg={c.key === 'analyte' ? 24 : 12}>
            <Card size="small" title={c.title}>
              {c.rows.some((r) => r.tested > 0) ? <EChart option={c.option} testId={`summary-chart-${c.key}`} /> : <EmptyState description={t('summary.noTested')} />}
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
