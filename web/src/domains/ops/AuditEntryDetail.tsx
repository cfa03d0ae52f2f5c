import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import type { AuditEntry } from '../../app/types';

const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value, null, 2));

/** The expanded row: what the entry changed, and where it sits in the hash chain. */
export function AuditEntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  return (
    <div>
      <div className="tn-audit-detail">
        <div>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre className="tn-json">{json(entry.before)}</pre>
        </div>
        <div>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre className="tn-json">{json(entry.after)}</pre>
        </div>
      </div>
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
