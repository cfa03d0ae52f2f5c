import { App, Card, Skeleton, Space } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { SubjectDetail } from './subject.types';
import { IdentityCard } from './IdentityCard';
import { SubjectHeader } from './SubjectHeader';
import { subjectApi } from './subject.api';

// The cards below the first screen come apart from it: a producer lands here on a phone, where this page's widgets
// in one go were some thirty files, six at a time over the network, before its name and code could show (issue 15
// §9). Asked for as soon as this page's code runs, beside the page's read, not once the read has answered.
const sections = import('./MySubjectSections');
const MySubjectSections = lazy(() => sections);

/** /my-subject: a producer's own subject: identity code, status, electronic identity, registration data. */
export default function MySubjectPage() {
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
      <Suspense fallback={<Card><Skeleton active /></Card>}>
        <MySubjectSections subject={subject} />
      </Suspense>
    </Space>
  );
}
