import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatTime } from '../../../app/format';
import { useI18n } from '../../../app/i18n';
import type { Trade } from '../trace.types';
import { label, qty, TRADE_STATUS_COLOR } from '../trace-labels';

/** One trade: product, quantity, the other side, status; carrier and storage; the buyer's code; the reason. */
export function TradeItem({ trade: tr, direction, actions }: { trade: Trade; direction: 'incoming' | 'outgoing'; actions?: ReactNode }) {
  const { t } = useI18n();
  const other = direction === 'incoming' ? tr.seller?.name : tr.buyer?.name;
  const carrier = [tr.carrier?.company, tr.carrier?.plate, tr.carrier?.driver, tr.carrier?.phone].filter(Boolean).join(' · ');
  const buyerBatchMine = direction === 'incoming' && tr.buyerBatchId;
  return (
    <div className="tn-wrap-item" data-testid="trade-item" data-status={tr.status} data-id={tr.id}>
      <div className="tn-t-main">
        <div className="tn-t-head">
          <Typography.Text strong>{tr.productName}</Typography.Text>
          <Typography.Text>{qty(t, tr.quantity, tr.unit)}</Typography.Text>
          <Tag color={TRADE_STATUS_COLOR[tr.status]} data-testid="trade-status">
            {label(t, 'tradeStatus', tr.status)}
          </Tag>
          {tr.kind !== 'scan' && <Tag>{tr.kind === 'market' ? label(t, 'marketKind', tr.buyer?.marketKind) : label(t, 'tradeKind', tr.kind)}</Tag>}
        </div>
        <Typography.Text>
          {t(direction === 'incoming' ? 'trade.from' : 'trade.to')} <Typography.Text strong data-testid="trade-party">{other}</Typography.Text>
          {tr.buyer?.stall ? ` · ${t('market.stall')} ${tr.buyer.stall}` : ''}
        </Typography.Text>
        <div className="tn-t-meta">
          <span>
            {t('trade.batch')} <span className="tn-t-code">{tr.batchCode}</span>
          </span>
          <span>{formatTime(tr.createdAt)}</span>
          {carrier && (
            <span>
              {t('sell.carrier')}{t('common.colon')}{carrier}
            </span>
          )}
          {tr.storage && (
            <span>
              {t('sell.storage')}{t('common.colon')}{tr.storage}
            </span>
          )}
          {tr.quarantineCert && (
            <span>
              {t('sell.quarantine')}{t('common.colon')}{tr.quarantineCert}
            </span>
          )}
          {tr.returned > 0 && <span>{t('trade.returned', { n: qty(t, tr.returned, tr.unit) })}</span>}
        </div>
        {tr.buyerBatchCode && (
          <Typography.Text>
            {t(tr.kind === 'market' ? 'result.voucherCode' : 'result.buyerCode')}{t('common.colon')}
            {buyerBatchMine ? (
              <Link to={`/trace/batches/${tr.buyerBatchId}`} className="tn-t-code" data-testid="buyer-batch-link">
                {tr.buyerBatchCode}
              </Link>
            ) : (
              <span className="tn-t-code">{tr.buyerBatchCode}</span>
            )}
          </Typography.Text>
        )}
        {tr.reason && (
          <Typography.Text type="secondary">
            {t('trade.reason')}{t('common.colon')}{tr.reason}
          </Typography.Text>
        )}
      </div>
      {actions && <div className="tn-t-actions">{actions}</div>}
    </div>
  );
}
