import { FilePdfOutlined } from '@ant-design/icons';
import { Card, Collapse, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { mg, VerdictTag } from './monitoring-labels';
import { monitoringApi } from './monitoring.api';
import type { Report, Result, Sample } from './monitoring.types';

/** The results judged against their limits, one row per analyte (shared by the reports and the alerts). */
export function ResultsTable({ results, testId }: { results: Result[]; testId?: string }) {
  const { t, lang } = useI18n();
  const columns: TableColumnsType<Result> = [
    { key: 'analyte', title: t('bench.analyte'), render: (_, r) => (lang === 'zh' ? r.analyteZh : r.analyteEn) },
    { key: 'method', title: t('bench.method'), dataIndex: 'methodStandard' },
    { key: 'value', title: t('bench.value'), render: (_, r) => (r.detected ? `${r.value} ${r.unit}` : t('result.notDetected', { lod: mg(r.lodMgPerKg) })) },
    {
      key: 'limit',
      title: t('bench.applicable'),
      render: (_, r) => (
        <span>
          {r.limitMgPerKg === null ? t('result.banned') : mg(r.limitMgPerKg)}
          <Typography.Text type="secondary">{` · ${r.limitStandard}`}</Typography.Text>
          {r.limitOverridden && <Tag style={{ marginLeft: 4 }}>{t('result.overridden')}</Tag>}
        </span>
      ),
    },
    { key: 'verdict', title: t('result.verdict'), render: (_, r) => <VerdictTag verdict={r.verdict} /> },
  ];
  return <Table<Result> rowKey={(r) => `${r.analyteCode}|${r.methodStandard}`} size="small" columns={columns} dataSource={results} pagination={false} scroll={{ x: 720 }} data-testid={testId} />;
}

/** 检测报告: every issued version, newest first, each with its PDF; a correction says why it was issued. */
export function ReportsCard({ sample }: { sample: Sample }) {
  const { t } = useI18n();
  const title = (r: Report) => (
    <Space wrap>
      <Typography.Text strong>{t('report.version', { version: r.version })}</Typography.Text>
      <VerdictTag verdict={r.verdict} />
      <Typography.Text type="secondary">{`${formatTime(r.issuedAt)} · ${r.issuedByName}`}</Typography.Text>
      <a href={monitoringApi.reportUrl(sample.id, r.version)} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()} data-testid="report-pdf">
        <FilePdfOutlined /> {t('report.pdf')}
      </a>
    </Space>
  );
  return (
    <Card title={t('report.title')} size="small" data-testid="reports-card">
      <Collapse
        // A new version opens itself: the panel set starts again from the newest.
        key={sample.reports[0]?.version}
        defaultActiveKey={sample.reports[0] ? [sample.reports[0].version] : []}
        items={sample.reports.map((r) => ({
          key: r.version,
          label: title(r),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {r.reason && <Typography.Text type="warning">{t('report.reason', { reason: r.reason })}</Typography.Text>}
              <ResultsTable results={r.results} testId="report-results" />
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
