import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/auth';
import { RefreshButton } from '../../app/RefreshButton';
import { useI18n } from '../../app/i18n';
import { LoadMore } from '../../app/LoadMore';
import { useListPage } from '../../shared/use-list-page';
import { TaskStatusTag, useWord } from '../../shared/task-labels';
import { supervisionApi } from './supervision.api';

/** 任务与通知: tasks and notices my agency received (inbox), or published (outbox) with recipients by status. */
export default function TasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const word = useWord();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const fetchPage = useMemo(() => (cursor?: string) => supervisionApi.tasks({ box, cursor }), [box]);
  const list = useListPage(fetchPage);

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('menu.tasks')}</Typography.Title>
        {me.can('supervision.publish') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/supervision/tasks/new')} data-testid="publish-task">
            {t('tasks.publish')}
          </Button>
        )}
      </div>
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Segmented
            value={box}
            onChange={(v) => setParams({ box: String(v) }, { replace: true })}
            options={[
              { value: 'inbox', label: t('tasks.inbox') },
              ...(me.can('supervision.publish') ? [{ value: 'outbox', label: t('tasks.outbox') }] : []),
            ]}
          />
          <RefreshButton list={list} />
        </Space>
        <List
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: t('tasks.empty') }}
          renderItem={(item) => (
            <List.Item key={item.id} onClick={() => navigate(`/supervision/tasks/${item.id}`)} style={{ cursor: 'pointer' }} data-testid="task-item">
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <Tag>{word('taskKind', item.kind)}</Tag>
                    <TaskStatusTag status={item.status} />
                  </Space>
                }
                description={
                  <Space wrap size={[16, 0]}>
                    <span>{item.dueOn ? t('tasks.due', { date: item.dueOn }) : t('tasks.noDue')}</span>
                    {box === 'inbox' ? (
                      <span>{t('tasks.from', { name: item.publisherName })}</span>
                    ) : (
                      Object.entries(item.counts).map(([status, n]) => <span key={status}>{`${word('taskStatus', status)} ${n}`}</span>)
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
        <LoadMore list={list} />
      </Card>
    </div>
  );
}
