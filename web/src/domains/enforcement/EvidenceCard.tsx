import { Card, Descriptions, Image, Space, Tag } from 'antd';
import { useEffect, useReducer, useState } from 'react';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../../app/LoadError';
import { supervisionApi } from '../supervision/supervision.api';
import type { Inspection } from '../supervision/supervision.types';
import type { Case } from './enforcement.types';

/** 移交证据: the inspection a transferred case came from — failed checklist items, findings, photos. */
export function EvidenceCard({ transfer }: { transfer: NonNullable<Case['transfer']> }) {
  const { t, lang } = useI18n();
  const [inspection, setInspection] = useState<Inspection | null>(null);
  // Evidence that failed to load is said as such (with 重试), never shown as an inspection without failed items.
  const [error, setError] = useState<unknown>(null);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let live = true;
    supervisionApi.inspection(transfer.inspectionId).then(
      (i) => {
        if (!live) return;
        setError(null);
        setInspection(i);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [transfer.inspectionId, attempt]);
  const failed = inspection?.checklist?.filter((c) => c.result === 'fail') ?? [];
  return (
    <Card title={t('cases.evidence')} data-testid="case-evidence">
      {error !== null && !inspection && <LoadError error={error} onRetry={retry} />}
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'from', label: t('cases.transferFrom'), children: `${transfer.fromAgencyName} · ${formatTime(transfer.createdAt)}` },
          { key: 'reason', label: t('inspect.transferReason'), children: transfer.reason },
          { key: 'findings', label: t('inspect.findings'), children: transfer.findings ?? '—' },
          // The item is what was checked ("未发现禁用、停用投入品"); its result is said once, in the label, so the
          // evidence never reads as a double negative ("不符合: 未发现…").
          {
            key: 'failed',
            label: t('cases.failedItems'),
            children: !inspection
              ? t('app.loading')
              : failed.length
              ? failed.map((c) => (
                  <Tag key={c.key} color="red">
                    「{lang === 'zh' ? c.zh : c.en}」{c.note ? `（${c.note}）` : ''}
                  </Tag>
                ))
              : '—',
          },
        ]}
      />
      {inspection && inspection.photos.length > 0 && (
        <Space wrap>
          {inspection.photos.map((id) => (
            <Image key={id} width={120} src={supervisionApi.photoUrl(id)} alt={t('inspect.photo')} />
          ))}
        </Space>
      )}
    </Card>
  );
}
