import { Tag, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ChangeRequest } from './subject.types';
import { label } from './subject-labels';
import './subject-extras.css';

// antd's Table (with its pagination, filters and selects) loads only when a request is shown, not with /my-subject, a
// producer's first page on a phone (issue 15 §9).
const ChangeDiffTable = lazy(() => import('./ChangeDiffTable').then((m) => ({ default: m.ChangeDiffTable })));

export const CHANGE_STATUS_COLOR: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };

type Props = {
  request: ChangeRequest;
  /** Before the status: the subject's name (the county's inbox), or nothing (the subject's own list). */
  title?: ReactNode;
  actions?: ReactNode;
};

/** One change request: status, when, why, the before/after table and the county's opinion. */
export function ChangeRequestItem({ request: r, title, actions }: Props) {
  const { t } = useI18n();
  return (
    <div className="tn-wrap-item" data-testid="change-request" data-status={r.status}>
      <div className="tn-x-main">
        <div className="tn-x-head">
          {title}
          <Tag color={CHANGE_STATUS_COLOR[r.status]} data-testid="change-status">
            {label(t, 'changeStatus', r.status)}
          </Tag>
          <Typography.Text type="secondary">
            {t('change.requestedAt')} {formatTime(r.createdAt)}
          </Typography.Text>
        </div>
        {r.reason && (
          <Typography.Text className="tn-opinion">
            {t('change.reason')}{t('common.colon')}{r.reason}
          </Typography.Text>
        )}
        <Suspense fallback={null}>
          <ChangeDiffTable before={r.before} after={r.after} />
        </Suspense>
        {r.decidedAt && (
          <Typography.Text type="secondary" className="tn-opinion">
            {t('change.decidedAt')} {formatTime(r.decidedAt)}
            {r.opinion && ` · ${t('change.opinion')}{t('common.colon')}${r.opinion}`}
          </Typography.Text>
        )}
      </div>
      {actions && <div className="tn-x-actions">{actions}</div>}
    </div>
  );
}
