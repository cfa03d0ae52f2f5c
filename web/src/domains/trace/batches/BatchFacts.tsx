import { Descriptions, Tag } from 'antd';
import { formatDate, formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/LoadError';
import type { Base, Batch } from '../trace.types';
import { label, qty, SELF_CHECK_COLOR } from '../trace-labels';

/** A batch's facts: quantity, stock, frozen, dates, livestock details, base, self-check; and its input records. */
export function BatchFacts({ batch: b, base }: { batch: Batch; base: Base | null }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="batch-facts"
        items={[
          { key: 'quantity', label: t('batch.quantity'), children: qty(t, b.quantity, b.unit) },
          { key: 'stock', label: t('batch.stock'), children: qty(t, b.stock, b.unit) },
          { key: 'available', label: t('batch.available'), children: <span data-testid="batch-available">{qty(t, b.stock - b.frozen, b.unit)}</span> },
          ...(b.frozen > 0 ? [{ key: 'frozen', label: t('batch.frozen'), children: qty(t, b.frozen, b.unit) }] : []),
          { key: 'harvest', label: b.source === 'own' ? t('batch.harvestDate') : t('batch.productionDate'), children: formatDate(b.harvestDate) },
          ...(b.animal
            ? [
                { key: 'species', label: t('animal.species'), children: <span data-testid="batch-species">{label(t, 'species', b.animal.species)}</span> },
                ...(b.animal.tissue ? [{ key: 'tissue', label: t('animal.tissue'), children: label(t, 'tissue', b.animal.tissue) }] : []),
                ...(b.animal.slaughterhouse ? [{ key: 'slaughterhouse', label: t('animal.slaughterhouse'), children: b.animal.slaughterhouse }] : []),
                ...(b.animal.slaughterDate ? [{ key: 'slaughterDate', label: t('animal.slaughterDate'), children: formatDate(b.animal.slaughterDate) }] : []),
                ...(b.animal.quarantineCert ? [{ key: 'quarantineCert', label: t('animal.quarantineCert'), children: <span data-testid="batch-quarantine-cert">{b.animal.quarantineCert}</span> }] : []),
              ]
            : []),
          ...(b.variety ? [{ key: 'variety', label: t('batch.variety'), children: <span data-testid="batch-variety-shown">{b.variety}</span> }] : []),
          ...(b.soilNote ? [{ key: 'soil', label: t('batch.soilNote'), children: b.soilNote }] : []),
          ...(b.waterNote ? [{ key: 'water', label: t('batch.waterNote'), children: b.waterNote }] : []),
          ...(b.baseId ? [{ key: 'base', label: t('batch.base'), children: base?.name ?? '…' }] : []),
          { key: 'selfCheck', label: t('batch.selfCheck'), children: <Tag color={SELF_CHECK_COLOR[b.selfCheck]}>{label(t, 'selfCheck', b.selfCheck)}</Tag> },
          { key: 'created', label: t('trace.recordedAt'), children: formatTime(b.createdAt) },
        ]}
      />
      <h5 className="tn-title" style={{ marginTop: 16 }}>
        {t('batch.inputs')}
      </h5>
      {b.inputs.length === 0 ? (
        <EmptyState description={t('batch.noInputsRecorded')} />
      ) : (
        <div className="tn-wrap-list" data-testid="batch-inputs">
          {b.inputs.map((i, n) => (
            <div className="tn-wrap-item" key={n}>
              <div className="tn-t-main">
                <div className="tn-t-head">
                  <Tag color="orange">{label(t, 'inputKind', i.kind)}</Tag>
                  <span className="tn-strong">{i.name}</span>
                </div>
                <div className="tn-t-meta">
                  <span>
                    {t('batch.dose')} {i.dose} {label(t, 'doseUnit', i.doseUnit)}
                  </span>
                  <span>
                    {t('batch.appliedOn')} {formatDate(i.appliedOn)}
                  </span>
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
