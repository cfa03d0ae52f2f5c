import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Statistic, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { saveBlob } from '../../app/api';
import { CursorTable } from '../../app/CursorTable';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EmptyState, LoadError } from '../../app/LoadError';
import { useCursorList } from '../../app/use-cursor-list';
import { AttachmentList } from '../../shared/TaskAttachments';
import { categoryOptions, certificateOptions, industryOptions } from './audience-labels';
import { noticesApi, type Recipient, type SentNoticeDetail } from './notices.api';
import './notices.css';

type Row = Recipient & { id: string };

/** One sent notice: its text, whom it went to, the receipts counted, and who has not read it (exportable). */
export default function NoticeDetailPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<SentNoticeDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<'unread' | 'read'>('unread');

  const load = useCallback(() => {
    setError(null);
    noticesApi.sentDetail(id).then(setNotice, setError);
  }, [id]);
  useEffect(load, [load]);

  const fetchPage = useMemo(
    () => async (cursor?: string) => {
      const page = await noticesApi.recipients(id, tab, cursor);
      return { ...page, items: page.items.map((r) => ({ ...r, id: r.subjectId })) };
    },
    [id, tab],
  );
  const list = useCursorList<Row>(fetchPage, useCallback(() => undefined, []));

  const exportUnread = async () => {
    try {
      saveBlob(await noticesApi.unreadSheet(id), `通知未读名单-${notice?.no ?? id}.xlsx`);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  if (error) return <LoadError error={error} onRetry={load} />;
  if (!notice) return <Card loading />;
  const labels = (values: (string | number)[], options: { value: string | number; label: string }[]) => values.map((v) => options.find((o) => o.value === v)?.label ?? String(v)).join('、');
  const a = notice.audience;
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3} data-testid="notice-detail-title">{notice.title}</Typography.Title>
        <Button type="link" onClick={() => navigate('/notices')} style={{ paddingInline: 0 }}>
          {t('notice.back')}
        </Button>
      </div>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('notice.no')}>{notice.no}</Descriptions.Item>
          <Descriptions.Item label={t('notice.sentAt')}>{formatTime(notice.sentAt)}</Descriptions.Item>
          <Descriptions.Item label={t('notice.sender')}>
            {notice.senderAgencyName} · {notice.senderName}
          </Descriptions.Item>
          <Descriptions.Item label={t('notice.audienceSummary')}>
            {[a.regionNames.join('、') || t('notice.regionsAll'), labels(a.industries, industryOptions(t)), labels(a.categories, categoryOptions(t)), labels(a.certificateKinds, certificateOptions(t))].filter(Boolean).join('；')}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph className="tn-notice-body">{notice.body}</Typography.Paragraph>
        {notice.attachments.length > 0 && <AttachmentList items={notice.attachments} urlOf={(fileId) => noticesApi.sentAttachmentUrl(notice.id, fileId)} />}
      </Card>
      <Card title={t('notice.receipts')} style={{ marginTop: 16 }}>
        <Space size="large" wrap data-testid="notice-receipts">
          <Statistic title={t('notice.sentCount')} value={notice.sent} />
          <Statistic title={t('notice.readCount')} value={notice.read} />
          <Statistic title={t('notice.unreadCount')} value={notice.unread} />
          <Button icon={<DownloadOutlined />} onClick={() => void exportUnread()} disabled={notice.unread === 0} data-testid="notice-export">
            {t('notice.exportUnread')}
          </Button>
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'unread' | 'read')}
          items={[
            { key: 'unread', label: t('notice.tab.unread') },
            { key: 'read', label: t('notice.tab.read') },
          ]}
        />
        <CursorTable<Row>
          list={list}
          size="small"
          scroll={{ x: 560 }}
          locale={{ emptyText: <EmptyState description={tab === 'unread' ? t('notice.noRecipientsLeft') : undefined} /> }}
          columns={[
            { title: t('notice.recipient'), dataIndex: 'subjectName' },
            { title: t('notice.region'), dataIndex: 'regionName' },
            ...(tab === 'read'
              ? [
                  { title: t('notice.readAt'), dataIndex: 'readAt', className: 'tn-nowrap', render: formatTime },
                  { title: t('notice.reader'), dataIndex: 'readerName', className: 'tn-nowrap' },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
