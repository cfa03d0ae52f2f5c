import { FilePdfOutlined } from '@ant-design/icons';
import { Card, Collapse, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { mg, VerdictTag } from './monitoring-labels';
import { monitoringApi } from './monitoring.api';
import type { Report, Result, Sample } from './monitoring.types';
import { citationIn } from '../../../../src/domains/monitoring/limit-citation.shared';

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
          <Typography.Text type="secondary">{` · ${citationIn(lang, r.limitStandard)}`}</Typography.Text>
          {r.limitOverridden && <Tag style={{ marginLeft: 4 }}>{t('result.overridden')}</Tag>}
        </span>
      ),
    },
    { key: 'verdict', title: t('result.verdict'), render: (_, r) => <VerdictTag verdict={r.verdict} /> },
  ];
  return <Table<Result> rowKey={(r) => `${r.analyteCode}|${r.methodStandard}`} size="small" columns={columns} dataSource={results} pagination={false} scroll={{ x: 720 }} data-testid={testId} />;
}

/**
 * 检测报告: every issued (approved) version, newest first, each with its PDF and who prepared, reviewed and approved it;
 * a correction says why it was issued. A draft in review is the review card's, not a report.
 */
export function ReportsCard({ sample }: { sample: Sample }) {
  const { t } = useI18n();
  const issued = sample.reports.filter((r) => r.status === 'approved');
  const title = (r: Report) => (
    <Space wrap>
      <Typography.Text strong>{t('report.version', { version: r.version })}</Typography.Text>
      <VerdictTag verdict={r.verdict} />
      <Typography.Text type="secondary" data-testid="report-signatures">
        {t('report.signatures', { entered: r.enteredByName, reviewed: r.reviewedByName ?? '—', approved: r.issuedByName ?? '—', time: formatTime(r.issuedAt) })}
      </Typography.Text>
      <a href={monitoringApi.reportUrl(sample.id, r.version)} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()} data-testid="report-pdf">
        <FilePdfOutlined /> {t('report.pdf')}
      </a>
    </Space>
  );
  if (!issued.length) return null;
  return (
    <Card title={t('report.title')} size="small" data-testid="reports-card">
      <Collapse
        // A new version opens itself: the panel set starts again from the newest.
        key={issued[0]?.version}
        defaultActiveKey={issued[0] ? [issued[0].version] : []}
        items={issued.map((r) => ({
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
