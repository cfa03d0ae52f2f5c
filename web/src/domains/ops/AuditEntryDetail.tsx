import { Descriptions, Table, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { MessageKey } from '../../app/messages.zh';
import type { AuditEntry } from './ops.types';

type Row = { field: string; before: unknown; after: unknown };

/** Each field the entry names, with its value before and after: a table a person reads, not JSON. */
function rowsOf(entry: AuditEntry): Row[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The expanded row: what the entry changed, and where it sits in the hash chain. */
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const text = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
    if (Array.isArray(value)) return value.map(text).join('、');
    if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => t('common.labelled', { label: fieldLabel(k), value: text(v) })).join('；');
    return String(value);
  };
  // A field this console has no words for yet is named as a field, never by its code (issue 15 §7).
  const fieldLabel = (field: string) => {
    const key = `auditField.${field}` as MessageKey;
    const label = t(key);
    return label === key ? t('audit.otherField') : label;
  };
  const rows = rowsOf(entry);
  return (
    <div data-testid="audit-detail">
      {rows.length ? (
        <Table<Row>
          size="small"
          rowKey="field"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('audit.field'), dataIndex: 'field', width: 180, render: (f: string) => fieldLabel(f) },
            { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => text(v) },
            { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => text(v) },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChange')}</Typography.Text>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'target', label: t('audit.target'), children: <Typography.Text copyable>{entry.targetId}</Typography.Text> },
          { key: 'req', label: t('audit.requestId'), children: entry.requestId ?? '—' },
          { key: 'hash', label: t('audit.hash'), children: <Typography.Text code>{entry.hash.slice(0, 16)}…</Typography.Text> },
        ]}
      />
    </div>
  );
}
