import { Tag } from 'antd';
import { useI18n } from '../app/i18n';
import type { MessageKey } from '../app/messages.zh';

const STATUS_COLOR: Record<string, string> = { published: 'blue', accepted: 'cyan', in_progress: 'processing', reported: 'green', overdue: 'red', closed: 'default', open: 'blue' };

/** A word of a family (`taskKind.base_inspection`, `cases.stage.filed` …) in the current language. */
export function useWord() {
  const { t } = useI18n();
  return (family: string, value: string) => t(`${family}.${value}` as MessageKey);
}

export function TaskStatusTag({ status }: { status: string }) {
  const word = useWord();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="task-status">
      {word('taskStatus', status)}
    </Tag>
  );
}
