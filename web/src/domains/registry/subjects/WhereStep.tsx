import { Divider, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { USERNAME_PATTERN } from '../accounts/AccountFormModal';
import { PasswordInput } from '../accounts/PasswordInput';
import { passwordProblems } from '../accounts/password-rules';
import { PointFields } from '../../../shared/ProfileFields';
import type { WizardValues } from './registration-form';
import { TownshipCascader } from '../../../shared/TownshipCascader';

/** Step 3, where and login: township, address, map point (GPS or typed), then username and password. */
export function WhereStep({ resubmit }: { resubmit: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<WizardValues>();
  const username = () => String(form.getFieldValue('username') ?? '');

  return (
    <>
      <Form.Item
        name="townshipCode"
        label={t('reg.region')}
        required
        rules={[
          {
            validator: async (_r, value: string | undefined) => {
              if (!value || value.length !== 9) throw new Error(t('reg.regionTooShallow'));
            },
          },
        ]}
      >
        <TownshipCascader />
      </Form.Item>
      <Form.Item name="address" label={t('reg.address')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('rule.required', { field: t('reg.address') }) }]}>
        <Input maxLength={200} placeholder={t('reg.addressPlaceholder')} autoComplete="street-address" />
      </Form.Item>
      <Typography.Text strong>{t('reg.point')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('reg.pointHint')}
      </Typography.Paragraph>
      <PointFields step={0.01} />
      <Divider titlePlacement="start" plain>
        {t('reg.accountSection')}
      </Divider>
      <Typography.Paragraph type="secondary">{t('reg.accountHint')}</Typography.Paragraph>
      <Form.Item name="username" label={t('field.username')} rules={resubmit ? [] : [{ required: true, pattern: USERNAME_PATTERN, message: t('rule.username') }]}>
        <Input autoComplete="username" maxLength={40} readOnly={resubmit} variant={resubmit ? 'filled' : undefined} />
      </Form.Item>
      <Form.Item
        name="password"
        label={resubmit ? t('reg.passwordKeep') : t('field.password')}
        required={!resubmit}
        extra={t('password.hint')}
        dependencies={['username']}
        rules={[
          {
            validator: async (_r, value: string | undefined) => {
              if (!value && resubmit) return;
              if (!value) throw new Error(t('password.hint'));
              const problems = passwordProblems(value, username());
              if (problems.length) throw new Error(problems.map((p) => t(p)).join(' · '));
            },
          },
        ]}
      >
        <PasswordInput />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        required={!resubmit}
        dependencies={['password']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_r, value: string | undefined) => {
              const password = getFieldValue('password') as string | undefined;
              if (!password && resubmit) return;
              if (!value) throw new Error(t('rule.required', { field: t('password.confirm') }));
              if (value !== password) throw new Error(t('rule.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
