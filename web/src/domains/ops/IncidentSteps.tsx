import { App, Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { incidentsApi, type Incident } from './incidents.api';

type Step = 'progress' | 'consent' | 'escalate' | 'extension' | 'approve' | 'reject' | 'recover' | 'close';

/** The steps open now: operations reports progress, escalates, asks for time, recovers and closes; 安全中心 consents and decides. */
export function IncidentSteps({ item, onMoved }: { item: Incident; onMoved: (i: Incident) => void }) {
  const { t, errorText } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const ops = me.can('incident.report');
  const center = me.can('incident.consent');
  const steps: Step[] = [];
  if (ops && item.state !== 'closed') steps.push('progress');
  if (center && item.level === 1 && !item.provincesToldAt && item.state !== 'closed') steps.push('consent');
  if (ops && item.state === 'open' && item.level < 3) steps.push('escalate');
  if (ops && item.state === 'open' && item.level === 2 && !item.extensionUntil) steps.push('extension');
  if (center && item.state === 'open' && item.level === 2 && item.extensionUntil) steps.push('approve', 'reject');
  if (ops && item.state === 'open') steps.push('recover');
  if (ops && item.state === 'recovered') steps.push('close');
  if (steps.length === 0) return null;

  const run = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    const text = (s: string | undefined) => s?.trim() || undefined;
    try {
      const next =
        step === 'progress'
          ? await incidentsApi.progress(item.id, v.text.trim())
          : step === 'consent'
            ? await incidentsApi.consent(item.id, text(v.text))
            : step === 'escalate'
              ? await incidentsApi.escalate(item.id, v.text.trim())
              : step === 'extension'
                ? await incidentsApi.askExtension(item.id, (v.until as dayjs.Dayjs).toISOString(), v.text.trim())
                : step === 'approve' || step === 'reject'
                  ? await incidentsApi.decideExtension(item.id, step === 'approve', text(v.text))
                  : step === 'recover'
                    ? await incidentsApi.recover(item.id, v.text.trim())
                    : await incidentsApi.close(item.id, v.text.trim(), text(v.assessment));
      setStep(null);
      void message.success(t('incident.done'));
      onMoved(next);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, min: 2, message: t('incident.fieldRequired') }];
  const optional = step === 'consent' || step === 'approve' || step === 'reject';
  const label = step === 'escalate' || step === 'extension' ? 'incident.field.reason' : step === 'recover' ? 'incident.field.notice' : step === 'close' ? (item.level === 1 ? 'incident.field.record' : 'incident.field.report') : 'incident.field.note';
  const stepLabel = (s: Step) => t(s === 'close' && item.level > 1 ? 'incident.step.closeReport' : `incident.step.${s}`);
  return (
    <div style={{ marginTop: 16 }} data-testid="incident-steps">
      <Space wrap>
        {steps.map((s) => (
          <Button
            key={s}
            type={step === s ? 'primary' : 'default'}
            danger={s === 'escalate' || s === 'reject'}
            onClick={() => {
              form.resetFields();
              if (s === 'extension') form.setFieldsValue({ until: dayjs(item.deadlineAt).add(2, 'hour') });
              setError(null);
              setStep(s);
            }}
            data-testid={`incident-step-${s}`}
          >
            {stepLabel(s)}
          </Button>
        ))}
      </Space>
      {step && (
        <Form form={form} layout="vertical" style={{ marginTop: 12, maxWidth: 640 }} data-testid="incident-step-form">
          {step === 'extension' && (
            <Form.Item name="until" label={t('incident.field.until')} rules={[{ required: true, message: t('incident.fieldRequired') }]}>
              <DatePicker showTime />
            </Form.Item>
          )}
          <Form.Item name="text" label={t(label)} rules={optional ? [] : required}>
            <Input.TextArea rows={3} maxLength={step === 'close' ? 5000 : 2000} showCount data-testid="incident-step-text" />
          </Form.Item>
          {step === 'close' && item.level > 1 && (
            <Form.Item name="assessment" label={t('incident.field.assessment')} rules={required}>
              <Input.TextArea rows={3} maxLength={5000} showCount data-testid="incident-step-assessment" />
            </Form.Item>
          )}
          {error && (
            <Typography.Paragraph type="danger" role="alert" data-testid="incident-step-error">
              {error}
            </Typography.Paragraph>
          )}
          <Button type="primary" loading={busy} onClick={() => void run().catch(() => undefined)} data-testid="incident-step-submit">
            {stepLabel(step)}
          </Button>
        </Form>
      )}
    </div>
  );
}
