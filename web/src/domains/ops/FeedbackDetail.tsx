import { App, Button, Descriptions, Drawer, Form, Grid, Image, Input, Radio, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/auth';
import { LoadError } from '../../app/LoadError';
import { useLoaded } from '../../shared/use-loaded';
import { feedbackApi, STATE_COLOR } from './feedback.api';
import { FEEDBACK_KINDS, SATISFACTION, type Feedback } from './ops.types';
import { useAction } from '../../shared/use-action';

type Props = { id: string | null; onClose: () => void; /** After a handler moved it (the list shows the new state). */ onChanged?: () => void };

/** One feedback in a drawer: what was filed, its screenshots and timeline, and for handlers the next step. */
export function FeedbackDetail({ id, onClose, onChanged }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  // Closed (no id), nothing is read.
  const loaded = useLoaded(useCallback(() => (id ? feedbackApi.get(id) : Promise.resolve(null)), [id]));
  const item = loaded.data ?? null;

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={screens.md ? 640 : '100%'} destroyOnHidden title={item ? t('feedback.detailTitle', { no: item.no }) : ''} data-testid="feedback-drawer">
      {loaded.error ? (
        <LoadError error={loaded.error} onRetry={loaded.retry} />
      ) : !item ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('feedback.state')}>
              <Tag color={STATE_COLOR[item.state]} data-testid="feedback-state">
                {t(`feedback.state.${item.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('feedback.kind')}>{t(`feedback.kind.${item.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('feedback.filer')}>
              {item.filerName}（{item.filerOrg}）
            </Descriptions.Item>
            <Descriptions.Item label={t('feedback.createdAt')}>{formatTime(item.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('feedback.page')}>{item.pageAddress ? <Typography.Text code>{item.pageAddress}</Typography.Text> : t('feedback.noPage')}</Descriptions.Item>
            <Descriptions.Item label={t('feedback.text')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.text}</Typography.Paragraph>
            </Descriptions.Item>
            {item.proposal && <Descriptions.Item label={t('feedback.proposal')}>{item.proposal}</Descriptions.Item>}
            {item.resolution && <Descriptions.Item label={t(item.state === 'declined' || item.events.some((e) => e.toState === 'declined') ? 'feedback.declineReason' : 'feedback.resolution')}>{item.resolution}</Descriptions.Item>}
            {item.satisfaction && <Descriptions.Item label={t('feedback.satisfaction')}>{t(`feedback.satisfaction.${item.satisfaction}`)}</Descriptions.Item>}
            {item.revisitNote && <Descriptions.Item label={t('feedback.revisitNote')}>{item.revisitNote}</Descriptions.Item>}
          </Descriptions>
          {item.screenshots.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap style={{ marginTop: 12 }}>
                {item.screenshots.map((f, i) => (
                  <Image key={f} width={120} src={feedbackApi.screenshotUrl(item.id, f)} alt={t('feedback.shotName', { n: i + 1 })} data-testid="feedback-screenshot" />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('feedback.timeline')}
          </Typography.Title>
          <Timeline
            data-testid="feedback-timeline"
            items={item.events.map((e, i) => ({
              key: i,
              color: STATE_COLOR[e.toState],
              content: `${formatTime(e.at)} · ${t('feedback.event', { name: e.actorName, state: t(`feedback.state.${e.toState}`) })}${e.note ? `——${e.note}` : ''}`,
            }))}
          />
          <FeedbackActions
            item={item}
            onMoved={(next) => {
              loaded.set(next);
              onChanged?.();
            }}
          />
        </>
      )}
    </Drawer>
  );
}

type Step = 'classify' | 'confirm' | 'fix' | 'decline' | 'revisit';

/** The steps a handler may take now: classify a filed one, confirm (安全中心, not its classifier), fix or decline, revisit. */
function FeedbackActions({ item, onMoved }: { item: Feedback; onMoved: (f: Feedback) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const [step, setStep] = useState<Step | null>(null);
  const { busy, run: act } = useAction();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const handle = me.can('feedback.handle');
  const steps: Step[] = [];
  if (handle && item.state === 'filed') steps.push('classify');
  if (me.can('feedback.confirm') && item.state === 'classified') steps.push('confirm');
  if (handle && item.state === 'confirmed') steps.push('fix', 'decline');
  if (handle && (item.state === 'fixed' || item.state === 'declined')) steps.push('revisit');
  if (steps.length === 0) return null;
  const sameHandler = item.state === 'classified' && item.classifiedBy === me.user.id;

  const run = async () => {
    const v = await form.validateFields();
    setError(null);
    await act(
      async () => {
        const next =
          step === 'classify'
            ? await feedbackApi.classify(item.id, { kind: v.kind, proposal: v.proposal.trim() })
            : step === 'confirm'
              ? await feedbackApi.confirm(item.id, v.note?.trim() ? { note: v.note.trim() } : {})
              : step === 'fix'
                ? await feedbackApi.fix(item.id, { resolution: v.text.trim() })
                : step === 'decline'
                  ? await feedbackApi.decline(item.id, { reason: v.text.trim() })
                  : await feedbackApi.revisit(item.id, { satisfaction: v.satisfaction, note: v.note.trim() });
        setStep(null);
        void message.success(t('feedback.done'));
        onMoved(next);
      },
      // The refusal stays in place, inline, rather than as a passing message.
      (_err, said) => {
        setError(said);
        return true;
      },
    );
  };

  const required = [{ required: true, whitespace: true, min: 2, message: t('feedback.fieldRequired') }];
  return (
    <div data-testid="feedback-actions">
      {sameHandler && <Typography.Paragraph type="warning">{t('feedback.sameHandler')}</Typography.Paragraph>}
      <Space wrap>
        {steps.map((s) => (
          <Button
            key={s}
            type={step === s ? 'primary' : 'default'}
            danger={s === 'decline'}
            disabled={s === 'confirm' && sameHandler}
            onClick={() => {
              form.resetFields();
              // What ops classifies starts from the filer's own kind: a choice someone made, not a default.
              if (s === 'classify') form.setFieldsValue({ kind: item.kind });
              setError(null);
              setStep(s);
            }}
            data-testid={`feedback-step-${s}`}
          >
            {t(`feedback.action.${s}`)}
          </Button>
        ))}
      </Space>
      {step && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }} data-testid="feedback-step-form">
          {step === 'classify' && (
            <>
              <Form.Item name="kind" label={t('feedback.kind')} rules={[{ required: true, message: t('feedback.kindRequired') }]}>
                <Select options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kind.${k}`) }))} data-testid="feedback-classify-kind" />
              </Form.Item>
              <Form.Item name="proposal" label={t('feedback.proposal')} rules={required}>
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid="feedback-step-text" />
              </Form.Item>
            </>
          )}
          {step === 'confirm' && (
            <Form.Item name="note" label={t('feedback.confirmNote')}>
              <Input.TextArea rows={2} maxLength={1000} showCount data-testid="feedback-step-text" />
            </Form.Item>
          )}
          {(step === 'fix' || step === 'decline') && (
            <Form.Item name="text" label={t(step === 'fix' ? 'feedback.resolution' : 'feedback.declineReason')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} showCount data-testid="feedback-step-text" />
            </Form.Item>
          )}
          {step === 'revisit' && (
            <>
              <Form.Item name="satisfaction" label={t('feedback.satisfaction')} rules={[{ required: true, message: t('feedback.fieldRequired') }]}>
                <Radio.Group options={SATISFACTION.map((s) => ({ value: s, label: t(`feedback.satisfaction.${s}`) }))} data-testid="feedback-satisfaction" />
              </Form.Item>
              <Form.Item name="note" label={t('feedback.revisitNote')} rules={required}>
                <Input.TextArea rows={2} maxLength={1000} showCount data-testid="feedback-step-text" />
              </Form.Item>
            </>
          )}
          {error && (
            <Typography.Paragraph type="danger" role="alert" data-testid="feedback-step-error">
              {error}
            </Typography.Paragraph>
          )}
          <Button type="primary" loading={busy} onClick={() => void run().catch(() => undefined)} data-testid="feedback-step-submit">
            {t(`feedback.action.${step}`)}
          </Button>
        </Form>
      )}
    </div>
  );
}
