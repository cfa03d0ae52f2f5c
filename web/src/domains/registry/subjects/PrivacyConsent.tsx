import { Alert, Checkbox, Form, Typography } from 'antd';
import { PRIVACY_NOTICE_VERSION } from '../../../../../src/domains/registry/subjects/privacy-notice.shared';
import { useI18n } from '../../../app/i18n';

/**
 * The privacy notice of registration and the applicant's separate consent to it: identity numbers and ID photos are
 * sensitive personal information (个人信息保护法 第二十八条、第二十九条). Nothing is ticked for the applicant; the
 * application carries the notice's version, and the server records it with the time.
 */
export function PrivacyConsent() {
  const { t } = useI18n();
  return (
    <div className="tn-privacy" data-testid="privacy-notice">
      <Alert
        type="info"
        title={t('privacy.title')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{t('privacy.body')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
              {t('privacy.basis')} {t('privacy.version', { version: PRIVACY_NOTICE_VERSION })}
            </Typography.Paragraph>
          </>
        }
        style={{ marginBottom: 12 }}
      />
      <Form.Item
        name="privacyConsent"
        valuePropName="checked"
        rules={[{ validator: async (_r, checked?: boolean) => {
          if (!checked) throw new Error(t('privacy.required'));
        } }]}
      >
        <Checkbox data-testid="privacy-consent">{t('privacy.consent')}</Checkbox>
      </Form.Item>
    </div>
  );
}
