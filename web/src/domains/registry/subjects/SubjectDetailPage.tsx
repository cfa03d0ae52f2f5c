import { ArrowLeftOutlined, PauseCircleOutlined, PlayCircleOutlined, StarOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Skeleton, Space } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useAgencyMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { LoadError } from '../../../app/LoadError';
import { settablePriorityFlags, type SubjectDetail } from './subject.types';
import { PriorityFlagModal } from './PriorityFlagModal';
import { BadRecordModal } from './BadRecordModal';
import { CertificatesCard } from './CertificatesCard';
import { CertificateVerifyActions } from './CertificateVerifyActions';
import { DecisionModal } from './DecisionModal';
import { SubjectFile } from './SubjectFile';
import { SubjectHeader } from './SubjectHeader';
import { SubjectOverview } from './SubjectOverview';
import { subjectApi } from './subject.api';

/** /subjects/:id: one subject of my jurisdiction; supervisors suspend, restore and record bad conduct. */
export default function SubjectDetailPage() {
  const { id = '' } = useParams();
  const me = useAgencyMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [state, setState] = useState<{ id: string; subject?: SubjectDetail; error?: string } | null>(null);
  // 重试 after a failed load reads again (the effect below depends on it).
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const [changing, setChanging] = useState(false);
  const [recording, setRecording] = useState(false);
  const [flagging, setFlagging] = useState(false);

  useEffect(() => {
    let live = true;
    subjectApi.subject(id).then(
      (subject) => live && setState({ id, subject }),
      (err: unknown) => live && setState({ id, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id, errorText, attempt]);

  const subject = state?.id === id ? state.subject : undefined;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/subjects')}>
      {t('subjects.title')}
    </Button>
  );
  if (state?.id === id && state.error) return <LoadError error={state.error} onRetry={retry} />;
  if (!subject) return <Card><Skeleton active /></Card>;

  const supervise = me.can('subject.supervise');
  // Suspension is for supervision agencies from the county up (the server's canSuspendSubjects).
  const canSuspend = supervise && me.agency.kind === 'supervision' && me.agency.level !== 'township';
  const suspended = subject.status === 'suspended';
  // 重点主体 flags this level recognises (priority-flags.shared.ts); a temporary subject is not registered yet.
  const flags = supervise ? settablePriorityFlags(me.agency) : [];
  const actions = (
    <>
      {back}
      {canSuspend && (subject.status === 'active' || suspended) && (
        <Button danger={!suspended} icon={suspended ? <PlayCircleOutlined /> : <PauseCircleOutlined />} onClick={() => setChanging(true)}>
          {suspended ? t('subjects.restore') : t('subjects.suspend')}
        </Button>
      )}
      {flags.length > 0 && subject.status !== 'temporary' && (
        <Button icon={<StarOutlined />} onClick={() => setFlagging(true)} data-testid="priority-open">
          {t('priority.title')}
        </Button>
      )}
    </>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SubjectHeader subject={subject} actions={actions} />
      <SubjectOverview
        certificates={<CertificatesCard certificates={subject.certificates} actions={(c, replace) => <CertificateVerifyActions certificate={c} onVerified={replace} />} />}
        subject={subject}
        photoUrl={(fileId) => subjectApi.subjectPhotoUrl(subject.id, fileId)}
        badRecordsExtra={
          supervise && (
            <Button size="small" icon={<WarningOutlined />} onClick={() => setRecording(true)}>
              {t('subjects.addBadRecord')}
            </Button>
          )
        }
      />
      <SubjectFile subjectId={subject.id} />
      <DecisionModal
        open={changing}
        title={t(suspended ? 'subjects.restoreTitle' : 'subjects.suspendTitle', { name: subject.name })}
        label={t('subjects.reason')}
        extra={suspended ? undefined : t('subjects.suspendDesc')}
        okText={suspended ? t('subjects.restore') : t('subjects.suspend')}
        danger={!suspended}
        onClose={() => setChanging(false)}
        onSubmit={async (reason) => {
          try {
            const next = suspended ? await subjectApi.restore(subject.id, reason) : await subjectApi.suspend(subject.id, reason);
            setState({ id, subject: next });
            setChanging(false);
            void message.success(t(suspended ? 'subjects.restored' : 'subjects.suspended', { name: subject.name }));
          } catch (err) {
            void message.error(errorText(err));
          }
        }}
      />
      <PriorityFlagModal
        subject={subject}
        flags={flags}
        open={flagging}
        onClose={() => setFlagging(false)}
        onSaved={(next) => {
          setState({ id, subject: next });
          setFlagging(false);
        }}
      />
      <BadRecordModal
        subject={subject}
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={(next) => {
          setState({ id, subject: next });
          setRecording(false);
        }}
      />
    </Space>
  );
}
