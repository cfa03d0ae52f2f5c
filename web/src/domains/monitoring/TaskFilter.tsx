import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { TaskListItem } from '../supervision/supervision.types';
import { monitoringApi } from './monitoring.api';
import { MONITORING_TASK_KINDS } from './monitoring.types';

/** A filter of the samples list by task: the monitoring tasks my agency received, and those it published. */
export function TaskFilter({ value, onChange }: { value?: string; onChange: (taskId: string | undefined) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [tasks, setTasks] = useState<TaskListItem[] | null>(null);

  useEffect(() => {
    let live = true;
    const boxes: ('inbox' | 'outbox')[] = me.can('supervision.publish') ? ['inbox', 'outbox'] : ['inbox'];
    Promise.all(boxes.flatMap((box) => MONITORING_TASK_KINDS.map((kind) => monitoringApi.tasks({ box, kind })))).then(
      (pages) => live && setTasks(pages.flatMap((p) => p.items)),
      () => live && setTasks([]),
    );
    return () => {
      live = false;
    };
  }, [me]);

  const options = (tasks ?? []).map((task) => ({ value: task.id, label: task.title }));
  // A task named in the address but not among the first pages still shows as chosen.
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t('samples.oneTask') });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={tasks === null}
      placeholder={t('sample.task')}
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: 220 }}
      data-testid="samples-task-filter"
    />
  );
}
