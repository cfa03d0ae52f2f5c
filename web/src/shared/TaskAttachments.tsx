import { DeleteOutlined, LoadingOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../app/i18n';
import { supervisionApi } from '../domains/supervision/supervision.api';
import type { TaskAttachment } from '../domains/supervision/supervision.types';

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;
const ACCEPT = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.jpg',
  '.jpeg',
  '.png',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
].join(',');

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A task's attachments as a form field (`value`: the uploaded files): each file is uploaded as soon as it is
 * picked — the server judges its type from the bytes and answers a refusal in the reader's language — and listed
 * with a remove button; the form sends their ids when it publishes (`onBusy`: while an upload runs, it waits).
 */
export function AttachmentsField({
  value = [],
  onChange,
  onBusy,
  upload = supervisionApi.uploadAttachment,
  max = MAX_FILES,
}: {
  value?: TaskAttachment[];
  onChange?: (next: TaskAttachment[]) => void;
  onBusy?: (busy: boolean) => void;
  /** Where a picked file goes (a task's attachments by default; a notice's attachments have their own upload). */
  upload?: (file: Blob, filename: string) => Promise<{ fileId: string; name: string; mime: string; size: number }>;
  max?: number;
}) {
  const { t, errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Several files picked at once are uploaded one after another, each added to the list as it arrives.
  const add = async (picked: File[]) => {
    setError(null);
    setBusy(true);
    onBusy?.(true);
    let next = value;
    try {
      for (const file of picked) {
        if (next.length >= max) {
          setError(t('tasks.attachTooMany'));
          break;
        }
        if (file.size > MAX_BYTES) {
          setError(t('tasks.attachTooLarge', { name: file.name }));
          continue;
        }
        try {
          const saved = await upload(file, file.name || 'attachment');
          next = [...next, { id: saved.fileId, name: saved.name, mime: saved.mime, size: saved.size }];
          onChange?.(next);
        } catch (err) {
          setError(`${file.name}${t('common.colon')}${errorText(err)}`);
        }
      }
    } finally {
      setBusy(false);
      onBusy?.(false);
    }
  };

  return (
    <div data-testid="task-attachments">
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        disabled={busy || value.length >= max}
        beforeUpload={(file, list) => {
          if (file === list[0]) void add(list);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={busy ? <LoadingOutlined /> : <UploadOutlined />} disabled={busy || value.length >= max} data-testid="task-attach-add">
          {busy ? t('tasks.attachUploading') : t('tasks.attachAdd')}
        </Button>
      </Upload>
      <div>
        <Typography.Text type="secondary">{t('tasks.attachHint')}</Typography.Text>
      </div>
      {error && (
        <div>
          <Typography.Text type="danger" data-testid="task-attach-error">
            {error}
          </Typography.Text>
        </div>
      )}
      {value.length > 0 && (
        <List
          size="small"
          dataSource={value}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[
                <Button
                  key="remove"
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('tasks.attachRemove', { name: a.name })}
                  onClick={() => onChange?.(value.filter((x) => x.id !== a.id))}
                  data-testid="task-attach-remove"
                />,
              ]}
            >
              <span data-testid="task-attach-item">
                <PaperClipOutlined /> {a.name} <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
              </span>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** A task's attachments on its page: each a download link under its name. */
export function AttachmentList({ items, urlOf = supervisionApi.attachmentUrl }: { items: TaskAttachment[]; urlOf?: (id: string) => string }) {
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(a) => (
        <List.Item key={a.id}>
          <a href={urlOf(a.id)} download={a.name} data-testid="task-attachment-link">
            <PaperClipOutlined /> {a.name}
          </a>
          <Typography.Text type="secondary">{sizeText(a.size)}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
