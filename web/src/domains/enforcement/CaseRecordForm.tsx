import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FieldPhoto } from '../supervision/FieldPhoto';
import { useWord } from '../supervision/supervision-labels';
import { newKey } from '../trace/trace.api';
import { enforcementApi } from './enforcement.api';
import type { Case, CaseRecord } from './enforcement.types';

/** 执法记录: a note, an on-site check or evidence, with one photo, at the case's current stage. */
export function CaseRecordForm({ caseId, onSaved }: { caseId: string; onSaved: (next: Case) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const word = useWord();
  const [form] = Form.useForm<{ kind: CaseRecord['kind']; content: string; photo?: string }>();
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { kind: CaseRecord['kind']; content: string; photo?: string }) => {
    setBusy(true);
    try {
      onSaved(await enforcementApi.addRecord(caseId, { kind: v.kind, content: v.content, attachments: v.photo ? [v.photo] : [] }, key));
      form.resetFields();
      setKey(newKey());
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ kind: 'onsite' }} onFinish={(v) => void submit(v)}>
      <Form.Item name="kind" label={t('cases.addRecord')}>
        <Select options={(['note', 'onsite', 'evidence'] as const).map((k) => ({ value: k, label: word('cases.record', k) }))} />
      </Form.Item>
      <Form.Item name="content" label={t('cases.recordContent')} rules={[{ required: true, max: 10000 }]}>
        <Input.TextArea rows={3} data-testid="record-content" />
      </Form.Item>
      <Form.Item name="photo" label={t('inspect.photo')}>
        <FieldPhoto testId="record-photo" />
      </Form.Item>
      <Button htmlType="submit" loading={busy} data-testid="record-submit">
        {t('cases.addRecord')}
      </Button>
    </Form>
  );
}
