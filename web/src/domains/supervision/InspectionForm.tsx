import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import { PointField, type Point } from '../registry/LocateButton';
import { newKey } from '../trace/trace.api';
import { ChecklistField } from './ChecklistField';
import { FieldPhoto } from './FieldPhoto';
import type { FoundSubject } from './SubjectFinder';
import { supervisionApi } from './supervision.api';
import type { Answer, ChecklistItem, Industry, Inspection } from './supervision.types';

type Values = { industry: Industry; answers: Answer[]; photo?: string; findings?: string; conclusion: 'compliant' | 'problem'; rectifyBy?: Dayjs };
const INDUSTRIES: Industry[] = ['planting', 'livestock', 'fishery'];

/** The inspection itself: industry, its checklist, one photo from the camera, the GPS point, findings, conclusion. */
export function InspectionForm({ subject, taskId, onSaved }: { subject: FoundSubject; taskId?: string; onSaved: (inspection: Inspection) => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const industry = Form.useWatch('industry', form) ?? (INDUSTRIES.find((i) => subject.industries.includes(i)) ?? 'planting');
  const conclusion = Form.useWatch('conclusion', form);
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [point, setPoint] = useState<Point | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(newKey);

  useEffect(() => {
    let live = true;
    supervisionApi.checklist(industry).then(
      (c) => {
        if (!live) return;
        setItems(c.items);
        form.setFieldValue('answers', c.items.map((i) => ({ key: i.key, result: 'pass' })));
      },
      (err: unknown) => void message.error(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [industry, form, message, errorText]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const saved = await supervisionApi.inspect(
        {
          subjectId: subject.id,
          industry: v.industry,
          answers: v.answers,
          photos: v.photo ? [v.photo] : [],
          ...(point ?? {}),
          ...(v.findings ? { findings: v.findings } : {}),
          conclusion: v.conclusion,
          ...(v.conclusion === 'problem' && v.rectifyBy ? { rectifyBy: v.rectifyBy.format('YYYY-MM-DD') } : {}),
          ...(taskId ? { taskId } : {}),
        },
        key,
      );
      void message.success(t('inspect.saved'));
      onSaved(saved);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={subject.name}>
      <Typography.Paragraph type="secondary" className="tn-secret" data-testid="inspect-subject-code">
        {subject.identityCode}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ industry, conclusion: 'compliant', answers: [] }} onFinish={(v) => void submit(v)}>
        <Form.Item name="industry" label={t('inspect.industry')}>
          <Select options={INDUSTRIES.map((i) => ({ value: i, label: t(`industry.${i}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="answers" label={t('inspect.checklist')}>
          <ChecklistField items={items} />
        </Form.Item>
        <Form.Item name="photo" label={t('inspect.photo')}>
          <FieldPhoto testId="inspect-photo" />
        </Form.Item>
        <PointField label={t('inspect.location')} point={point} onChange={setPoint} />
        <Form.Item name="conclusion" label={t('inspect.conclusion')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="inspect-conclusion"
            options={[
              { value: 'compliant', label: t('inspect.compliant') },
              { value: 'problem', label: t('inspect.problem') },
            ]}
          />
        </Form.Item>
        <Form.Item name="findings" label={t('inspect.findings')} rules={[{ required: conclusion === 'problem', max: 2000 }]}>
          <Input.TextArea rows={3} data-testid="inspect-findings" />
        </Form.Item>
        {conclusion === 'problem' && (
          <Form.Item name="rectifyBy" label={t('inspect.rectifyBy')}>
            <DatePicker disabledDate={(d) => !d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="inspect-submit">
          {t('inspect.submit')}
        </Button>
      </Form>
    </Card>
  );
}
