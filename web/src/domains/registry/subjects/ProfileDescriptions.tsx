import { Descriptions, Grid, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { SubjectProfile } from './subject.types';
import { label, quantity } from './subject-labels';

type Props = {
  profile: SubjectProfile;
  /** What to show for the photos (a gallery where the viewer may see them). */
  photos?: ReactNode;
  testId?: string;
};

/** Registration data as the server sends it (identity number and phone masked unless revealed). */
export function ProfileDescriptions({ profile: p, photos, testId }: Props) {
  const { t } = useI18n();
  // Labels on one line where there is room; on a phone the number gets the width instead.
  const wide = Grid.useBreakpoint().md;
  const items = [
    { key: 'name', label: t('profile.name'), children: p.name },
    { key: 'category', label: t('profile.category'), children: label(t, 'category', p.category) },
    { key: 'orgForm', label: t('profile.orgForm'), children: label(t, 'orgForm', p.orgForm) },
    {
      key: 'industries',
      label: t('profile.industries'),
      children: (
        <Space size={4} wrap>
          {p.industries.map((i) => (
            <Tag key={i}>{label(t, 'industry', i)}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'scale', label: t('profile.scale'), children: quantity(t, p.scale, p.scaleUnit) },
    { key: 'output', label: t('profile.annualOutput'), children: quantity(t, p.annualOutput, p.outputUnit) },
    { key: 'idKind', label: t('profile.idKind'), children: label(t, 'idKind', p.idKind) },
    { key: 'idNumber', label: t('profile.idNumber'), children: <span className="tn-secret">{p.idNumber ?? '—'}</span> },
    { key: 'legalRep', label: t('profile.legalRep'), children: p.legalRep ?? '—' },
    ...(p.legalRepIdNumber ? [{ key: 'legalRepId', label: t('reg.legalRepIdNumber'), children: <span className="tn-secret" data-testid="legal-rep-id-shown">{p.legalRepIdNumber}</span> }] : []),
    { key: 'phone', label: t('profile.phone'), children: p.phone ?? '—' },
    { key: 'region', label: t('profile.region'), children: p.regionPath.length ? p.regionPath.map((r) => r.name).join(' / ') : p.regionCode },
    { key: 'address', label: t('profile.address'), children: p.address ?? '—' },
    {
      key: 'point',
      label: t('profile.point'),
      children: p.lat === null || p.lng === null ? '—' : t('profile.pointText', { lat: p.lat, lng: p.lng }),
    },
  ];
  return (
    <div data-testid={testId}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} styles={wide ? { label: { whiteSpace: 'nowrap' } } : undefined} />
      {photos && (
        <div className="tn-profile-photos">
          <Typography.Title level={5}>{t('profile.photos')}</Typography.Title>
          {photos}
        </div>
      )}
    </div>
  );
}
