import { Timeline, Typography } from 'antd';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { SubjectStatusEvent } from './subject.types';
import { label } from './subject-labels';

const COLOR: Record<string, string> = { active: 'green', suspended: 'red', temporary: 'gray' };

/** A subject's status changes, newest first, with the reason and who made them. */
export function StatusHistory({ items }: { items: SubjectStatusEvent[] }) {
  const { t } = useI18n();
  if (!items.length) return <EmptyState description={t('common.none')} />;
  return (
    <Timeline
      data-testid="status-history"
      items={items.map((e, i) => ({
        key: i,
        color: COLOR[e.toStatus] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>
              {e.fromStatus ? t('subjects.status.from', { from: label(t, 'subjectStatus', e.fromStatus), to: label(t, 'subjectStatus', e.toStatus) }) : label(t, 'subjectStatus', e.toStatus)}
            </Typography.Text>
            {e.actorName && <Typography.Text type="secondary"> · {e.actorName}</Typography.Text>}
            <div>
              <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
            </div>
            {e.reason && <div className="tn-opinion">{label(t, 'statusReason', e.reason)}</div>}
          </div>
        ),
      }))}
    />
  );
}
