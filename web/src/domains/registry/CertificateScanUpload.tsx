import { FileImageOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { subjectExtraApi } from './subject-extra.api';
import './subject-extras.css';

const MAX_BYTES = 5 * 1024 * 1024;

type Props = {
  /** The uploaded scan's file id (a form field's value). */
  value?: string;
  onChange?: (fileId: string | undefined) => void;
  id?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
};

/** The scan of a certificate: picked or photographed, uploaded at once (JPG/PNG ≤ 5 MB), shown as a thumbnail. */
export function CertificateScanUpload({ value, onChange, id, ...rest }: Props) {
  const me = useMe();
  const { t, errorText } = useI18n();
  const [preview, setPreview] = useState<{ fileId: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invalid = rest['aria-invalid'] === true || rest['aria-invalid'] === 'true';

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);

  const upload = async (file: File) => {
    setError(null);
    if (file.type && file.type !== 'image/jpeg' && file.type !== 'image/png') return setError(t('certs.scanType'));
    if (file.size > MAX_BYTES) return setError(t('certs.scanTooLarge'));
    setBusy(true);
    try {
      const saved = await subjectExtraApi.uploadScan(file, file.name || 'certificate.jpg', me.csrfToken);
      setPreview({ fileId: saved.fileId, url: URL.createObjectURL(file) });
      onChange?.(saved.fileId);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const src = value && preview?.fileId === value ? preview.url : undefined;
  return (
    <div className="tn-x-main" data-testid="scan-upload">
      <Upload
        accept="image/jpeg,image/png"
        capture="environment"
        showUploadList={false}
        maxCount={1}
        disabled={busy}
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <button type="button" id={id} className={`tn-scan-box${invalid && !value ? ' tn-scan-box-invalid' : ''}`} aria-label={t('certs.scan')}>
          {src ? (
            <img src={src} alt={t('certs.scan')} data-testid="scan-preview" />
          ) : (
            <span className="tn-photo-empty">
              {busy ? <LoadingOutlined /> : <FileImageOutlined />}
              <span>{busy ? t('certs.scanUploading') : t('certs.scanUpload')}</span>
            </span>
          )}
        </button>
      </Upload>
      {src && !busy && <Typography.Text type="secondary" className="tn-photo-caption">{t('certs.scanReplace')}</Typography.Text>}
      {error && (
        <Typography.Text type="danger" className="tn-photo-caption" data-testid="scan-error">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
