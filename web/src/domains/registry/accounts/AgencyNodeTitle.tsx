import { Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { KIND_COLOR, kindLabel, levelLabel } from '../../../app/labels';
import type { Agency } from '../registry.types';

export function AgencyNodeTitle({ agency }: { agency: Agency }) {
  const { t } = useI18n();
  return (
    <span className="tn-tree-node" data-agency-id={agency.id}>
      <span className="tn-tree-name">{agency.name}</span>
      <Tag color={KIND_COLOR[agency.kind]}>
        {kindLabel(t, agency.kind)}
      </Tag>
      {/* 部门 (issue 21 §3): a department's agency says which beside its region's general one. */}
      {agency.department !== 'agriculture' && <Tag color="cyan" data-testid="agency-department">{t(`department.${agency.department}`)}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {levelLabel(t, agency.level)} · {agency.regionName ?? (agency.regionCode || t('common.nationwide'))}
      </Typography.Text>
      {agency.status !== 'active' && <Tag color="default">{t('status.disabled')}</Tag>}
    </span>
  );
}
