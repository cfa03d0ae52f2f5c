import { Alert, Button, Form, Steps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { errorField, STEP_FIELDS, stepOf, type WizardField, type WizardValues } from './registration-form';
import { IdentityStep } from './IdentityStep';
import { PrivacyConsent } from './PrivacyConsent';
import { WhereStep } from './WhereStep';
import { WhoStep } from './WhoStep';

type Props = {
  initial?: Partial<WizardValues>;
  /** A resubmission: the login stays, the password is optional. */
  resubmit?: boolean;
  photoUrl?: (fileId: string) => string;
  /** Above the form (the county's opinion, a notice). */
  header?: ReactNode;
  onSubmit: (values: WizardValues) => Promise<void>;
};

/** The three-step registration form (who · identity · where and login), one antd Form across the steps. */
export function RegistrationWizard({ initial, resubmit = false, photoUrl, header, onSubmit }: Props) {
  const { t, errorText } = useI18n();
  const [form] = Form.useForm<WizardValues>();
  const [current, setCurrent] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const last = STEP_FIELDS.length - 1;

  const go = (step: number) => {
    setCurrent(step);
    window.scrollTo({ top: 0 });
  };

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[current]);
      go(current + 1);
    } catch {
      /* the fields show what is wrong */
    }
  };

  const submit = async () => {
    setFailure(null);
    let values: WizardValues;
    try {
      values = await form.validateFields({ validateOnly: false });
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      if (typeof first === 'string') go(stepOf(first as WizardField));
      setFailure(t('reg.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (err) {
      const text = errorText(err);
      setFailure(text);
      const field = errorField(err);
      if (field) {
        form.setFields([{ name: field, errors: [text] }]);
        go(stepOf(field));
      }
    } finally {
      setBusy(false);
    }
  };

  const steps = [
    { title: t('reg.step.who'), content: <WhoStep /> },
    { title: t('reg.step.identity'), content: <IdentityStep photoUrl={photoUrl} /> },
    { title: t('reg.step.where'), content: <WhereStep resubmit={resubmit} /> },
  ];

  return (
    <div className="tn-wizard">
      <Steps current={current} size="small" responsive={false} titlePlacement="vertical" items={steps.map((s) => ({ title: s.title }))} className="tn-wizard-steps" />
      {header}
      <Form<WizardValues> form={form} layout="vertical" name="register" initialValues={initial} requiredMark scrollToFirstError onValuesChange={() => setFailure(null)}>
        {/* Every step stays mounted (hidden) so that its values and rules remain while another is shown. */}
        {steps.map((s, i) => (
          <div key={i} hidden={i !== current} data-testid={`wizard-step-${i}`}>
            {s.content}
          </div>
        ))}
        {!resubmit && (
          <div hidden={current !== last}>
            <PrivacyConsent />
          </div>
        )}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="register-error" />}
        <div className="tn-wizard-nav">
          {current > 0 && (
            <Button size="large" onClick={() => go(current - 1)} disabled={busy}>
              {t('reg.prev')}
            </Button>
          )}
          {current < last ? (
            <Button type="primary" size="large" onClick={() => void next()}>
              {t('reg.next')}
            </Button>
          ) : (
            <Button type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="register-submit">
              {resubmit ? t('reg.resubmit') : t('reg.submit')}
            </Button>
          )}
        </div>
      </Form>
    </div>
  );
}
