import { Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { RefreshButton } from '../../app/RefreshButton';
import { useI18n } from '../../app/i18n';
import { LoadMore } from '../../app/LoadMore';
import { useListPage } from '../../shared/use-list-page';
import { TaskStatusTag } from '../../shared/task-labels';
import { monitoringApi } from './monitoring.api';
import { MONITORING_TASK_KINDS } from './monitoring.types';

/** 监测汇总: the monitoring tasks my agency published or received, by kind; each opens its summary. */
export default function MonitoringTasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const publisher = me.can('supervision.publish');
  const box = params.get('box') === 'inbox' || !publisher ? 'inbox' : 'outbox';
  const kind = params.get('kind') ?? 'routine_monitoring';
  const fetchPage = useMemo(() => (cursor?: string) => monitoringApi.tasks({ box, kind, cursor }), [box, kind]);
  const list = useListPage(fetchPage);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.summaries')}</Typography.Title>
      </div>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Segmented value={kind} onChange={(v) => setParams({ box, kind: String(v) }, { replace: true })} options={MONITORING_TASK_KINDS.map((k) => ({ value: k, label: t(`taskKind.${k}`) }))} />
          {publisher && (
            <Segmented
              value={box}
              onChange={(v) => setParams({ box: String(v), kind }, { replace: true })}
              options={[
                { value: 'outbox', label: t('tasks.outbox') },
                { value: 'inbox', label: t('tasks.inbox') },
              ]}
            />
          )}
          <RefreshButton list={list} />
        </Space>
        <List
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: t('tasks.empty') }}
          renderItem={(item) => (
            <List.Item key={item.id} onClick={() => navigate(`/monitoring/tasks/${item.id}/summary`)} style={{ cursor: 'pointer' }} data-testid="summary-task-item">
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <Tag>{t(`taskKind.${item.kind}`)}</Tag>
                    <TaskStatusTag status={item.status} />
                  </Space>
                }
                description={box === 'inbox' ? t('tasks.from', { name: item.publisherName }) : item.dueOn ? t('tasks.due', { date: item.dueOn }) : t('tasks.noDue')}
              />
            </List.Item>
          )}
        />
        <LoadMore list={list} />
      </Card>
    </div>
  );
}
