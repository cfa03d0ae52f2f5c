import { useMe } from '../../../app/auth';
import type { SubjectDetail } from './subject.types';
import { CertificatesCard } from './CertificatesCard';
import { ChangeRequestCard } from './ChangeRequestCard';
import { StaffCard } from '../accounts/StaffCard';
import { SubjectOverview } from './SubjectOverview';
import { subjectApi } from './subject.api';

/** /my-subject below its first screen: registration data, certificates, bad conduct, history, changes and staff. */
export default function MySubjectSections({ subject }: { subject: SubjectDetail }) {
  const me = useMe();
  return (
    <>
      <SubjectOverview subject={subject} photoUrl={subjectApi.myPhotoUrl} certificates={<CertificatesCard certificates={subject.certificates} />} />
      <ChangeRequestCard subject={subject} />
      {me.can('subject.manage') && <StaffCard />}
    </>
  );
}
