import { ScanOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { PointField, type Point } from '../../shared/LocateButton';
import { FieldPhoto } from '../../shared/FieldPhoto';
import { ScanModal } from '../../shared/ScanModal';
import { useWord } from '../../shared/task-labels';
import { newKey } from '../trace/trace.api';
import { enforcementApi } from './enforcement.api';
import type { Case, CaseRecord } from './enforcement.types';
import { useAction } from '../../shared/use-action';

type Values = { kind: CaseRecord['kind']; content: string; photo?: string; identity?: string };

/**
 * 执法记录: a note, an on-site check or evidence, with one photo, at the case's current stage. An on-site note is
 * taken after scanning (or typing) the subject's identity, which the server checks against the case's subject, and
 * may carry the phone's GPS point.
 */
export function CaseRecordForm({ caseId, onSaved }: { caseId: string; onSaved: (next: Case) => void }) {
  const { t } = useI18n();
  const word = useWord();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [key, setKey] = useState(newKey);
  const { busy, run } = useAction();
  const [scanning, setScanning] = useState(false);
  const [point, setPoint] = useState<Point | null>(null);
  const submit = async (v: Values) => {
    await run(async () => {
      const identity = v.identity?.trim();
      onSaved(await enforcementApi.addRecord(caseId, { kind: v.kind, content: v.content, attachments: v.photo ? [v.photo] : [], ...(identity ? { identity } : {}), ...(point ?? {}) }, key));
      form.resetFields();
      setPoint(null);
      setKey(newKey());
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      {/* The kind starts empty: an on-site record says the official was there, which only the official can say. */}
      <Form.Item name="kind" label={t('cases.addRecord')} rules={[{ required: true, message: t('rule.choose', { field: t('cases.addRecord') }) }]}>
        <Select data-testid="record-kind" options={(['note', 'onsite', 'evidence'] as const).map((k) => ({ value: k, label: word('cases.record', k) }))} />
      </Form.Item>
      <Form.Item
        name="identity"
        label={t('cases.recordIdentity')}
        extra={t('cases.recordIdentityHint')}
        rules={[{ required: kind === 'onsite', whitespace: true, message: t('rule.required', { field: t('cases.recordIdentity') }) }, { max: 300 }]}
      >
        <Input
          data-testid="record-identity"
          placeholder={t('cases.recordIdentityPlaceholder')}
          addonAfter={<Button type="text" size="small" icon={<ScanOutlined />} onClick={() => setScanning(true)} aria-label={t('inspect.scan')} />}
        />
      </Form.Item>
      <ScanModal
        open={scanning}
        title={t('inspect.scan')}
        onClose={() => setScanning(false)}
        onResult={(value) => {
          setScanning(false);
          form.setFieldValue('identity', value);
        }}
      />
      <Form.Item name="content" label={t('cases.recordContent')} rules={[{ required: true, max: 10000 }]}>
        <Input.TextArea rows={3} data-testid="record-content" />
      </Form.Item>
      <Form.Item name="photo" label={t('inspect.photo')}>
        <FieldPhoto testId="record-photo" />
      </Form.Item>
      <PointField label={t('inspect.location')} point={point} onChange={setPoint} />
      <Button htmlType="submit" loading={busy} data-testid="record-submit">
        {t('cases.addRecord')}
      </Button>
    </Form>
  );
}
