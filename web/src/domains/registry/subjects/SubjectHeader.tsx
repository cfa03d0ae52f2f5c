import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import type { SubjectDetail } from './subject.types';
import { StatusTag } from './StatusTag';
import { label } from './subject-labels';

/** Name, status and identity code of a subject, with the actions the viewer may take. */
export function SubjectHeader({ subject: s, actions }: { subject: SubjectDetail; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card>
      <div className="tn-page-title">
        <Typography.Title level={3} data-testid="subject-name">
          {s.name}
        </Typography.Title>
        <StatusTag family="subjectStatus" status={s.status} />
        {s.priorityFlags.map((f) => (
          <Tag key={f} color="gold" data-testid="priority-tag">
            {t(`priority.${f}` as MessageKey)}
          </Tag>
        ))}
        {actions && <Space wrap className="tn-title-actions">{actions}</Space>}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'code', label: t('field.identityCode'), children: <Typography.Text copyable className="tn-secret" data-testid="identity-code">{s.identityCode || '—'}</Typography.Text> },
          { key: 'form', label: t('profile.orgForm'), children: `${label(t, 'category', s.category)} · ${label(t, 'orgForm', s.orgForm)}` },
          { key: 'region', label: t('profile.region'), children: s.regionName ?? s.regionCode },
          { key: 'registered', label: t('subjects.registeredAt'), children: formatDate(s.registeredAt) },
          { key: 'accounts', label: t('subjects.accounts'), children: s.accountCount },
          ...(s.tempCode ? [{ key: 'temp', label: t('subjectStatus.temporary'), children: <span className="tn-secret">{s.tempCode}</span> }] : []),
        ]}
      />
    </Card>
  );
}
