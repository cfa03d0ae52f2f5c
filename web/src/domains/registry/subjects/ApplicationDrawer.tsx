import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Divider, Drawer, Grid, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { Application } from './subject.types';
import { ApplicationTimeline } from './ApplicationTimeline';
import { ClaimCandidates } from './ClaimCandidates';
import { DecisionModal } from './DecisionModal';
import { PhotoGallery } from './PhotoGallery';
import { ProfileDescriptions } from './ProfileDescriptions';
import { StatusTag } from './StatusTag';
import { subjectApi } from './subject.api';
import { useAction } from '../../../shared/use-action';

type Props = { id: string | null; onClose: () => void; onDecided: (app: Application) => void };

/** One application as the county reviews it: everything sent, the photos, history; approve, return or reject. */
export function ApplicationDrawer({ id, onClose, onDecided }: Props) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [state, setState] = useState<{ id: string; app?: Application; error?: string } | null>(null);
  const [asking, setAsking] = useState<'return' | 'reject' | null>(null);
  const [claim, setClaim] = useState('');
  const { busy, run } = useAction();

  useEffect(() => {
    if (!id) return;
    let live = true;
    setClaim('');
    subjectApi.application(id).then(
      (app) => live && setState({ id, app }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText]);

  const app = state?.id === id ? state.app : undefined;

  const decided = (next: Application, key: 'inbox.approved' | 'inbox.returned' | 'inbox.rejected') => {
    setState({ id: next.id, app: next });
    void message.success(t(key, { name: next.profile.name }));
    onDecided(next);
  };

  const approve = async () => {
    if (!app) return;
    await run(async () => {
      decided(await subjectApi.approve(app.id, claim || undefined), 'inbox.approved');
    });
  };

  const decide = async (text: string) => {
    if (!app || !asking) return;
    try {
      const next = asking === 'return' ? await subjectApi.returnForCorrection(app.id, text) : await subjectApi.reject(app.id, text);
      setAsking(null);
      decided(next, asking === 'return' ? 'inbox.returned' : 'inbox.rejected');
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const actions = app?.status === 'pending' && app.revealed && (
    <Space wrap data-testid="decision-buttons">
      <Popconfirm title={t('inbox.approveConfirm')} onConfirm={() => approve()} okText={t('inbox.approve')}>
        <Button type="primary" icon={<CheckOutlined />} loading={busy}>
          {t('inbox.approve')}
        </Button>
      </Popconfirm>
      <Button icon={<RollbackOutlined />} onClick={() => setAsking('return')}>
        {t('inbox.return')}
      </Button>
      <Button danger icon={<CloseOutlined />} onClick={() => setAsking('reject')}>
        {t('inbox.reject')}
      </Button>
    </Space>
  );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('inbox.detail')}
      size={screens.md ? 760 : '100%'}
      extra={app && <StatusTag family="appStatus" status={app.status} />}
      footer={actions || undefined}
      data-testid="application-drawer"
    >
      {state?.id === id && state.error ? (
        <Result status="warning" subTitle={state.error} />
      ) : !app ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {app.revealed && <Alert type="info" showIcon title={t('inbox.revealed')} />}
          {app.clash && (app.status === 'pending' || app.status === 'returned') && <Alert type="warning" showIcon title={t(`inbox.clash.${app.clash}`)} data-testid="application-clash" />}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'code', label: t('track.code'), children: <span className="tn-secret">{app.trackingCode}</span> },
              { key: 'username', label: t('track.username'), children: app.username },
              { key: 'submitted', label: t('track.submittedAt'), children: formatTime(app.submittedAt) },
              { key: 'revision', label: t('track.revision'), children: app.revision },
              ...(app.identityCode ? [{ key: 'identity', label: t('field.identityCode'), children: <span className="tn-secret">{app.identityCode}</span> }] : []),
            ]}
          />
          {app.opinion && <Alert type={app.status === 'rejected' ? 'error' : 'warning'} title={t('inbox.opinion')} description={<div className="tn-opinion">{app.opinion}</div>} />}
          <ProfileDescriptions
            profile={app.profile}
            testId="application-profile"
            photos={<PhotoGallery photos={app.profile.photos} urlOf={(fileId) => subjectApi.applicationPhotoUrl(app.id, fileId)} />}
          />
          {app.status === 'pending' && app.claimCandidates.length > 0 && <ClaimCandidates items={app.claimCandidates} value={claim} onChange={setClaim} />}
          <Divider titlePlacement="start" plain>
            {t('track.history')}
          </Divider>
          <ApplicationTimeline history={app.history} />
          {app.status === 'pending' && !app.revealed && <Typography.Text type="secondary">{t('inbox.notResponsible')}</Typography.Text>}
        </Space>
      )}
      <DecisionModal
        open={asking !== null}
        title={t(asking === 'reject' ? 'inbox.rejectTitle' : 'inbox.returnTitle', { name: app?.profile.name ?? '' })}
        label={t(asking === 'reject' ? 'inbox.reason' : 'inbox.opinion')}
        placeholder={t(asking === 'reject' ? 'inbox.reasonPlaceholder' : 'inbox.opinionPlaceholder')}
        okText={t(asking === 'reject' ? 'inbox.reject' : 'inbox.return')}
        danger={asking === 'reject'}
        onSubmit={decide}
        onClose={() => setAsking(null)}
      />
    </Drawer>
  );
}
