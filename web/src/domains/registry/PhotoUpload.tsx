import { CameraOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { PhotoKind } from '../../app/types';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';

const MAX_BYTES = 5 * 1024 * 1024;

type Props = {
  kind: PhotoKind;
  fileId?: string;
  /** Where an already uploaded photo can be seen (a resubmission shows the last one's photos). */
  urlOf?: (fileId: string) => string;
  onChange: (fileId: string | undefined) => void;
  invalid?: boolean;
};

/** One licence or ID photo: pick or take it (the phone's camera), uploaded at once, shown as a thumbnail. */
export function PhotoUpload({ kind, fileId, urlOf, onChange, invalid }: Props) {
  const { t, errorText } = useI18n();
  const [preview, setPreview] = useState<{ fileId: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);

  const upload = async (file: File) => {
    setError(null);
    if (file.type && file.type !== 'image/jpeg' && file.type !== 'image/png') return setError(t('reg.photoType'));
    if (file.size > MAX_BYTES) return setError(t('reg.photoTooLarge'));
    setBusy(true);
    try {
      const saved = await subjectApi.upload(file, file.name || `${kind}.jpg`);
      setPreview({ fileId: saved.fileId, url: URL.createObjectURL(file) });
      onChange(saved.fileId);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const src = fileId ? (preview?.fileId === fileId ? preview.url : urlOf?.(fileId)) : undefined;
  const name = label(t, 'photo', kind);
  return (
    <div className="tn-photo-upload" data-testid={`photo-${kind}`}>
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
        <button type="button" className={`tn-photo-box${invalid && !fileId ? ' tn-photo-box-invalid' : ''}`} aria-label={name}>
          {src ? (
            <img src={src} alt={name} data-testid={`photo-${kind}-preview`} />
          ) : (
            <span className="tn-photo-empty">
              {busy ? <LoadingOutlined /> : <CameraOutlined />}
              <span>{busy ? t('reg.photoUploading') : t('reg.photoUpload')}</span>
            </span>
          )}
        </button>
      </Upload>
      <Typography.Text className="tn-photo-caption">{name}</Typography.Text>
      {fileId && !busy && <Typography.Text type="secondary" className="tn-photo-caption">{t('reg.photoReplace')}</Typography.Text>}
      {error && (
        <Typography.Text type="danger" className="tn-photo-caption">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
