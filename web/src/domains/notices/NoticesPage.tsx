import { Button, Card, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { noticesApi, type SentNotice } from './notices.api';

/** 通知管理: the notices this agency (and those below it) sent, with their read receipts counted. */
export default function NoticesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const fetchPage = useMemo(() => (cursor?: string) => noticesApi.sent(cursor), []);
  const list = useCursorList(fetchPage, useCallback(() => undefined, []));
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('notice.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('notice.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <Button type="primary" onClick={() => navigate('/notices/new')} data-testid="notice-new">
            {t('notice.new')}
          </Button>
          <RefreshButton list={list} />
        </div>
        <CursorTable<SentNotice>
          list={list}
          size="small"
          scroll={{ x: 720 }}
          locale={{ emptyText: <EmptyState description={t('notice.empty')} /> }}
          onRow={(r) => ({ onClick: () => navigate(`/notices/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('notice.subject'), dataIndex: 'title', render: (v: string) => <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 260 }}>{v}</Typography.Text> },
            { title: t('notice.sentCount'), dataIndex: 'sent', className: 'tn-nowrap' },
            { title: t('notice.readCount'), dataIndex: 'read', className: 'tn-nowrap' },
            { title: t('notice.unreadCount'), dataIndex: 'unread', className: 'tn-nowrap', render: (n: number) => <Typography.Text type={n > 0 ? 'warning' : undefined}>{n}</Typography.Text> },
            { title: t('notice.sentAt'), dataIndex: 'sentAt', className: 'tn-nowrap', render: formatTime },
            { title: t('notice.sender'), dataIndex: 'senderAgencyName', className: 'tn-nowrap' },
            { title: t('notice.no'), dataIndex: 'no', className: 'tn-nowrap' },
          ]}
        />
      </Card>
    </div>
  );
}
