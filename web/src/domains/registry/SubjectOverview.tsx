import { Card, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { SubjectDetail } from '../../app/types';
import { BadRecordsList } from './BadRecordsList';
import { CertificatesTable } from './CertificatesTable';
import { ProfileDescriptions } from './ProfileDescriptions';
import { StatusHistory } from './StatusHistory';
import { label } from './subject-labels';

/**
 * The cards of one subject: registration data, certificates, bad conduct, status history. `certificates`
 * replaces the read-only certificates card (a page that manages or verifies them brings its own).
 */
export function SubjectOverview({ subject, badRecordsExtra, certificates }: { subject: SubjectDetail; badRecordsExtra?: ReactNode; certificates?: ReactNode }) {
  const { t } = useI18n();
  const kinds = subject.profile.photos.map((p) => label(t, 'photo', p.kind));
  return (
    <>
      <Card title={t('subjects.profile')} extra={subject.pendingChange && <Tag color="processing">{t('subjects.pendingChange')}</Tag>}>
        <ProfileDescriptions
          profile={subject.profile}
          testId="subject-profile"
          photos={
            kinds.length ? (
              <Space size={4} wrap>
                {kinds.map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
              </Space>
            ) : (
              t('profile.noPhotos')
            )
          }
        />
      </Card>
      {certificates ?? (
        <Card title={`${t('subjects.certificates')} (${subject.certificates.length})`}>
          <CertificatesTable items={subject.certificates} />
        </Card>
      )}
      <Card title={`${t('subjects.badRecords')} (${subject.badRecords.length})`} extra={badRecordsExtra}>
        <BadRecordsList items={subject.badRecords} />
      </Card>
      <Card title={t('subjects.statusHistory')}>
        <StatusHistory items={subject.statusHistory} />
      </Card>
    </>
  );
}
