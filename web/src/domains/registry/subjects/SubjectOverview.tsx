import { Card, Tag } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { SubjectDetail } from './subject.types';
import { BadRecordsList } from './BadRecordsList';
import { PhotoGallery } from './PhotoGallery';
import { ProfileDescriptions } from './ProfileDescriptions';
import { StatusHistory } from './StatusHistory';

// antd's Table (with its pagination, filters and selects) only where this read-only card shows, not on /my-subject, a
// producer's first page on a phone, which brings its own certificates card (issue 15 §9).
const CertificatesTable = lazy(() => import('./CertificatesTable').then((m) => ({ default: m.CertificatesTable })));

/**
 * The cards of one subject: registration data, certificates, bad conduct, status history. `certificates`
 * replaces the read-only certificates card (a page that manages or verifies them brings its own).
 */
export function SubjectOverview({
  subject,
  photoUrl,
  badRecordsExtra,
  certificates,
}: {
  subject: SubjectDetail;
  /** Where the viewer may load the subject's photos from (officials and the subject itself use different routes). */
  photoUrl: (fileId: string) => string;
  badRecordsExtra?: ReactNode;
  certificates?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <Card title={t('subjects.profile')} extra={subject.pendingChange && <Tag color="processing">{t('subjects.pendingChange')}</Tag>}>
        <ProfileDescriptions
          profile={subject.profile}
          testId="subject-profile"
          photos={<PhotoGallery photos={subject.profile.photos} urlOf={photoUrl} />}
        />
      </Card>
      {certificates ?? (
        <Card title={`${t('subjects.certificates')}${t('common.count', { n: subject.certificates.length })}`}>
          <Suspense fallback={null}>
            <CertificatesTable items={subject.certificates} />
          </Suspense>
        </Card>
      )}
      <Card title={`${t('subjects.badRecords')}${t('common.count', { n: subject.badRecords.length })}`} extra={badRecordsExtra}>
        <BadRecordsList items={subject.badRecords} />
      </Card>
      <Card title={t('subjects.statusHistory')}>
        <StatusHistory items={subject.statusHistory} />
      </Card>
    </>
  );
}
