import { LoadingOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../app/i18n';
import type { UploadResult } from '../domains/registry/subjects/subject.types';

const MAX_BYTES = 5 * 1024 * 1024;

/** The prefix of the texts of one kind of picture: `…Upload`, `…Uploading`, `…Replace`, `…Type`, `…TooLarge`. */
type Texts = 'reg.photo' | 'certs.scan' | 'feedback.shot';

type Props = {
  /** The uploaded picture's file id (a form field's value). */
  fileId?: string;
  onChange?: (fileId: string | undefined) => void;
  /** Sends the picked file (JPG/PNG, ≤ 5 MB) to the server. */
  send: (file: File) => Promise<UploadResult>;
  /** Where an already uploaded picture can be seen (a resubmission shows the last one's photos). */
  urlOf?: (fileId: string) => string;
  /** What the picture is: the box's and the image's accessible name. */
  name: string;
  texts: Texts;
  icon: ReactNode;
  invalid?: boolean;
  /** Said under this box while it is empty and the form asks for it (each tile its own message). */
  missingText?: string;
  /** The box's id, for the label of the form item around it. */
  id?: string;
  className: string;
  /** Added to `tn-photo-box` (another size). */
  boxClassName?: string;
  /** The name shown under the box. */
  caption?: boolean;
  testIds: { root: string; preview: string; error?: string };
};

/** One picture: picked or photographed (the phone's camera), uploaded at once, shown as a thumbnail. */
export function ImageUpload({ fileId, onChange, send, urlOf, name, texts, icon, invalid, missingText, id, className, boxClassName, caption, testIds }: Props) {
  const { t, errorText } = useI18n();
  const [preview, setPreview] = useState<{ fileId: string; url: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);

  const upload = async (file: File) => {
    setError(null);
    if (file.type && file.type !== 'image/jpeg' && file.type !== 'image/png') return setError(t(`${texts}Type`));
    if (file.size > MAX_BYTES) return setError(t(`${texts}TooLarge`));
    setBusy(true);
    try {
      const saved = await send(file);
      setPreview({ fileId: saved.fileId, url: URL.createObjectURL(file) });
      onChange?.(saved.fileId);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const src = fileId ? (preview?.fileId === fileId ? preview.url : urlOf?.(fileId)) : undefined;
  const boxClass = ['tn-photo-box', boxClassName, invalid && !fileId ? 'tn-photo-box-invalid' : undefined].filter(Boolean).join(' ');
  return (
    <div className={className} data-testid={testIds.root}>
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
        <button type="button" id={id} className={boxClass} aria-label={name}>
          {src ? (
            <img src={src} alt={name} data-testid={testIds.preview} />
          ) : (
            <span className="tn-photo-empty">
              {busy ? <LoadingOutlined /> : icon}
              <span>{busy ? t(`${texts}Uploading`) : t(`${texts}Upload`)}</span>
            </span>
          )}
        </button>
      </Upload>
      {caption && <Typography.Text className="tn-photo-caption">{name}</Typography.Text>}
      {src && !busy && <Typography.Text type="secondary" className="tn-photo-caption">{t(`${texts}Replace`)}</Typography.Text>}
      {error ? (
        <Typography.Text type="danger" className="tn-photo-caption" data-testid={testIds.error} role="alert">
          {error}
        </Typography.Text>
      ) : (
        invalid &&
        !fileId &&
        missingText && (
          <Typography.Text type="danger" className="tn-photo-caption" data-testid={testIds.error}>
            {missingText}
          </Typography.Text>
        )
      )}
    </div>
  );
}
