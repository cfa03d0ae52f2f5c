import { Checkbox, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CopyText } from '../../../app/CopyText';
import { formatDate } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { Batch } from '../trace.types';
import { label, qty, SOURCE_COLOR } from '../trace-labels';

type Props = { batch: Batch; selectable?: boolean; selected?: boolean; onSelect?: (selected: boolean) => void; actions?: ReactNode };

/** One batch in a list: product, code, source, stock of quantity, dates; a link to its page. */
export function BatchItem({ batch: b, selectable, selected, onSelect, actions }: Props) {
  const { t } = useI18n();
  const available = b.stock - b.frozen;
  return (
    <div className={`tn-wrap-item${selected ? ' tn-t-selected' : ''}`} data-testid="batch-item" data-code={b.code}>
      {selectable && <Checkbox checked={selected} onChange={(e) => onSelect?.(e.target.checked)} aria-label={b.code} disabled={available <= 0 || b.status !== 'active'} />}
      <div className="tn-t-main">
        <div className="tn-t-head">
          <Link to={`/trace/batches/${b.id}`}>
            <span className="tn-strong">{b.productName}</span>
          </Link>
          <Tag color={SOURCE_COLOR[b.source]}>{label(t, 'source', b.source)}</Tag>
          {b.status !== 'active' && <Tag color={b.status === 'held' || b.status === 'failed' ? 'error' : undefined} data-testid="batch-status">{label(t, 'batchStatus', b.status)}</Tag>}
        </div>
        <CopyText className="tn-t-code" text={b.code} testId="batch-code">
          {b.code}
        </CopyText>
        <div className="tn-t-meta">
          <span>{t('batch.stockOf', { stock: qty(t, b.stock, b.unit), quantity: qty(t, b.quantity, b.unit) })}</span>
          {b.frozen > 0 && <span>{t('batch.frozenShort', { frozen: qty(t, b.frozen, b.unit) })}</span>}
          {b.harvestDate && (
            <span>
              {t('batch.harvestDate')} {formatDate(b.harvestDate)}
            </span>
          )}
          <span>
            {t('trace.recordedAt')} {formatDate(b.createdAt)}
          </span>
        </div>
      </div>
      {actions && <div className="tn-t-actions">{actions}</div>}
    </div>
  );
}
