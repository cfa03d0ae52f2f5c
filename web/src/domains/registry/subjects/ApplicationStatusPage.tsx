import { EditOutlined, LoginOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { Application } from './subject.types';
import { ApplicationTimeline } from './ApplicationTimeline';
import { PhotoGallery } from './PhotoGallery';
import { ProfileDescriptions } from './ProfileDescriptions';
import { StatusTag } from './StatusTag';
import { subjectApi } from './subject.api';

/** /register/status/:code: where an application stands, the county's opinion, history, the data sent. */
export default function ApplicationStatusPage() {
  const { code = '' } = useParams();
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ app?: Application; error?: string } | null>(null);

  const load = useCallback(() => {
    setState(null);
    subjectApi.track(code).then(
      (app) => setState({ app }),
      (err: unknown) => setState({ error: errorText(err) }),
    );
  }, [code, errorText]);
  useEffect(load, [load]);

  const app = state?.app;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card className="tn-public-card">
        <div className="tn-page-title">
          <Typography.Title level={3}>{t('track.title')}</Typography.Title>
          <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('common.refresh')} />
        </div>
        {!state ? (
          <Skeleton active />
        ) : state.error || !app ? (
          <Result status="warning" subTitle={state.error} extra={<Button onClick={() => navigate('/register/status')}>{t('track.lookupTitle')}</Button>} />
        ) : (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              data-testid="application-status"
              items={[
                { key: 'status', label: t('field.status'), children: <StatusTag family="appStatus" status={app.status} /> },
                { key: 'code', label: t('track.code'), children: <Typography.Text copyable className="tn-secret">{app.trackingCode}</Typography.Text> },
                { key: 'name', label: t('profile.name'), children: app.profile.name },
                { key: 'username', label: t('track.username'), children: app.username },
                { key: 'submitted', label: t('track.submittedAt'), children: formatTime(app.submittedAt) },
                { key: 'revision', label: t('track.revision'), children: app.revision },
                // A resubmitted application keeps the time of the return it answered; it is not decided yet.
                ...(app.decidedAt && app.status !== 'pending' ? [{ key: 'decided', label: t('track.decidedAt'), children: formatTime(app.decidedAt) }] : []),
              ]}
            />
            {app.status === 'pending' && <Alert type="info" showIcon title={t('track.pendingDesc')} style={{ marginTop: 8 }} />}
            {app.clash && (app.status === 'pending' || app.status === 'returned') && (
              <Alert type="warning" showIcon title={t(`track.clash.${app.clash}`)} style={{ marginTop: 8 }} data-testid="application-clash" />
            )}
            {app.status === 'returned' && (
              <>
                <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('track.opinionReturned')} description={<div className="tn-opinion" data-testid="application-opinion">{app.opinion}</div>} />
                <Button type="primary" size="large" block icon={<EditOutlined />} className="tn-status-action" onClick={() => navigate(`/register/status/${app.trackingCode}/edit`)}>
                  {t('track.edit')}
                </Button>
              </>
            )}
            {app.status === 'rejected' && (
              <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('track.opinionRejected')} description={<div className="tn-opinion" data-testid="application-opinion">{app.opinion}</div>} />
            )}
            {app.status === 'approved' && (
              <>
                <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('track.approvedDesc', { code: app.identityCode ?? '' })} />
                <Button type="primary" size="large" block icon={<LoginOutlined />} className="tn-status-action" onClick={() => navigate('/')}>
                  {t('track.login')}
                </Button>
              </>
            )}
          </>
        )}
      </Card>
      {app && (
        <Card title={t('track.history')} className="tn-public-card">
          <ApplicationTimeline history={app.history} />
        </Card>
      )}
      {app && (
        <Card title={t('track.data')} extra={<Typography.Text type="secondary">{t('track.maskedNote')}</Typography.Text>} className="tn-public-card">
          <ProfileDescriptions profile={app.profile} photos={<PhotoGallery photos={app.profile.photos} urlOf={(fileId) => subjectApi.trackPhotoUrl(app.trackingCode, fileId)} />} />
        </Card>
      )}
    </Space>
  );
}
