import { App, Card, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { SubjectDetail } from './subject.types';
import { useMe } from '../../app/auth';
import { CertificatesCard } from './CertificatesCard';
import { ChangeRequestCard } from './ChangeRequestCard';
import { IdentityCard } from './IdentityCard';
import { StaffCard } from './StaffCard';
import { SubjectHeader } from './SubjectHeader';
import { SubjectOverview } from './SubjectOverview';
import { subjectApi } from './subject.api';

/** /my-subject: a producer's own subject: identity code, status, electronic identity, registration data. */
export default function MySubjectPage() {
  const me = useMe();
  const { errorText } = useI18n();
  const { message } = App.useApp();
  const [subject, setSubject] = useState<SubjectDetail | null>(null);

  useEffect(() => {
    subjectApi.mySubject().then(setSubject, (err: unknown) => void message.error(errorText(err)));
  }, [message, errorText]);

  if (!subject) return <Card><Skeleton active /></Card>;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SubjectHeader subject={subject} />
      <IdentityCard />
      <SubjectOverview subject={subject} photoUrl={subjectApi.myPhotoUrl} certificates={<CertificatesCard certificates={subject.certificates} />} />
      <ChangeRequestCard subject={subject} />
      {me.can('subject.manage') && <StaffCard />}
    </Space>
  );
}
