import { Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Certificate } from './subject.types';
import { label } from './subject-labels';

const STATUS_COLOR: Record<string, string> = { unverified: 'default', verified: 'success', rejected: 'error', withdrawn: 'default' };

/** A subject's certificates (三品一标, 合格证) with their verification and validity. */
export function CertificatesTable({ items }: { items: Certificate[] }) {
  const { t } = useI18n();
  return (
    <Table<Certificate>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 640 }}
      columns={[
        { title: t('subjects.cert.kind'), dataIndex: 'kind', render: (k: string) => label(t, 'certKind', k) },
        { title: t('subjects.cert.number'), dataIndex: 'number', render: (v: string) => <span className="tn-secret">{v}</span> },
        { title: t('subjects.cert.products'), dataIndex: 'products' },
        {
          title: t('subjects.cert.validity'),
          key: 'validity',
          className: 'tn-nowrap',
          render: (_v, c) => (
            <>
              {c.validFrom} ~ {c.validTo} {!c.valid && <Tag color="error">{t('subjects.cert.expired')}</Tag>}
            </>
          ),
        },
        { title: t('field.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{label(t, 'certStatus', s)}</Tag> },
      ]}
    />
  );
}
