import { App, Button, Card, Popconfirm, Select, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useMe } from '../../app/auth';
import { CursorTable } from '../../app/CursorTable';
import { RefreshButton } from '../../app/RefreshButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import type { JobState, QueueJob } from './ops.types';
import { useCursorList } from '../../app/use-cursor-list';
import { opsApi } from './ops.api';

const STATES: JobState[] = ['queued', 'running', 'succeeded', 'dead'];
const STATE_COLOR: Record<JobState, string> = { queued: 'blue', running: 'processing', succeeded: 'green', dead: 'red' };

/** 作业队列: the queue's jobs by state, newest first; a dead one can be sent back to the queue (job.retry, audited). */
export default function JobsPage() {
  const { t, errorText } = useI18n();
  const { can } = useMe();
  const { message } = App.useApp();
  const [state, setState] = useState<JobState | undefined>(undefined);
  const [retrying, setRetrying] = useState<number | null>(null);
  const fetchPage = useMemo(() => (cursor?: string) => opsApi.jobs(state, cursor), [state]);
  // A failed load shows inline in the table (LoadError), with 重试.
  const onError = useCallback(() => undefined, []);
  const list = useCursorList(fetchPage, onError);

  const kindLabel = (kind: string) => {
    const key = `job.kind.${kind}` as MessageKey;
    const text = t(key);
    return text === key ? t('job.kind.other') : text;
  };

  const retry = async (job: QueueJob) => {
    setRetrying(job.id);
    try {
      await opsApi.retryJob(job.id);
      void message.success(t('job.retried'));
      await list.reload();
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setRetrying(null);
    }
  };

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('job.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('job.hint')}</Typography.Text>
      </div>
      <Card>
        <div className="tn-filters">
          <Select<JobState | 'all'>
            style={{ minWidth: 160 }}
            aria-label={t('job.stateFilter')}
            data-testid="job-state-filter"
            value={state ?? 'all'}
            onChange={(v) => setState(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: t('job.state.all') }, ...STATES.map((s) => ({ value: s, label: t(`job.state.${s}`) }))]}
          />
          <RefreshButton list={list} />
        </div>
        <CursorTable<QueueJob>
          list={list}
          size="small"
          locale={{ emptyText: t('job.empty') }}
          columns={[
            { title: t('job.id'), dataIndex: 'id', className: 'tn-nowrap' },
            { title: t('job.kind'), dataIndex: 'kind', render: (v: string) => <span title={v}>{kindLabel(v)}</span> },
            {
              title: t('job.state'),
              dataIndex: 'state',
              className: 'tn-nowrap',
              render: (v: JobState, r) => {
                const tag = <Tag color={STATE_COLOR[v]}>{t(`job.state.${v}`)}</Tag>;
                return v === 'running' && r.lockedBy && r.lockedUntil ? <Tooltip title={t('job.lockedUntil', { worker: r.lockedBy, until: formatTime(r.lockedUntil) })}>{tag}</Tooltip> : tag;
              },
            },
            { title: t('job.runAt'), dataIndex: 'runAt', className: 'tn-nowrap', render: formatTime },
            { title: t('job.attempts'), key: 'attempts', className: 'tn-nowrap', render: (_v, r) => t('job.attemptsOf', { n: r.attempts, max: r.maxAttempts }) },
            { title: t('job.finishedAt'), dataIndex: 'finishedAt', className: 'tn-nowrap', render: (v: string | null) => (v ? formatTime(v) : '—') },
            {
              title: t('job.lastError'),
              dataIndex: 'lastError',
              render: (v: string | null) =>
                v ? (
                  <Tooltip title={t('job.errorDetail', { error: v })}>
                    <Tag color="orange">{t('job.hasError')}</Tag>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            ...(can('job.retry')
              ? [
                  {
                    title: '',
                    key: 'retry',
                    render: (_v: unknown, r: QueueJob) =>
                      r.state === 'dead' ? (
                        <Popconfirm title={t('job.retryConfirm')} onConfirm={() => retry(r)} okText={t('job.retry')} cancelText={t('common.cancel')}>
                          <Button size="small" loading={retrying === r.id} data-testid={`job-retry-${r.id}`}>
                            {t('job.retry')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </div>
  );
}
