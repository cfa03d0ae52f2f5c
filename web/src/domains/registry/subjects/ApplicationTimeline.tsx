import { Timeline, Typography } from 'antd';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ApplicationEvent } from './subject.types';
import { APPLICATION_ACTION_COLOR, label } from './subject-labels';

/** What happened to an application, oldest first, with the county's opinions. */
export function ApplicationTimeline({ history }: { history: ApplicationEvent[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="application-history"
      items={history.map((h, i) => ({
        key: i,
        color: APPLICATION_ACTION_COLOR[h.action] ?? 'gray',
        content: (
          <div>
            <Typography.Text strong>{label(t, 'appAction', h.action)}</Typography.Text>
            {h.actorName && <Typography.Text type="secondary"> · {h.actorName}</Typography.Text>}
            <div>
              <Typography.Text type="secondary">{formatTime(h.at)}</Typography.Text>
            </div>
            {h.opinion && <div className="tn-opinion">{h.opinion}</div>}
          </div>
        ),
      }))}
    />
  );
}
