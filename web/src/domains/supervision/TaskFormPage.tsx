import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { TASK_KINDS, type TaskKind } from '../../../../src/domains/tasks/task-state.shared';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { newKey } from '../trace/trace.api';
import { useWord } from '../../shared/task-labels';
import { supervisionApi } from './supervision.api';
import { AttachmentsField } from '../../shared/TaskAttachments';
import type { AgencyOption, TaskAttachment } from './supervision.types';
import { useAction } from '../../shared/use-action';

type Values = { kind: TaskKind; title: string; content: string; productScope?: string; targetCount?: number; period: [Dayjs, Dayjs | null]; recipients: string[]; quotas?: Record<string, number | undefined>; attachments?: TaskAttachment[] };

/** 发布任务: kind, what and where, the period, attachments, and the recipients the rules allow for that kind (with quotas). */
export default function TaskFormPage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const word = useWord();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'base_inspection';
  const [options, setOptions] = useState<AgencyOption[]>([]);
  const { busy, run } = useAction();
  const [uploading, setUploading] = useState(false);
  // One key per opening of the form: a double tap or a retried request publishes once.
  const [key] = useState(newKey);

  useEffect(() => {
    let live = true;
    supervisionApi.recipientOptions(kind).then(
      (r) => live && setOptions(r.items),
      (err: unknown) => void message.error(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [kind, message, errorText]);

  const submit = async (v: Values) => {
    await run(async () => {
      const task = await supervisionApi.publish(
        {
          kind: v.kind,
          title: v.title,
          content: v.content,
          ...(v.productScope ? { productScope: v.productScope } : {}),
          ...(v.targetCount ? { targetCount: v.targetCount } : {}),
          startsOn: v.period[0].format('YYYY-MM-DD'),
          ...(v.period[1] ? { dueOn: v.period[1].format('YYYY-MM-DD') } : {}),
          ...(v.attachments?.length ? { attachments: v.attachments.map((a) => a.id) } : {}),
          recipients: v.recipients.map((agencyId) => ({ agencyId, ...(v.quotas?.[agencyId] ? { quota: v.quotas[agencyId] } : {}) })),
        },
        key,
      );
      void message.success(t('tasks.published'));
      navigate(`/supervision/tasks/${task.id}`);
    });
  };

  const chosen: string[] = Form.useWatch('recipients', form) ?? [];
  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('tasks.publish')}</Typography.Title>
      </div>
      <Card style={{ maxWidth: 760 }}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'base_inspection', recipients: [], period: [dayjs(), dayjs().add(30, 'day')] }} onFinish={(v) => void submit(v)}>
          <Form.Item name="kind" label={t('tasks.kind')} rules={[{ required: true }]}>
            <Select data-testid="task-kind" options={TASK_KINDS.map((k) => ({ value: k, label: word('taskKind', k) }))} onChange={() => form.setFieldValue('recipients', [])} />
          </Form.Item>
          <Form.Item name="title" label={t('tasks.title')} rules={[{ required: true, min: 2, max: 120 }]}>
            <Input data-testid="task-title" />
          </Form.Item>
          <Form.Item name="content" label={t('tasks.content')} rules={[{ required: true, max: 10000 }]}>
            <Input.TextArea rows={4} data-testid="task-content" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="productScope" label={t('tasks.productScope')}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="targetCount" label={t('tasks.targetCount')} rules={[limitRule(t, { min: 1, max: 1_000_000, integer: true })]}>
              <InputNumber />
            </Form.Item>
          </Space>
          <Form.Item name="period" label={t('tasks.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker allowEmpty={[false, kind === 'notice']} data-testid="task-period" />
          </Form.Item>
          <Form.Item name="attachments" label={t('tasks.attachments')}>
            <AttachmentsField onBusy={setUploading} />
          </Form.Item>
          <Form.Item name="recipients" label={t('tasks.recipients')} rules={[{ required: true, type: 'array', min: 1, message: t('tasks.pickRecipients') }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {options.map((a) => (
                <Checkbox key={a.id} value={a.id} data-testid={`recipient-${a.regionCode}-${a.kind}`}>
                  {a.name}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          {kind !== 'notice' &&
            chosen.map((id) => (
              <Form.Item key={id} name={['quotas', id]} label={`${t('tasks.quota')} · ${options.find((a) => a.id === id)?.name ?? ''}`} rules={[limitRule(t, { min: 1, max: 1_000_000, integer: true })]}>
                <InputNumber />
              </Form.Item>
            ))}
          <Button type="primary" htmlType="submit" loading={busy} disabled={uploading} data-testid="task-submit">
            {t('tasks.publish')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
