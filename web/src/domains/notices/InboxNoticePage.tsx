import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { AttachmentList } from '../../shared/TaskAttachments';
import { refreshShellNotices } from './shell-notices';
import { noticesApi, type InboxDetail } from './notices.api';
import './notices.css';

/** One notice to the producer's subject; 我已阅读 gives the sender its receipt (the first reader of the subject, and when). */
export default function InboxNoticePage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<InboxDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [marking, setMarking] = useState(false);

  const load = useCallback(() => {
    setError(null);
    noticesApi.inboxDetail(id).then(setNotice, setError);
  }, [id]);
  useEffect(load, [load]);

  const markRead = async () => {
    setMarking(true);
    try {
      setNotice(await noticesApi.markRead(id));
      refreshShellNotices();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setMarking(false);
    }
  };

  if (error) return <LoadError error={error} onRetry={load} />;
  if (!notice) return <Card loading />;
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3} data-testid="inbox-notice-title">{notice.title}</Typography.Title>
        <Button type="link" onClick={() => navigate('/inbox')} style={{ paddingInline: 0 }}>
          {t('inbox.back')}
        </Button>
      </div>
      <Card>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('notice.sender')}>{notice.senderAgencyName}</Descriptions.Item>
          <Descriptions.Item label={t('notice.sentAt')}>{formatTime(notice.sentAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph className="tn-notice-body" data-testid="inbox-notice-body">{notice.body}</Typography.Paragraph>
        {notice.attachments.length > 0 && <AttachmentList items={notice.attachments} urlOf={(fileId) => noticesApi.inboxAttachmentUrl(notice.id, fileId)} />}
        <div style={{ marginTop: 16 }}>
          {notice.readAt ? (
            <Typography.Text type="success" data-testid="inbox-read-receipt">
              <CheckCircleOutlined /> {t('inbox.readBy', { name: notice.readerName ?? '', at: formatTime(notice.readAt) })}
            </Typography.Text>
          ) : (
            <Button type="primary" block onClick={() => void markRead()} loading={marking} data-testid="inbox-mark-read">
              {t('inbox.markRead')}
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}
