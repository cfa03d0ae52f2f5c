import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import { useAction } from '../../../shared/use-action';
import { subjectApi } from './subject.api';
import type { PriorityFlag, SubjectDetail } from './subject.types';

type Values = { flag: PriorityFlag; reason: string };
const REASON_MAX = 500;

/**
 * 设定 / 取消重点主体标识: one of the flags the viewer's level sets (the server's settablePriorityFlags), set when the
 * subject lacks it and cleared when it has it, always with a reason the subject's history keeps.
 */
export function PriorityFlagModal({ subject, flags, open, onClose, onSaved }: { subject: SubjectDetail; flags: PriorityFlag[]; open: boolean; onClose: () => void; onSaved: (s: SubjectDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useAction();
  const flag = Form.useWatch('flag', form);
  const has = (f: PriorityFlag | undefined) => f !== undefined && subject.priorityFlags.includes(f);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    await run(async () => {
      const set = !has(v.flag);
      const saved = await subjectApi.setPriorityFlag(subject.id, { flag: v.flag, set, reason: v.reason.trim() });
      void message.success(t(set ? 'priority.setDone' : 'priority.clearDone', { flag: t(`priority.${v.flag}` as MessageKey) }));
      onSaved(saved);
    });
  };

  return (
    <Modal
      open={open}
      title={`${t('priority.title')}${t('common.colon')}${subject.name}`}
      okText={flag === undefined ? t('common.save') : t(has(flag) ? 'priority.clear' : 'priority.set')}
      okButtonProps={{ loading: busy, danger: has(flag) }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" name="priority-flag" requiredMark={false}>
        {/* No flag is preselected: the official chooses what was recognised. */}
        <Form.Item name="flag" label={t('priority.flag')} extra={t('priority.who')} rules={[{ required: true, message: t('rule.choose', { field: t('priority.flag') }) }]}>
          <Select
            data-testid="priority-flag"
            options={flags.map((f) => ({ value: f, label: `${t(`priority.${f}` as MessageKey)}${t(has(f) ? 'priority.hasIt' : 'priority.lacksIt')}` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('subjects.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('inbox.opinionRequired') },
            { max: REASON_MAX, message: t('priority.reasonMax', { n: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} count={{ show: true, max: REASON_MAX }} data-testid="priority-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
