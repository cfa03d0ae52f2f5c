import { Card, Tabs } from 'antd';
import { useI18n } from '../../app/i18n';
import { ReferenceAnalytes } from './ReferenceAnalytes';
import { ReferenceLimits } from './ReferenceLimits';

/**
 * 检测参照数据 (issue 21 §2): the residue limits and analytes labs judge against. The ministry's reference set is
 * shipped, read-only and versioned (each version's history and how many results were judged against it); a province
 * and a lab add their own, citing the standard.
 */
export default function ReferenceDataPage() {
  const { t } = useI18n();
  return (
    <Card title={t('ref.title')} data-testid="reference-data">
      <p className="tn-muted">{t('ref.desc')}</p>
      <Tabs
        items={[
          { key: 'limits', label: t('ref.limits'), children: <ReferenceLimits /> },
          { key: 'analytes', label: t('ref.analytes'), children: <ReferenceAnalytes /> },
        ]}
      />
    </Card>
  );
}
