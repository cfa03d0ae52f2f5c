import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { Link, useParams } from 'react-router';
import { saveBlob } from '../../app/api';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { RecipientActions } from './RecipientActions';
import { TaskStatusTag, useWord } from '../../shared/task-labels';
import { AttachmentList } from '../../shared/TaskAttachments';
import { supervisionApi } from './supervision.api';
import type { Task, TaskRecipient } from './supervision.types';

/** A task: its facts; for a recipient its own actions, for the publisher every recipient's progress; the history. */
export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const word = useWord();
  const [state, setState] = useState<{ id: string; task?: Task; error?: string } | null>(null);
  // 重试 after a failed load reads again (the effect below depends on it).
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    let live = true;
    supervisionApi.task(id).then(
      (task) => live && setState({ id, task }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText, attempt]);

  if (state?.id === id && state.error) return <LoadError error={state.error} onRetry={retry} />;
  const task = state?.id === id ? state.task : undefined;
  if (!task) return <Card><Skeleton active /></Card>;
  const set = (next: Task) => setState({ id, task: next });
  const act = (action: () => Promise<Task>) => action().then(set, (err: unknown) => void message.error(errorText(err)));
  const mine = task.mine === 'received' ? task.recipients[0] : undefined;

  const columns = [
    { title: t('tasks.recipients'), dataIndex: 'agencyName', key: 'agency' },
    { title: t('tasks.progress'), key: 'status', render: (_: unknown, r: TaskRecipient) => <TaskStatusTag status={r.status} /> },
    { title: t(task.kind === 'base_inspection' ? 'tasks.subjectsDone' : 'tasks.done'), key: 'done', render: (_: unknown, r: TaskRecipient) => (r.quota ? `${r.done} / ${r.quota}` : r.done) },
    { title: t('tasks.assignees'), key: 'assignees', render: (_: unknown, r: TaskRecipient) => r.assignees.map((a) => a.displayName).join('、') || '—' },
    { title: t('tasks.reportText'), key: 'report', render: (_: unknown, r: TaskRecipient) => r.report ?? r.progressNote ?? '—' },
    {
      title: '',
      key: 'close',
      render: (_: unknown, r: TaskRecipient) =>
        r.status === 'reported' && (
          <Button size="small" onClick={() => void act(() => supervisionApi.close(task.id, r.agencyId))}>
            {t('tasks.closeOne')}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <div className="tn-page-title">
          <Typography.Title level={3}>{task.title}</Typography.Title>
          <Space wrap>
            <Tag>{word('taskKind', task.kind)}</Tag>
            <TaskStatusTag status={mine ? mine.status : task.status} />
            {['routine_monitoring', 'special_monitoring', 'supervisory_sampling'].includes(task.kind) && (
              <Link to={`/monitoring/tasks/${task.id}/summary`} data-testid="task-summary">
                {t('summary.open')}
              </Link>
            )}
          </Space>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            task.mine === 'received' ? { key: 'from', label: t('tasks.publisher'), children: task.publisherName } : { key: 'to', label: t('tasks.recipients'), children: task.recipients.length },
            { key: 'period', label: t('tasks.period'), children: `${task.startsOn} — ${task.dueOn ?? t('tasks.noDue')}` },
            ...(task.productScope ? [{ key: 'products', label: t('tasks.productScope'), children: task.productScope }] : []),
            ...(task.targetCount ? [{ key: 'target', label: t('tasks.targetCount'), children: task.targetCount }] : []),
            // The station's own row: what it has done and who of it is on the task (the publisher sees every row below).
            ...(mine
              ? [
                  { key: 'done', label: t(task.kind === 'base_inspection' ? 'tasks.subjectsDone' : 'tasks.done'), children: <span data-testid="task-mine-done">{mine.quota ? `${mine.done} / ${mine.quota}` : mine.done}</span> },
                  { key: 'assignees', label: t('tasks.assignees'), children: <span data-testid="task-mine-assignees">{mine.assignees.map((a) => a.displayName).join('、') || t('tasks.noAssignees')}</span> },
                ]
              : []),
            ...(task.attachments.length ? [{ key: 'attachments', label: t('tasks.attachments'), span: 'filled' as const, children: <AttachmentList items={task.attachments} /> }] : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{task.content}</Typography.Paragraph>
        {mine && <RecipientActions task={task} mine={mine} onChange={set} />}
      </Card>
      {task.mine === 'published' && (
        <Card
          title={t('tasks.progress')}
          extra={
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => void supervisionApi.progressSheet(task.id).then((b) => saveBlob(b, `任务进度-${task.title}.xlsx`), (err: unknown) => void message.error(errorText(err)))}>
                {t('tasks.exportProgress')}
              </Button>
              {task.status !== 'closed' && <Button onClick={() => void act(() => supervisionApi.close(task.id))}>{t('tasks.close')}</Button>}
            </Space>
          }
        >
          <Table rowKey="id" size="small" columns={columns} dataSource={task.recipients} pagination={false} scroll={{ x: 720 }} data-testid="task-progress" />
        </Card>
      )}
      <Card title={t('tasks.history')}>
        <Timeline
          items={task.history.map((h, i) => ({
            key: i,
            content: (
              <span>
                {`${formatTime(h.at)} · ${h.agencyName} · ${word('taskAction', h.action)}${h.actorName ? ` · ${h.actorName}` : ''}`}
                {h.note && <Typography.Text type="secondary">{` — ${h.note}`}</Typography.Text>}
              </span>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
