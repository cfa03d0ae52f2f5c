import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { RegionName } from '../../shared/RegionName';
import { Countdown } from './Countdown';
import { IncidentSteps } from './IncidentSteps';
import { IncidentWrites } from './IncidentWrites';
import { incidentsApi, LEVEL_COLOR, STATE_COLOR, type Incident, type IncidentEvent, type IncidentLevel } from './incidents.api';

const EVENT_COLOR: Partial<Record<IncidentEvent['kind'], string>> = { escalate: 'red', overdue: 'red', consent: 'green', recover: 'green', extension_approve: 'green', extension_reject: 'orange', notify: 'gray' };

/** One incident: its report, level and countdown, the timeline, the next steps, and after recovery the writes to re-check. */
export default function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [item, setItem] = useState<Incident | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setItem(await incidentsApi.get(id));
    } catch (err) {
      setError(err);
    }
  }, [id]);
  useEffect(() => void load(), [load]);
  if (error) return <LoadError error={error} onRetry={load} />;
  if (!item) return <Skeleton active />;

  const levelName = (l: number | null) => (l ? t(`incident.level.${l as IncidentLevel}`) : '');
  const eventText = (e: IncidentEvent) => {
    const head =
      e.kind === 'notify'
        ? t('incident.event.notify', { n: String(e.data?.provinces ?? 0) })
        : e.kind === 'extension_request'
          ? t('incident.event.extension_request', { time: formatTime(String(e.data?.until ?? '')) })
          : t(`incident.event.${e.kind}`);
    const levels = e.fromLevel && e.toLevel ? `（${t('incident.event.levels', { from: levelName(e.fromLevel), to: levelName(e.toLevel) })}）` : e.kind === 'report' ? `（${levelName(e.toLevel)}）` : '';
    return `${formatTime(e.at)} · ${e.actorName} · ${head}${levels}${e.note ? `——${e.note}` : ''}`;
  };

  return (
    <div>
      <div className="tn-page-title">
        <Space wrap>
          <Link to="/ops/incidents">
            <ArrowLeftOutlined /> {t('incident.back')}
          </Link>
        </Space>
        <Typography.Title level={3}>{t('incident.detailTitle', { no: item.no })}</Typography.Title>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('incident.level')}>
            <Tag color={LEVEL_COLOR[item.level as IncidentLevel]} data-testid="incident-level-tag">
              {t(`incident.level.${item.level as IncidentLevel}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.state')}>
            <Tag color={STATE_COLOR[item.state]} data-testid="incident-state">
              {t(`incident.state.${item.state}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.deadline')}>{formatTime(item.deadlineAt)}</Descriptions.Item>
          <Descriptions.Item label={t('incident.countdown')}>
            <Countdown incident={item} />
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.occurredAt')}>{formatTime(item.occurredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('incident.place')}>{item.place}</Descriptions.Item>
          <Descriptions.Item label={t('incident.provinces')}>
            {item.provinces.length ? (
              <Space size={4} wrap>
                {item.provinces.map((c) => (
                  <RegionName key={c} code={c} />
                ))}
              </Space>
            ) : (
              t('incident.national')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.told')}>
            <span data-testid="incident-told">{item.provincesToldAt ? t('incident.told.yes', { time: formatTime(item.provincesToldAt) }) : t('incident.told.waiting')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.phenomenon')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.phenomenon}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.impact')} span={2}>
            {item.impact}
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.measures')} span={2}>
            {item.measures}
          </Descriptions.Item>
          <Descriptions.Item label={t('incident.expectedRecovery')} span={2}>
            {item.expectedRecovery}
          </Descriptions.Item>
          {item.extensionUntil && (
            <Descriptions.Item label={t('incident.deadline')} span={2}>
              <Typography.Text type="warning">{t('incident.extensionPending', { time: formatTime(item.extensionUntil) })}</Typography.Text>
              {item.extensionReason ? `——${item.extensionReason}` : ''}
            </Descriptions.Item>
          )}
          {item.recoveryNotice && (
            <Descriptions.Item label={t('incident.recoveryNotice')} span={2}>
              {item.recoveryNotice}
            </Descriptions.Item>
          )}
          {item.record && (
            <Descriptions.Item label={t('incident.record')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.record}</Typography.Paragraph>
            </Descriptions.Item>
          )}
          {item.assessment && (
            <Descriptions.Item label={t('incident.assessment')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.assessment}</Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
        <IncidentSteps item={item} onMoved={setItem} />
      </Card>
      <Card title={t('incident.timeline')} style={{ marginBottom: 16 }}>
        <Timeline data-testid="incident-timeline" items={item.events.map((e) => ({ key: e.id, color: EVENT_COLOR[e.kind] ?? 'blue', content: eventText(e) }))} />
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
      </Card>
      {item.recoveredAt && <IncidentWrites id={item.id} />}
    </div>
  );
}
