import { alertTitle } from './monitoring-labels';
import { SafetyOutlined } from '@ant-design/icons';
import { Alert as Notice, App, Button, Card, Descriptions, Skeleton, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../app/auth';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { RegionName } from '../../shared/RegionName';
import { label } from '../trace/trace-labels';
import { monitoringApi } from './monitoring.api';
import type { Alert, ChainHop, RecallEntry } from './monitoring.types';
import { ResultsTable } from './ReportsCard';
import { refreshAlertBadge } from './AlertsBadge';
import { RecallOrderCard } from './RecallOrderCard';
import { useAction } from '../../shared/use-action';

/**
 * One alert (opening it marks it read): the failed sample, its failing results, the recall list as it stood when the
 * verdict was issued (with the full, current list one click away in trace), and for enforcement "open a case".
 */
export default function AlertDetailPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const [state, setState] = useState<{ id: string; alert?: Alert; error?: string } | null>(null);
  // 重试 after a failed load reads again (the effect below depends on it).
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const { busy, run } = useAction();
  const [reload, setReload] = useState(0);
  // The sample's chain, for the producer's batch: a sample taken at the end of a chain recalls little downstream of
  // itself, while everything the producer's batch became may hold the same residue.
  const [origin, setOrigin] = useState<{ sampleId: string; hop: ChainHop | null } | null>(null);
  const sampleId = state?.id === id ? state.alert?.sampleId : undefined;
  useEffect(() => {
    if (!sampleId) return;
    let live = true;
    monitoringApi.sample(sampleId).then(
      (sample) => live && setOrigin({ sampleId, hop: sample.chain[sample.chain.length - 1] ?? null }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sampleId]);

  useEffect(() => {
    let live = true;
    monitoringApi.alert(id).then(
      (alert) => {
        if (!live) return;
        setState({ id, alert });
        refreshAlertBadge();
      },
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText, attempt, reload]);

  if (state?.id === id && state.error) return <LoadError error={state.error} onRetry={retry} />;
  const alert = state?.id === id ? state.alert : undefined;
  if (!alert) return <Card><Skeleton active /></Card>;

  const rootHop = origin?.sampleId === alert.sampleId ? origin.hop : null;

  const openCase = async () => {
    await run(async () => {
      const { caseId } = await monitoringApi.openCase(alert.id);
      void message.success(t('alert.caseDone'));
      if (caseId) navigate(`/enforcement/cases/${caseId}`);
    });
  };

  const columns: TableColumnsType<RecallEntry> = [
    { key: 'depth', title: t('recall.col.hops'), dataIndex: 'depth', width: 60, align: 'center' },
    { key: 'holder', title: t('recall.col.holder'), dataIndex: 'holderName' },
    { key: 'code', title: t('sample.code'), render: (_, r) => <span className="tn-t-code">{r.code}</span> },
    { key: 'region', title: t('recall.col.county'), render: (_, r) => <RegionName code={r.regionCode} /> },
    { key: 'qty', title: t('recall.col.received'), render: (_, r) => `${r.quantity} ${label(t, 'unit', r.unit)}`, align: 'right' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="alert-detail">
      <Card>
        <div className="tn-page-title">
          <Typography.Title level={3}>{alertTitle(t, alert)}</Typography.Title>
          <Space wrap>
            {alert.caseId ? (
              <Link to={`/enforcement/cases/${alert.caseId}`} data-testid="alert-case-link">
                {t('alert.toCase')}
              </Link>
            ) : (
              me.can('enforcement.case') && (
                <Button type="primary" danger icon={<SafetyOutlined />} loading={busy} onClick={() => void openCase()} data-testid="alert-open-case">
                  {t('alert.openCase')}
                </Button>
              )
            )}
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'sample', label: t('sample.no'), children: <Link to={`/monitoring/samples/${alert.sampleId}`}>{`${alert.sampleNo} · ${t('report.version', { version: alert.reportVersion })}`}</Link> },
            { key: 'product', label: t('sample.product'), children: alert.productName },
            { key: 'subject', label: t('sample.subject'), children: alert.subjectName ?? '—' },
            { key: 'code', label: t('sample.code'), children: <span className="tn-t-code">{alert.code}</span> },
            { key: 'at', label: t('alert.at'), children: formatTime(alert.createdAt) },
          ]}
        />
      </Card>
      <RecallOrderCard alert={alert} onChanged={() => setReload((n) => n + 1)} />
      <Card size="small" title={t('alert.failed')}>
        <ResultsTable results={alert.failed} testId="alert-failed" />
      </Card>
      <Card
        size="small"
        title={t('alert.recall', { n: alert.recallTotal })}
        extra={
          me.can('trace.graph') && (
            <Space wrap>
              <Link to={`/trace/lookup?code=${encodeURIComponent(alert.code)}`} data-testid="alert-full-recall">
                {t('alert.fullRecall')}
              </Link>
              {rootHop && rootHop.code !== alert.code && (
                <Link to={`/trace/lookup?code=${encodeURIComponent(rootHop.code)}`} data-testid="alert-origin-recall">
                  {t('alert.originRecall', { name: rootHop.subjectName })}
                </Link>
              )}
            </Space>
          )
        }
        data-testid="alert-recall"
      >
        {alert.recallTotal > alert.recall.length && <Notice type="info" showIcon title={t('alert.recallMore', { shown: alert.recall.length, total: alert.recallTotal })} style={{ marginBottom: 8 }} />}
        <Table<RecallEntry> rowKey="batchId" size="small" columns={columns} dataSource={alert.recall} pagination={alert.recall.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} scroll={{ x: 640 }} />
      </Card>
    </Space>
  );
}
