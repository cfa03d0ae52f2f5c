import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n';
import { monitorsApi, type MonitorKey, type RectificationInput } from './monitors.api';
import { useAction } from '../../../shared/use-action';

export type RectificationTarget = { target: RectificationInput['target']; name: string; monitor: MonitorKey };

/** 责令限期整改: the reason and the deadline, sent once (one Idempotency-Key per opening). */
export function IssueRectificationModal({ to, onClose }: { to: RectificationTarget | null; onClose: (issued: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; deadline: Dayjs }>();
  const { busy, run } = useAction();
  // A new key per target opened: a double click sends one notice, a second notice is a new opening.
  const key = useMemo(() => (to ? crypto.randomUUID() : ''), [to]);

  const submit = async () => {
    if (!to) return;
    const v = await form.validateFields();
    await run(async () => {
      await monitorsApi.issue({ target: to.target, monitor: to.monitor, reason: v.reason, deadline: v.deadline.format('YYYY-MM-DD') }, key);
      void message.success(t('rect.issued'));
      form.resetFields();
      onClose(true);
    });
  };

  return (
    <Modal open={to !== null} title={t('rect.issueTitle')} okText={t('rect.issue')} confirmLoading={busy} onOk={() => void submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Typography.Paragraph>{t('rect.to', { name: to?.name ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('rect.reason')} rules={[{ required: true, message: t('rect.reasonRequired') }, { max: 2000 }]}>
          <Input.TextArea rows={4} data-testid="rect-reason" />
        </Form.Item>
        <Form.Item name="deadline" label={t('rect.deadline')} rules={[{ required: true, message: t('rect.deadlineRequired') }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="rect-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
