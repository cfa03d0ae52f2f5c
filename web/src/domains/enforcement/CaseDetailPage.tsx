import { Alert, Card, Descriptions, Image, List, Skeleton, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { useParams } from 'react-router';
import { CASE_STAGES } from '../../../../src/domains/enforcement/case-stages.shared';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { useWord } from '../../shared/task-labels';
import { supervisionApi } from '../supervision/supervision.api';
import { AdvanceForm } from './AdvanceForm';
import { CaseRecordForm } from './CaseRecordForm';
import { CommissionCard } from './CommissionCard';
import { EvidenceCard } from './EvidenceCard';
import { enforcementApi } from './enforcement.api';
import type { Case } from './enforcement.types';

/** A case: its stages, facts, the evidence it was transferred with, its records and history; the handling agency works it. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const word = useWord();
  const [state, setState] = useState<{ id: string; item?: Case; error?: string } | null>(null);
  // 重试 after a failed load reads again (the effect below depends on it).
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let live = true;
    enforcementApi.case(id).then(
      (item) => live && setState({ id, item }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText, attempt]);

  if (state?.id === id && state.error) return <LoadError error={state.error} onRetry={retry} />;
  const item = state?.id === id ? state.item : undefined;
  if (!item) return <Card><Skeleton active /></Card>;
  const set = (next: Case) => setState({ id, item: next });
  const working = item.handling && item.stage !== 'closed';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-page">
      <Card>
        <div className="tn-page-title">
          <Typography.Title level={3}>{item.title}</Typography.Title>
          <Tag>{word('cases.source', item.source)}</Tag>
        </div>
        <Steps size="small" current={CASE_STAGES.indexOf(item.stage)} items={CASE_STAGES.map((s) => ({ title: word('cases.stage', s) }))} style={{ marginBottom: 16 }} />
        {!item.handling && <Alert type="info" showIcon title={t('cases.readOnly', { name: item.agencyName })} style={{ marginBottom: 12 }} />}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'no', label: t('cases.caseNo'), children: item.caseNo },
            { key: 'subject', label: t('inspect.newName'), children: item.subjectName ?? '—' },
            { key: 'summary', label: t('cases.summary'), children: item.summary },
            ...(item.legalBasis ? [{ key: 'basis', label: t('cases.legalBasis'), children: item.legalBasis }] : []),
            ...(item.penaltyKind ? [{ key: 'penalty', label: t('cases.penaltyKind'), children: `${word('cases.penalty', item.penaltyKind)}${item.penaltyAmount ? ` ¥${item.penaltyAmount}` : ''}` }] : []),
            ...(item.decision ? [{ key: 'decision', label: t('cases.decision'), children: item.decision }] : []),
          ]}
        />
      </Card>
      {item.transfer && <EvidenceCard transfer={item.transfer} />}
      <Card title={t('cases.records')}>
        <List
          size="small"
          dataSource={item.records}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space orientation="vertical" size={4}>
                <Space wrap size={4}>
                  <Tag>{word('cases.record', r.kind)}</Tag>
                  <Tag>{word('cases.stage', r.stage)}</Tag>
                  <Typography.Text type="secondary">{`${r.recordedByName} · ${formatTime(r.recordedAt)}`}</Typography.Text>
                </Space>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography.Text>
                <Space wrap>
                  {r.attachments.map((fileId) => (
                    <Image key={fileId} width={96} src={supervisionApi.photoUrl(fileId)} />
                  ))}
                </Space>
              </Space>
            </List.Item>
          )}
        />
        {working && <CaseRecordForm caseId={item.id} onSaved={set} />}
      </Card>
      <CommissionCard item={item} onChange={set} />
      {working && (
        <Card title={word('cases.stage', item.stage)}>
          <AdvanceForm item={item} onMoved={set} />
        </Card>
      )}
      <Card title={t('tasks.history')}>
        <Timeline items={item.history.map((h, i) => ({ key: i, content: `${formatTime(h.at)} · ${word('cases.stage', h.toStage)} · ${h.actorName}${h.note ? ` — ${h.note}` : ''}` }))} />
      </Card>
    </Space>
  );
}
