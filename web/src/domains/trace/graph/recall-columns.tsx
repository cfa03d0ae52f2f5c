import { Tag, Typography, type TableColumnsType } from 'antd';
import { formatTime } from '../../../app/format';
import type { MessageKey } from '../../../app/messages.zh';
import type { RecallHolder } from '../trace.types';
import { label, qty } from '../trace-labels';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const KIND_COLOR: Record<string, string> = { subject: 'green', unregistered: 'orange', market: 'purple' };

/** Width of the table's columns together: it scrolls sideways inside its card when the card is narrower. */
export const RECALL_TABLE_WIDTH = 1450;

/**
 * The recall table's columns. With `pinned` (a wide screen) the hops and the holder stay in view while the rest
 * scrolls; a phone has no room to pin them.
 */
export function recallColumns(t: T, pinned: boolean): TableColumnsType<RecallHolder> {
  const fixed = pinned ? ('left' as const) : undefined;
  return [
    { key: 'hops', title: t('recall.col.hops'), dataIndex: 'hops', width: 60, align: 'center', fixed },
    {
      key: 'holder',
      title: t('recall.col.holder'),
      width: 220,
      fixed,
      render: (_, h) => (
        <div data-testid="recall-holder">
          <Typography.Text strong>{h.name}</Typography.Text>
          <div>
            <Typography.Text type="secondary">{h.productName}</Typography.Text>
          </div>
          <div className="tn-t-code tn-t-nowrap">{h.batchCode}</div>
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('recall.col.kind'),
      width: 120,
      render: (_, h) => (
        <>
          <Tag color={KIND_COLOR[h.holderKind]}>{label(t, 'recall.kind', h.holderKind)}</Tag>
          {h.marketKind && <div>{label(t, 'marketKind', h.marketKind)}</div>}
          {h.stall && <div>{t('recall.stall', { stall: h.stall })}</div>}
        </>
      ),
    },
    { key: 'identityCode', title: t('recall.col.identityCode'), width: 260, render: (_, h) => (h.identityCode ? <span className="tn-t-code tn-t-nowrap">{h.identityCode}</span> : '—') },
    { key: 'phone', title: t('recall.col.phone'), width: 130, render: (_, h) => (h.phone ? <a href={`tel:${h.phone}`} data-testid="recall-phone">{h.phone}</a> : '—') },
    { key: 'address', title: t('recall.col.address'), width: 190, render: (_, h) => h.address ?? '—' },
    { key: 'county', title: t('recall.col.county'), width: 100, render: (_, h) => h.countyName ?? h.county },
    { key: 'received', title: t('recall.col.received'), width: 110, align: 'right', render: (_, h) => qty(t, h.quantityReceived, h.unit) },
    { key: 'stock', title: t('recall.col.stock'), width: 100, align: 'right', render: (_, h) => qty(t, h.stock, h.unit) },
    { key: 'receivedAt', title: t('recall.col.receivedAt'), width: 160, render: (_, h) => formatTime(h.receivedAt) },
  ];
}
