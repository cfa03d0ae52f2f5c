import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Image, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { RegionName } from '../../shared/RegionName';
import { supervisionApi } from '../supervision/supervision.api';
import { LabBench } from './LabBench';
import { SampleStatusTag, VerdictTag } from './monitoring-labels';
import { label } from '../trace/trace-labels';
import { monitoringApi } from './monitoring.api';
import type { Sample } from './monitoring.types';
import { ReceiveCard } from './ReceiveCard';
import { ReportsCard } from './ReportsCard';
import { ReviewCard } from './ReviewCard';
import { SampleFactsCard } from './SampleFactsCard';
import './monitoring.css';

/**
 * One sample: the sheet (printable), its handover to the lab, the lab bench while it waits for results, the
 * reports (each version a PDF) with corrections, and the alerts a failure sent.
 */
export default function SampleDetailPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, errorText } = useI18n();
  const me = useMe();
  const [state, setState] = useState<{ id: string; sample?: Sample; error?: string } | null>(null);
  // 重试 after a failed load reads again (the effect below depends on it).
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const [correcting, setCorrecting] = useState(false);

  useEffect(() => {
    let live = true;
    monitoringApi.sample(id).then(
      (sample) => live && setState({ id, sample }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText, attempt]);

  if (state?.id === id && state.error) return <LoadError error={state.error} onRetry={retry} />;
  const sample = state?.id === id ? state.sample : undefined;
  if (!sample) return <Card><Skeleton active /></Card>;
  const set = (next: Sample) => {
    setState({ id, sample: next });
    setCorrecting(false);
  };
  // The sampling agency is also the lab that receives and tests (a testing agency does both).
  const lab = me.can('monitoring.sample') && me.agency?.id === sample.agencyId;
  // The version in review (检验 → 审核 → 批准), if any: the one after the issued report.
  const issuedVersion = sample.reports.find((r) => r.status === 'approved')?.version ?? 0;
  const draft = sample.reports.find((r) => r.version === issuedVersion + 1);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="sample-detail">
      {params.get('saved') && <Alert type="success" showIcon title={t('sample.savedNo', { no: sample.sampleNo })} data-testid="sample-saved" />}
      <Card>
        <div className="tn-page-title">
          <Typography.Title level={3}>{`${t('sample.no')} ${sample.sampleNo}`}</Typography.Title>
          <Space wrap>
            <SampleStatusTag status={sample.status} />
            <VerdictTag verdict={sample.verdict} />
            <Button icon={<PrinterOutlined />} href={monitoringApi.sheetUrl(sample.id)} target="_blank" data-testid="sample-sheet-pdf">
              {t('sample.printSheet')}
            </Button>
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'task', label: t('sample.task'), children: <Link to={`/supervision/tasks/${sample.taskId}`}>{sample.taskTitle}</Link> },
            { key: 'agency', label: t('sample.agency'), children: sample.agencyName },
            { key: 'sampler', label: t('sample.sampler'), children: `${sample.samplerName} · ${formatTime(sample.sampledAt)}` },
            { key: 'place', label: t('sample.place'), children: `${t(`placeKind.${sample.placeKind}`)} · ${sample.placeName}` },
            { key: 'region', label: t('sample.region'), children: <RegionName code={sample.regionCode} /> },
            { key: 'qty', label: t('sample.quantity'), children: `${sample.quantity} ${label(t, 'unit', sample.unit)}` },
            { key: 'seal', label: t('sample.sealNo'), children: sample.sealNo ?? '—' },
            { key: 'witnesses', label: t('sample.witnesses'), children: sample.witnesses.map((w) => `${w.name}（${w.role}）`).join('、') || '—' },
            { key: 'gps', label: t('sample.location'), children: sample.lat !== null && sample.lng !== null ? `${sample.lat}, ${sample.lng}` : '—' },
            ...(sample.note ? [{ key: 'note', label: t('sample.note'), children: sample.note }] : []),
          ]}
        />
        {sample.photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap style={{ marginTop: 8 }}>
              {sample.photos.map((p) => (
                <Image key={p} src={supervisionApi.photoUrl(p)} width={96} height={96} style={{ objectFit: 'cover' }} />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
      <SampleFactsCard facts={sample} />
      {sample.status === 'sampled' && lab && <ReceiveCard sample={sample} onSaved={set} />}
      {sample.receivedAt && (
        <Card size="small" title={t('receive.title')} data-testid="receive-facts">
          <Typography.Text>{t('receive.by', { name: sample.receivedByName ?? '—', time: formatTime(sample.receivedAt) })}</Typography.Text>
          {sample.receivedNote && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{sample.receivedNote}</Typography.Paragraph>}
        </Card>
      )}
      {draft && lab && <ReviewCard sample={sample} draft={draft} onSaved={set} />}
      {sample.actions.includes('enter') && <LabBench sample={sample} onSaved={set} />}
      {sample.reports.length > 0 && <ReportsCard sample={sample} />}
      {sample.actions.includes('correct') && !correcting && (
        <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)} data-testid="correction-open">
          {t('bench.correct')}
        </Button>
      )}
      {correcting && <LabBench key="correction" sample={sample} correction onSaved={set} />}
      {sample.holds.held + sample.holds.released + sample.holds.withdrawn > 0 && (
        <Alert
          type={sample.holds.held > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="sample-holds"
          title={t('holds.summary', { held: sample.holds.held, released: sample.holds.released, withdrawn: sample.holds.withdrawn })}
          description={sample.holds.recallOrderId && me.can('monitoring.alert') ? <Link to={`/monitoring/recall-orders/${sample.holds.recallOrderId}`}>{t('recall.open')}</Link> : undefined}
        />
      )}
      {sample.alerts.length > 0 && (
        <Card size="small" title={t('alert.sent')} data-testid="sample-alerts">
          <Space wrap>
            {sample.alerts.map((a) => (
              <Tag key={a.id} color="error">
                {a.agencyName}
                {a.caseId && ` · ${t('alert.caseOpened')}`}
              </Tag>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
