import { Card, Switch, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { noticesApi, type InboxItem } from './notices.api';

/** 通知 of a producer's account: what its supervising agencies sent to its subject, unread first to the eye. */
export default function InboxPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const fetchPage = useMemo(() => (cursor?: string) => noticesApi.inbox(unreadOnly ? 'unread' : undefined, cursor), [unreadOnly]);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('inbox.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inbox.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <label>
            <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} /> {t('inbox.unreadOnly')}
          </label>
          <RefreshButton list={list} />
        </div>
        <CursorTable<InboxItem>
          list={list}
          size="small"
          scroll={{ x: 360 }}
          locale={{ emptyText: <EmptyState description={t('inbox.empty')} /> }}
          onRow={(r) => ({ onClick: () => navigate(`/inbox/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': 'inbox-row' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '', key: 'state', width: 64, className: 'tn-nowrap', render: (_v, r) => (r.readAt ? <Tag>{t('inbox.read')}</Tag> : <Tag color="red">{t('inbox.unread')}</Tag>) },
            { title: t('notice.subject'), dataIndex: 'title', render: (v: string, r) => <Typography.Text strong={!r.readAt}>{v}</Typography.Text> },
            { title: t('notice.sender'), dataIndex: 'senderAgencyName', className: 'tn-nowrap', responsive: ['md'] },
            { title: t('notice.sentAt'), dataIndex: 'sentAt', className: 'tn-nowrap', render: formatTime },
          ]}
        />
      </Card>
    </div>
  );
}
