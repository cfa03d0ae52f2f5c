import { Alert, App, Card, Result, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { Application } from './subject.types';
import { fromApplication, legalRepRequest, toProfileRequest } from './registration-form';
import { RegistrationWizard } from './RegistrationWizard';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';

/** /register/status/:code/edit: the wizard again, filled in from a returned application, to resubmit it. */
export default function ResubmitPage() {
  const { code = '' } = useParams();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, setState] = useState<{ app?: Application; error?: string } | null>(null);

  useEffect(() => {
    let live = true;
    subjectApi.track(code).then(
      (app) => live && setState({ app }),
      (err: unknown) => live && setState({ error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [code, errorText]);

  const app = state?.app;
  return (
    <Card className="tn-public-card">
      <Typography.Title level={3}>{t('reg.resubmitTitle')}</Typography.Title>
      {!state ? (
        <Skeleton active />
      ) : state.error || !app ? (
        <Result status="warning" subTitle={state.error} />
      ) : app.status !== 'returned' ? (
        <Result status="info" subTitle={t('reg.notReturned', { status: label(t, 'appStatus', app.status) })} />
      ) : (
        <RegistrationWizard
          resubmit
          initial={fromApplication(app)}
          photoUrl={(fileId) => subjectApi.trackPhotoUrl(code, fileId)}
          header={
            <>
              {app.opinion && <Alert type="warning" showIcon title={t('reg.opinionLabel')} description={app.opinion} style={{ marginBottom: 12 }} data-testid="resubmit-opinion" />}
              <Alert type="info" showIcon title={t('reg.reenterNotice')} style={{ marginBottom: 16 }} />
            </>
          }
          onSubmit={async (values) => {
            const uploadTicket = await subjectApi.ticketInUse();
            await subjectApi.resubmit(code, { ...toProfileRequest(values), ...legalRepRequest(values), ...(values.password ? { password: values.password } : {}), ...(uploadTicket ? { uploadTicket } : {}) });
            void message.success(t('reg.resubmitted'));
            navigate(`/register/status/${code}`);
          }}
        />
      )}
    </Card>
  );
}
