import { DownloadOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { saveBlob } from '../../../app/api';
import { useMe } from '../../../app/auth';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { ElectronicIdentity } from './subject.types';
import { subjectApi } from './subject.api';

/**
 * 电子身份标识: the QR (the server's SVG shown as an image, never injected into the page), the card to print
 * as a PDF, and for the main account a new QR that revokes the printed one.
 */
export function IdentityCard() {
  const me = useMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [identity, setIdentity] = useState<ElectronicIdentity | null>(null);
  const [busy, setBusy] = useState<'download' | 'regenerate' | null>(null);

  useEffect(() => {
    subjectApi.myIdentity().then(setIdentity, (err: unknown) => void message.error(errorText(err)));
  }, [message, errorText]);

  const download = async () => {
    setBusy('download');
    try {
      saveBlob(await subjectApi.identityCard(), `identity-card-${me.subject?.name ?? 'subject'}.pdf`);
      void message.success(t('mine.downloaded'));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const regenerate = async () => {
    setBusy('regenerate');
    try {
      setIdentity(await subjectApi.regenerateIdentity());
      void message.success(t('mine.regenerated'));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('mine.identity')} data-testid="identity-card">
      {!identity ? (
        <Skeleton active />
      ) : (
        <div className="tn-identity">
          <img className="tn-identity-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(identity.qrSvg)}`} alt={t('mine.qrAlt')} data-testid="identity-qr" />
          <Space orientation="vertical" size={12} className="tn-identity-side">
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('mine.identityDesc')}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'issued', label: t('mine.issuedAt'), children: formatTime(identity.issuedAt) },
                { key: 'url', label: t('mine.url'), children: <Typography.Text copyable className="tn-secret">{identity.url}</Typography.Text> },
              ]}
            />
            <Space wrap>
              <Button type="primary" icon={<DownloadOutlined />} loading={busy === 'download'} onClick={() => void download()} data-testid="download-card">
                {t('mine.download')}
              </Button>
              {me.can('subject.manage') && (
                <Popconfirm title={t('mine.regenerateConfirm')} onConfirm={() => regenerate()} okButtonProps={{ danger: true }} okText={t('mine.regenerate')}>
                  <Button icon={<SyncOutlined />} loading={busy === 'regenerate'}>
                    {t('mine.regenerate')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Space>
        </div>
      )}
    </Card>
  );
}
