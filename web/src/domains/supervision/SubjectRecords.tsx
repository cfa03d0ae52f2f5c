import { Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import type { SubjectDetail } from '../registry/subjects/subject.types';
import { subjectApi } from '../registry/subjects/subject.api';

type Records = {
  products: { id: string; name: string; spec: string }[];
  recentBatches: { id: string; code: string; productName: string; quantity: number; unit: string; harvestDate: string | null; selfCheck: string; status: string }[];
};

/** The subject as registered, with its certificates, products and latest batches: what the inspector checks against. */
export function SubjectRecords({ subjectId }: { subjectId: string }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<SubjectDetail | null>(null);
  const [records, setRecords] = useState<Records | null>(null);
  // What the inspector checks against must not silently vanish: a failed load is said, with 重试.
  const [error, setError] = useState<unknown>(null);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let live = true;
    const failed = (err: unknown) => live && setError(err);
    Promise.all([
      subjectApi.subject(subjectId).then((d) => live && setDetail(d)),
      api.get<Records>(`/trace/subjects/${encodeURIComponent(subjectId)}/records`).then((r) => live && setRecords(r)),
    ]).then(() => live && setError(null), failed);
    return () => {
      live = false;
    };
  }, [subjectId, attempt]);
  if (error && !(detail && records)) return <LoadError error={error} onRetry={retry} />;
  if (!detail && !records) return null;
  return (
    <Card size="small" title={t('inspect.subjectRecords')} data-testid="subject-records">
      {detail && (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{[detail.regionName, detail.profile.address].filter(Boolean).join(' · ')}</Typography.Text>
          <Space wrap size={4}>
            {detail.certificates.map((c) => (
              <Tag key={c.id} color={c.valid ? 'green' : 'default'}>{`${c.number} · ${formatDate(c.validTo)}`}</Tag>
            ))}
            {detail.badRecords.length > 0 && <Tag color="red">{t('inspect.badRecords', { n: detail.badRecords.length })}</Tag>}
          </Space>
        </Space>
      )}
      {records && (
        <>
          <Typography.Paragraph style={{ margin: '8px 0 0' }}>{`${t('inspect.products')}${t('common.colon')}${records.products.map((p) => `${p.name}（${p.spec}）`).join('、') || '—'}`}</Typography.Paragraph>
          {records.recentBatches.length > 0 && (
            <List
              size="small"
              dataSource={records.recentBatches}
              renderItem={(b) => (
                <List.Item key={b.id}>
                  <Typography.Text>{`${b.productName} ${b.quantity} ${b.unit} · ${b.harvestDate ?? ''}`}</Typography.Text>
                  <Tag color={b.selfCheck === 'fail' ? 'red' : undefined}>{b.code}</Tag>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
