import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { ApplicationCreated } from './subject.types';
import { RegisterDone } from './RegisterDone';
import { legalRepRequest, toProfileRequest } from './registration-form';
import { RegistrationWizard } from './RegistrationWizard';
import { PRIVACY_NOTICE_VERSION } from '../../../../../src/domains/registry/subjects/privacy-notice.shared';
import { subjectApi } from './subject.api';

/** /register: 生产经营主体在线注册, for anyone (no login). */
export default function RegisterPage() {
  const { t } = useI18n();
  const [created, setCreated] = useState<ApplicationCreated | null>(null);

  return (
    <Card className="tn-public-card">
      <Typography.Title level={3}>{t('reg.title')}</Typography.Title>
      {created ? (
        <RegisterDone created={created} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('reg.desc')}</Typography.Paragraph>
          <RegistrationWizard
            initial={{ category: 0, industries: ['planting'] }}
            onSubmit={async (values) => {
              const result = await subjectApi.apply({ ...toProfileRequest(values), ...legalRepRequest(values), username: values.username.trim(), password: values.password ?? '', uploadTicket: await subjectApi.uploadTicket(), privacyConsent: PRIVACY_NOTICE_VERSION });
              setCreated(result);
              window.scrollTo({ top: 0 });
            }}
          />
        </>
      )}
    </Card>
  );
}
