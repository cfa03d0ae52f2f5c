import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { TaskListItem } from '../supervision/supervision.types';
import { monitoringApi } from './monitoring.api';
import { MONITORING_TASK_KINDS } from './monitoring.types';

const WORKING = ['accepted', 'in_progress'];

/** The monitoring tasks my agency accepted and is still working on (its inbox): a sample is taken for one of them. */
export function TaskPicker({ value, onChange, onError }: { value?: string; onChange: (taskId: string | undefined) => void; onError: (err: unknown) => void }) {
  const { t } = useI18n();
  const [tasks, setTasks] = useState<TaskListItem[] | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all(MONITORING_TASK_KINDS.map((kind) => monitoringApi.tasks({ box: 'inbox', kind }))).then(
      (pages) => {
        if (!live) return;
        const open = pages.flatMap((p) => p.items).filter((task) => WORKING.includes(task.status));
        setTasks(open);
        if (!value && open.length === 1) onChange(open[0]!.id);
      },
      (err: unknown) => {
        if (live) setTasks([]);
        onError(err);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once when the page opens
  }, []);

  return (
    <Select
      value={value}
      onChange={onChange}
      loading={tasks === null}
      placeholder={t('sample.pickTask')}
      notFoundContent={t('sample.noTask')}
      options={(tasks ?? []).map((task) => ({ value: task.id, label: `${task.title} · ${t(`taskKind.${task.kind}`)}` }))}
      style={{ width: '100%' }}
      data-testid="sample-task"
    />
  );
}
