import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { limitRule } from '../../app/number-limit';
import { supervisionApi } from './supervision.api';
import type { Task, TaskRecipient } from './supervision.types';
import { useAction } from '../../shared/use-action';

/** What my agency does with a task sent to it: accept (read, for a notice), inspect, report progress, report. */
export function RecipientActions({ task, mine, onChange }: { task: Task; mine: TaskRecipient; onChange: (task: Task) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const { busy, run: act } = useAction();
  const [staff, setStaff] = useState<{ id: string; displayName: string }[]>([]);
  const [assignees, setAssignees] = useState<string[]>(mine.assignees.map((a) => a.id));
  const accepted = mine.acceptedAt !== null;
  useEffect(() => {
    if (!accepted) return;
    let live = true;
    supervisionApi.assignable(task.id).then((r) => live && setStaff(r.items), () => undefined);
    return () => {
      live = false;
    };
  }, [accepted, task.id]);
  const run = async (action: () => Promise<Task>) => {
    await act(async () => {
      onChange(await action());
    });
  };

  const working = accepted && ['accepted', 'in_progress', 'overdue'].includes(mine.status);
  if (!accepted && (mine.status === 'published' || mine.status === 'overdue')) {
    return (
      <Button type="primary" loading={busy} onClick={() => void run(() => supervisionApi.accept(task.id))} data-testid="task-accept">
        {task.kind === 'notice' ? t('tasks.read') : t('tasks.accept')}
      </Button>
    );
  }
  if (!working || task.kind === 'notice') return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {task.kind === 'base_inspection' && (
        <Button type="primary" onClick={() => navigate(`/supervision/field?taskId=${task.id}`)} data-testid="task-inspect">
          {t('tasks.startInspection')}
        </Button>
      )}
      {['routine_monitoring', 'special_monitoring', 'supervisory_sampling'].includes(task.kind) && me.can('monitoring.sample') && (
        <Button type="primary" onClick={() => navigate(`/monitoring/sampling?taskId=${task.id}`)} data-testid="task-sample">
          {t('summary.startSampling')}
        </Button>
      )}
      {staff.length > 0 && (
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Select mode="multiple" style={{ flex: 1 }} value={assignees} onChange={setAssignees} placeholder={t('tasks.assignees')} options={staff.map((u) => ({ value: u.id, label: u.displayName }))} />
          <Button disabled={assignees.length === 0} loading={busy} onClick={() => void run(() => supervisionApi.assign(task.id, assignees))}>
            {t('tasks.assign')}
          </Button>
        </Space.Compact>
      )}
      <Form layout="inline" onFinish={(v: { done: number; note?: string }) => void run(() => supervisionApi.progress(task.id, v.done, v.note))} initialValues={{ done: mine.done }}>
        <Form.Item name="done" label={t('tasks.done')} rules={[{ required: true }, limitRule(t, { min: 0, max: 1_000_000, integer: true })]}>
          <InputNumber />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('tasks.note')} style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t('tasks.reportProgress')}
        </Button>
      </Form>
      <Form layout="vertical" onFinish={(v: { report: string }) => void run(() => supervisionApi.report(task.id, v.report))}>
        <Form.Item name="report" label={t('tasks.reportText')} rules={[{ required: true, max: 10000 }]}>
          <Input.TextArea rows={3} data-testid="task-report-text" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="task-report">
          {t('tasks.report')}
        </Button>
      </Form>
    </Space>
  );
}
