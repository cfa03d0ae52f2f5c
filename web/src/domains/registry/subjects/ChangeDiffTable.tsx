import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import { CHANGEABLE_FIELDS } from './subject.types';
import { RegionName } from '../../../shared/RegionName';
import { label } from './subject-labels';
import './subject-extras.css';

/** The words for each field a change request may touch (the wizard's labels). */
const FIELD_LABEL: Record<string, MessageKey> = {
  category: 'profile.category',
  orgForm: 'profile.orgForm',
  name: 'profile.name',
  industries: 'profile.industries',
  scale: 'profile.scale',
  scaleUnit: 'reg.scaleUnit',
  annualOutput: 'profile.annualOutput',
  outputUnit: 'reg.outputUnit',
  legalRep: 'profile.legalRep',
  phone: 'profile.phone',
  photos: 'profile.photos',
  townshipCode: 'reg.region',
  address: 'profile.address',
  lat: 'profile.lat',
  lng: 'profile.lng',
};

type Row = { field: string; before: unknown; after: unknown };

/** A change request's before and after, one row per changed field, values in words. */
export function ChangeDiffTable({ before, after }: { before: Record<string, unknown>; after: Record<string, unknown> }) {
  const { t } = useI18n();
  const known: readonly string[] = CHANGEABLE_FIELDS;
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])].sort((a, b) => rank(known, a) - rank(known, b));
  const rows: Row[] = fields.map((field) => ({ field, before: before[field], after: after[field] }));

  const show = (field: string, value: unknown, other?: unknown): ReactNode => {
    if (value === null || value === undefined || value === '') return '—';
    switch (field) {
      case 'category':
      case 'orgForm':
        return label(t, field, value as number);
      case 'scaleUnit':
      case 'outputUnit':
        return label(t, 'unit', String(value));
      case 'industries':
        return Array.isArray(value) ? value.map((i) => label(t, 'industry', String(i))).join('、') : String(value);
      case 'townshipCode':
        return <RegionName code={String(value)} />;
      case 'photos': {
        if (!Array.isArray(value)) return String(value);
        // Photos that are not on the other side are the new ones.
        const others = new Set(Array.isArray(other) ? (other as { fileId?: string }[]).map((p) => p.fileId) : []);
        const kinds = (value as { kind?: string; fileId?: string }[]).map((p) => {
          const name = label(t, 'photo', p.kind ?? '');
          return other !== undefined && !others.has(p.fileId) ? t('change.photoNew', { kind: name }) : name;
        });
        return t('change.photoCount', { kinds: kinds.join('、'), n: kinds.length });
      }
      default:
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  };

  return (
    <Table<Row>
      className="tn-diff"
      rowKey="field"
      size="small"
      bordered
      pagination={false}
      tableLayout="fixed"
      dataSource={rows}
      data-testid="change-diff"
      columns={[
        { title: t('change.field'), dataIndex: 'field', width: '28%', render: (f: string) => (FIELD_LABEL[f] ? t(FIELD_LABEL[f]) : f) },
        { title: t('change.before'), dataIndex: 'before', render: (v: unknown, r) => <span className="tn-diff-before">{show(r.field, v)}</span> },
        { title: t('change.after'), dataIndex: 'after', render: (v: unknown, r) => <span className="tn-diff-after">{show(r.field, v, r.before)}</span> },
      ]}
    />
  );
}

function rank(order: readonly string[], field: string): number {
  const i = order.indexOf(field);
  return i < 0 ? order.length : i;
}
