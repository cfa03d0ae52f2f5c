import { List, Space, Tag, Typography } from 'antd';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { BadRecord } from './subject.types';
import { label, SEVERITY_COLOR } from './subject-labels';

/** 不良记录, newest first: severity, date, what happened, who recorded it. */
export function BadRecordsList({ items }: { items: BadRecord[] }) {
  const { t } = useI18n();
  if (!items.length) return <EmptyState description={t('common.none')} />;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="bad-records"
      renderItem={(r) => (
        <List.Item>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space size={6} wrap>
              <Tag color={SEVERITY_COLOR[r.severity]}>{label(t, 'severity', r.severity)}</Tag>
              <Typography.Text strong>{r.occurredOn}</Typography.Text>
              <Typography.Text type="secondary">
                {[r.agencyName, r.recordedByName].filter(Boolean).join(' · ')} · {formatTime(r.createdAt)}
              </Typography.Text>
            </Space>
            <Typography.Text className="tn-opinion">{r.description}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
