import { Card, Descriptions, Tag, Typography } from 'antd';
import { formatDate, formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { BatchLookup } from '../trace.types';
import { label, qty, SOURCE_COLOR } from '../trace-labels';

/** The batch behind a looked-up code: product, code, holder, county, quantities and dates. */
export function LookedUpBatch({ batch: b }: { batch: BatchLookup }) {
  const { t } = useI18n();
  return (
    <Card
      data-testid="lookup-batch"
      title={
        <span className="tn-t-head">
          <span data-testid="lookup-product">{b.productName}</span>
          <Tag color={SOURCE_COLOR[b.source]}>{label(t, 'source', b.source)}</Tag>
        </span>
      }
    >
      <Typography.Paragraph>
        {t('batch.code')}{t('common.colon')}
        <Typography.Text className="tn-t-code" strong copyable data-testid="lookup-batch-code">
          {b.code}
        </Typography.Text>
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'holder', label: t('lookup.holder'), children: <span data-testid="lookup-holder">{b.holderName}</span> },
          { key: 'county', label: t('lookup.county'), children: b.countyName ?? b.county },
          { key: 'quantity', label: t('batch.quantity'), children: qty(t, b.quantity, b.unit) },
          { key: 'stock', label: t('batch.stock'), children: qty(t, b.stock, b.unit) },
          { key: 'harvest', label: b.source === 'own' ? t('batch.harvestDate') : t('batch.productionDate'), children: formatDate(b.harvestDate) },
          { key: 'created', label: t('trace.recordedAt'), children: formatTime(b.createdAt) },
        ]}
      />
    </Card>
  );
}
