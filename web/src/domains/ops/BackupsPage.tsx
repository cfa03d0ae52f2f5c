import { Alert, Button, Card, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { BackupRun } from './ops.types';
import { useCursorList } from '../../app/use-cursor-list';
import { opsApi } from './ops.api';

function size(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** 数据库备份: each backup run's time, file, size, duration and result, newest first. */
export default function BackupsPage() {
  const { t, errorText } = useI18n();
  const [loadError, setLoadError] = useState<string | null>(null);
  const onError = useCallback((err: unknown) => setLoadError(errorText(err)), [errorText]);
  const fetchPage = useMemo(
    () => async (cursor?: string) => {
      const page = await opsApi.backups(cursor);
      setLoadError(null);
      return page;
    },
    [],
  );
  const list = useCursorList(fetchPage, onError);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('backup.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('backup.hint')}</Typography.Text>
      </div>
      <Card>
        {loadError ? (
          <Alert
            type="error"
            showIcon
            message={t('backup.loadFailed', { error: loadError })}
            action={
              <Button size="small" onClick={() => void list.reload()}>
                {t('app.retry')}
              </Button>
            }
          />
        ) : (
          <>
            <div className="tn-filters">
              <RefreshButton list={list} />
            </div>
            <CursorTable<BackupRun>
              list={list}
              size="small"
              locale={{ emptyText: t('backup.empty') }}
              columns={[
                { title: t('backup.startedAt'), dataIndex: 'startedAt', className: 'tn-nowrap', render: formatTime },
                { title: t('backup.trigger'), dataIndex: 'trigger', render: (v: BackupRun['trigger']) => t(`backup.trigger.${v}`) },
                { title: t('backup.file'), dataIndex: 'file', render: (v: string | null) => (v ? <Typography.Text copyable>{v}</Typography.Text> : '—') },
                { title: t('backup.size'), dataIndex: 'bytes', className: 'tn-nowrap', render: size },
                {
                  title: t('backup.duration'),
                  dataIndex: 'durationMs',
                  className: 'tn-nowrap',
                  render: (v: number | null) => (v === null ? '—' : t('backup.seconds', { n: (v / 1000).toFixed(1) })),
                },
                {
                  title: t('backup.result'),
                  key: 'result',
                  render: (_v, r) =>
                    r.ok === true ? (
                      <Tag color="green">{t('backup.ok')}</Tag>
                    ) : r.ok === false ? (
                      <Tooltip title={t('backup.errorDetail', { error: r.error ?? '' })}>
                        <Tag color="red">{t('backup.failed')}</Tag>
                      </Tooltip>
                    ) : (
                      <Tag color="blue">{t('backup.running')}</Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </div>
  );
}
