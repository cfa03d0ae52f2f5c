import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { ScannedIdentity } from './subject.types';
import { CertificatesTable } from './CertificatesTable';
import { ScanActions } from './ScanActions';
import { StatusTag } from './StatusTag';
import { label } from './subject-labels';
import { subjectApi } from './subject.api';

/** /identity/:token: what a signed-in inspector or trader sees on scanning a subject's electronic identity. */
export default function IdentityScanPage() {
  const { token = '' } = useParams();
  const { t, errorText } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<{ token: string; scan?: ScannedIdentity; error?: string } | null>(null);

  useEffect(() => {
    let live = true;
    subjectApi.scan(token).then(
      (scan) => live && setState({ token, scan }),
      (err: unknown) => live && setState({ token, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [token, errorText]);

  const scan = state?.token === token ? state.scan : undefined;
  if (state?.token === token && state.error) return <Result status="warning" title={t('scan.title')} subTitle={state.error} />;
  if (!scan) return <Card><Skeleton active /></Card>;
  const s = scan.subject;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('scan.title')} data-testid="scan-result">
        <div className="tn-page-title">
          <Typography.Title level={3}>{s.name}</Typography.Title>
          <StatusTag family="subjectStatus" status={s.status} />
        </div>
        {s.status === 'suspended' && <Alert type="error" showIcon title={t('scan.suspended')} style={{ marginBottom: 12 }} />}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'code', label: t('field.identityCode'), children: <span className="tn-secret">{s.identityCode}</span> },
            { key: 'form', label: t('profile.orgForm'), children: `${label(t, 'category', s.category)} · ${label(t, 'orgForm', s.orgForm)}` },
            { key: 'industries', label: t('profile.industries'), children: s.industries.map((i) => <Tag key={i}>{label(t, 'industry', i)}</Tag>) },
            { key: 'region', label: t('profile.region'), children: s.regionName ?? s.regionCode },
          ]}
        />
        {scan.canOpenDetail ? (
          <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => navigate(`/subjects/${s.id}`)}>
            {t('scan.openDetail')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('scan.notDetail')}</Typography.Text>
        )}
      </Card>
      <ScanActions token={token} subject={s} />
      <Card title={`${t('subjects.certificates')}${t('common.count', { n: scan.certificates.length })}`}>
        <CertificatesTable items={scan.certificates} />
      </Card>
    </Space>
  );
}
