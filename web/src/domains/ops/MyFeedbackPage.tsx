import { Button, Card, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { feedbackApi, STATE_COLOR } from './feedback.api';
import type { FeedbackSummary } from './ops.types';
import { FeedbackDetail } from './FeedbackDetail';

/** 我的反馈: what this account filed, its state and, opened, the timeline and the answer. */
export default function MyFeedbackPage() {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const fetchPage = useMemo(() => (cursor?: string) => feedbackApi.mine(cursor), []);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('feedback.mine.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('feedback.mine.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <RefreshButton list={list} />
        </div>
        <CursorTable<FeedbackSummary>
          list={list}
          size="small"
          scroll={{ x: 640 }}
          locale={{ emptyText: <EmptyState description={t('feedback.mine.empty')} /> }}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('feedback.no'), dataIndex: 'no', className: 'tn-nowrap' },
            // The state first after the number: what a filer on a phone looks for, without scrolling sideways.
            { title: t('feedback.state'), dataIndex: 'state', className: 'tn-nowrap', render: (s: FeedbackSummary['state']) => <Tag color={STATE_COLOR[s]}>{t(`feedback.state.${s}`)}</Tag> },
            { title: t('feedback.createdAt'), dataIndex: 'createdAt', className: 'tn-nowrap', render: formatTime },
            { title: t('feedback.kind'), dataIndex: 'kind', className: 'tn-nowrap', render: (k: FeedbackSummary['kind']) => t(`feedback.kind.${k}`) },
            { title: t('feedback.text'), dataIndex: 'text', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 280 }}>{v}</Typography.Text> },
            {
              title: '',
              key: 'open',
              className: 'tn-nowrap',
              render: (_v, r) => (
                <Button size="small" type="link" onClick={() => setOpen(r.id)} data-testid="feedback-row-open">
                  {t('feedback.detail')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <FeedbackDetail id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
