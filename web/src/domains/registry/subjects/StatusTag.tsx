import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { APPLICATION_STATUS_COLOR, label, SUBJECT_STATUS_COLOR } from './subject-labels';

/** The coloured status of an application (appStatus) or a subject (subjectStatus). */
export function StatusTag({ family, status }: { family: 'appStatus' | 'subjectStatus'; status: string }) {
  const { t } = useI18n();
  const color = (family === 'appStatus' ? APPLICATION_STATUS_COLOR : SUBJECT_STATUS_COLOR)[status] ?? 'default';
  return (
    <Tag color={color} data-testid="status-tag">
      {label(t, family, status)}
    </Tag>
  );
}
