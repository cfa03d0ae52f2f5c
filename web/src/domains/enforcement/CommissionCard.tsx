import { App, Button, Card, DatePicker, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { TaskStatusTag, useWord } from '../../shared/task-labels';
import { supervisionApi } from '../supervision/supervision.api';
import type { AgencyOption } from '../supervision/supervision.types';
import { newKey } from '../trace/trace.api';
import { enforcementApi } from './enforcement.api';
import type { Case, CommissionRequest } from './enforcement.types';
import { useAction } from '../../shared/use-action';

type Values = Omit<CommissionRequest, 'dueOn'> & { dueOn: Dayjs };
const KINDS = ['supervisory_sampling', 'routine_monitoring', 'special_monitoring'] as const;

/** 委托检测: sampling sheets and monitoring tasks sent to testing agencies for this case, and what came back. */
export function CommissionCard({ item, onChange }: { item: Case; onChange: (next: Case) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const word = useWord();
  const [form] = Form.useForm<Values>();
  const [labs, setLabs] = useState<AgencyOption[]>([]);
  const [key, setKey] = useState(newKey);
  const { busy, run } = useAction();
  const working = item.handling && item.stage !== 'closed';

  useEffect(() => {
    if (!working) return;
    let live = true;
    supervisionApi.recipientOptions('supervisory_sampling').then((r) => live && setLabs(r.items), () => undefined);
    return () => {
      live = false;
    };
  }, [working]);

  const submit = async (v: Values) => {
    await run(async () => {
      onChange(await enforcementApi.commission(item.id, { ...v, dueOn: v.dueOn.format('YYYY-MM-DD') }, key));
      form.resetFields();
      setKey(newKey());
    });
  };

  // The agency closes what it commissioned (the lab's report received, or the request called off).
  const close = async (taskId: string) => {
    try {
      await supervisionApi.close(taskId);
      onChange(await enforcementApi.case(item.id));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  if (!working && item.commissions.length === 0) return null;
  return (
    <Card title={t('cases.commissions')}>
      <List
        size="small"
        dataSource={item.commissions}
        locale={{ emptyText: t('cases.noCommissions') }}
        renderItem={(c) => (
          <List.Item
            key={c.taskId}
            actions={
              item.handling && c.status !== 'closed'
                ? [
                    <Button key="close" size="small" onClick={() => void close(c.taskId)} data-testid="commission-close">
                      {t('tasks.close')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space orientation="vertical" size={2}>
              <Space wrap size={4}>
                <Typography.Text strong>{c.title}</Typography.Text>
                <Tag>{word('taskKind', c.kind)}</Tag>
                <TaskStatusTag status={c.status} />
              </Space>
              <Typography.Text type="secondary">{`${c.agencyName}${c.dueOn ? ` · ${t('tasks.due', { date: c.dueOn })}` : ''}`}</Typography.Text>
              {c.report && <Typography.Text>{c.report}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {working && labs.length > 0 && (
        <Form form={form} layout="vertical" initialValues={{ kind: 'supervisory_sampling', ...(labs.length === 1 ? { testingAgencyId: labs[0]!.id } : {}), dueOn: dayjs().add(15, 'day') }} onFinish={(v) => void submit(v)} style={{ marginTop: 12 }}>
          <Space wrap>
            <Form.Item name="kind" label={t('tasks.kind')}>
              <Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: word('taskKind', k) }))} />
            </Form.Item>
            {/* The only lab is the only answer; among several, the official chooses (a preset would pick one for them). */}
            <Form.Item name="testingAgencyId" label={t('cases.lab')} rules={[{ required: true, message: t('rule.choose', { field: t('cases.lab') }) }]}>
              <Select style={{ width: 260 }} options={labs.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
            <Form.Item name="dueOn" label={t('tasks.period')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t('tasks.title')} rules={[{ required: true, min: 2, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t('tasks.content')} rules={[{ required: true, max: 10000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('cases.commission')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
