import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import { BAD_RECORD_SEVERITIES, type BadRecordSeverity, type SubjectDetail } from './subject.types';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';
import { useAction } from '../../../shared/use-action';

type Values = { severity: BadRecordSeverity; description: string; occurredOn: Dayjs };

/** 记录不良行为 of a subject: severity, the date it happened (not in the future), what happened. */
export function BadRecordModal({ subject, open, onClose, onSaved }: { subject: SubjectDetail; open: boolean; onClose: () => void; onSaved: (s: SubjectDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    await run(async () => {
      const saved = await subjectApi.addBadRecord(subject.id, { severity: v.severity, description: v.description.trim(), occurredOn: v.occurredOn.format('YYYY-MM-DD') });
      void message.success(t('subjects.badRecordAdded'));
      onSaved(saved);
    });
  };

  return (
    <Modal open={open} title={`${t('subjects.addBadRecord')}${t('common.colon')}${subject.name}`} okText={t('common.save')} okButtonProps={{ loading: busy }} onOk={() => void submit().catch(() => undefined)} onCancel={onClose} forceRender>
      <Form form={form} layout="vertical" name="bad-record" requiredMark={false}>
        {/* Severity and date start empty: a record of bad conduct states what the official found, never a preset. */}
        <Form.Item name="severity" label={t('subjects.severity')} rules={[{ required: true, message: t('rule.choose', { field: t('subjects.severity') }) }]}>
          <Select options={BAD_RECORD_SEVERITIES.map((s) => ({ value: s, label: label(t, 'severity', s) }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('subjects.occurredOn')} rules={[{ required: true, message: t('rule.required', { field: t('subjects.occurredOn') }) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="description" label={t('subjects.description')} rules={[{ required: true, whitespace: true, min: 2, max: 1000, message: t('inbox.opinionRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
