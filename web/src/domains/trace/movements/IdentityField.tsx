import { CheckCircleFilled, ScanOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { ScannedIdentity } from '../../registry/subjects/subject.types';
import { subjectApi } from '../../registry/subjects/subject.api';
import { ScanModal } from '../../../shared/ScanModal';
import { identityToken } from '../trace.api';

type Props = {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  /** Told of the subject behind a valid token, or null. */
  onSubject?: (subject: ScannedIdentity['subject'] | null) => void;
  scanTitle: string;
};

/**
 * A subject's electronic identity (电子身份标识) as a form field: scanned with the camera, or its link
 * `…/e/{token}` or token pasted. Once it reads as a token, the subject's name is shown, so the seller sees whom
 * they are about to sell to before sending anything.
 */
export function IdentityField({ value = '', onChange, id, onSubject, scanTitle }: Props) {
  const { t, errorText } = useI18n();
  const [scanning, setScanning] = useState(false);
  const [found, setFound] = useState<{ token: string; name?: string; region?: string | null; error?: string } | null>(null);
  const token = identityToken(value);

  useEffect(() => {
    if (!token) {
      onSubject?.(null);
      return;
    }
    let live = true;
    subjectApi.scan(token).then(
      (scan) => {
        if (!live) return;
        setFound({ token, name: scan.subject.name, region: scan.subject.regionName });
        onSubject?.(scan.subject);
      },
      (err: unknown) => {
        if (!live) return;
        setFound({ token, error: errorText(err) });
        onSubject?.(null);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- looked up again only when the token changes
  }, [token]);

  const shown = found?.token === token ? found : null;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input id={id} value={value} onChange={(e) => onChange?.(e.target.value)} placeholder={t('sell.identityPlaceholder')} allowClear data-testid="identity-input" />
        <Button icon={<ScanOutlined />} onClick={() => setScanning(true)}>
          {t('sell.scan')}
        </Button>
      </Space.Compact>
      {value && !token && <Typography.Text type="danger">{t('sell.identityInvalid')}</Typography.Text>}
      {shown?.name && (
        <Typography.Text type="success" data-testid="identity-subject">
          <CheckCircleFilled /> {shown.name}
          {shown.region ? ` · ${shown.region}` : ''}
        </Typography.Text>
      )}
      {shown?.error && <Typography.Text type="danger">{shown.error}</Typography.Text>}
      <ScanModal
        open={scanning}
        title={scanTitle}
        onClose={() => setScanning(false)}
        onResult={(text) => {
          setScanning(false);
          onChange?.(text);
        }}
      />
    </Space>
  );
}
