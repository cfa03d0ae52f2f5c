import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import { PointField, type Point } from '../../shared/LocateButton';
import { newKey } from '../trace/trace.api';
import { ChecklistField, unansweredItems } from './ChecklistField';
import { FieldPhoto } from '../../shared/FieldPhoto';
import { InspectionSummary } from './InspectionSummary';
import type { FoundSubject } from './SubjectFinder';
import { supervisionApi } from './supervision.api';
import type { Answer, ChecklistItem, Industry, Inspection, InspectionRequest } from './supervision.types';
import { useAction } from '../../shared/use-action';

type Values = { industry: Industry; answers: Answer[]; photo?: string; noPhotoReason?: string; noPointReason?: string; findings?: string; conclusion?: 'compliant' | 'problem'; rectifyBy?: Dayjs };
const INDUSTRIES: Industry[] = ['planting', 'livestock', 'fishery'];

/**
 * The inspection itself: industry, its checklist, one photo from the camera, the GPS point, findings, conclusion.
 * Nothing is preset: every item is answered, the photo and the point are there or their absence is explained, the
 * conclusion is chosen and follows the answers, and the inspector confirms a summary before it is filed (the server
 * enforces the same rules and has the last word).
 */
export function InspectionForm({ subject, taskId, onSaved }: { subject: FoundSubject; taskId?: string; onSaved: (inspection: Inspection) => void }) {
  const { t, errorText, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const industry = Form.useWatch('industry', form) ?? (INDUSTRIES.find((i) => subject.industries.includes(i)) ?? 'planting');
  const conclusion = Form.useWatch('conclusion', form);
  const answers = Form.useWatch('answers', form);
  const photo = Form.useWatch('photo', form);
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [point, setPoint] = useState<Point | null>(null);
  const { busy, run } = useAction();
  const [key] = useState(newKey);
  const anyFail = (answers ?? []).some((a) => a.result === 'fail');

  useEffect(() => {
    let live = true;
    supervisionApi.checklist(industry).then(
      (c) => {
        if (!live) return;
        setItems(c.items);
        form.setFieldValue('answers', []);
      },
      (err: unknown) => void message.error(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [industry, form, message, errorText]);

  const bodyOf = (v: Values): InspectionRequest => ({
    subjectId: subject.id,
    industry: v.industry,
    answers: v.answers,
    photos: v.photo ? [v.photo] : [],
    ...(!v.photo && v.noPhotoReason?.trim() ? { noPhotoReason: v.noPhotoReason.trim() } : {}),
    ...(point ?? {}),
    ...(!point && v.noPointReason?.trim() ? { noPointReason: v.noPointReason.trim() } : {}),
    ...(v.findings?.trim() ? { findings: v.findings.trim() } : {}),
    conclusion: v.conclusion!,
    ...(v.conclusion === 'problem' && v.rectifyBy ? { rectifyBy: v.rectifyBy.format('YYYY-MM-DD') } : {}),
    ...(taskId ? { taskId } : {}),
  });

  const confirmed = (body: InspectionRequest) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('inspect.confirmTitle'),
        width: 480,
        content: <InspectionSummary subjectName={subject.name} items={items} body={body} />,
        okText: t('confirm.ok'),
        cancelText: t('confirm.back'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const submit = async () => {
    const v = await form.validateFields();
    const body = bodyOf(v);
    if (!(await confirmed(body))) return;
    await run(async () => {
      const saved = await supervisionApi.inspect(body, key);
      void message.success(t('inspect.saved'));
      onSaved(saved);
    });
  };

  const answeredAll = {
    validator: async (_r: unknown, value: Answer[] | undefined) => {
      const open = unansweredItems(items, value);
      if (items.length === 0 || open.length > 0) throw new Error(t('inspect.answerAll', { n: open.length, items: open.map((i) => (lang === 'zh' ? i.zh : i.en)).join(lang === 'zh' ? '、' : ', ') }));
    },
  };

  return (
    <Card title={subject.name}>
      <Typography.Paragraph type="secondary" className="tn-secret" data-testid="inspect-subject-code">
        {subject.identityCode}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ industry, answers: [] }} onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item name="industry" label={t('inspect.industry')}>
          <Select options={INDUSTRIES.map((i) => ({ value: i, label: t(`industry.${i}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="answers" label={t('inspect.checklist')} rules={[answeredAll]}>
          <ChecklistField items={items} />
        </Form.Item>
        <Form.Item name="photo" label={t('inspect.photo')} extra={photo ? undefined : t('inspect.photoOrReason')}>
          <FieldPhoto testId="inspect-photo" />
        </Form.Item>
        {!photo && (
          <Form.Item name="noPhotoReason" label={t('inspect.noPhotoReason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('inspect.photoOrReason') }]}>
            <Input maxLength={200} data-testid="inspect-no-photo-reason" />
          </Form.Item>
        )}
        <PointField label={t('inspect.location')} point={point} onChange={setPoint} />
        {!point && (
          <Form.Item name="noPointReason" label={t('inspect.noPointReason')} extra={t('inspect.pointOrReason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('inspect.pointOrReason') }]}>
            <Input maxLength={200} data-testid="inspect-no-point-reason" />
          </Form.Item>
        )}
        <Form.Item name="conclusion" label={t('inspect.conclusion')} rules={[{ required: true, message: t('inspect.conclusionRequired') }]}>
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
        <Form.Item
          name="findings"
          label={conclusion === 'compliant' && anyFail ? t('inspect.findingsWhy') : t('inspect.findings')}
          dependencies={['conclusion', 'answers']}
          rules={[
            { max: 2000 },
            {
              validator: async (_r, value: string | undefined) => {
                if (value?.trim()) return;
                if (conclusion === 'problem') throw new Error(t('inspect.findingsRequired'));
                if (conclusion === 'compliant' && anyFail) throw new Error(t('inspect.contradiction'));
              },
            },
          ]}
        >
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
