import { CheckOutlined, CloseOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, DatePicker, Input, Segmented, Space, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { RefreshButton } from '../../../app/RefreshButton';
import { useI18n } from '../../../app/i18n';
import { ListBody } from '../../../app/LoadError';
import { ExportButton, ListTotalText } from '../../../app/ListTools';
import { LoadMore } from '../../../app/LoadMore';
import type { Trade, TradeStatus } from '../trace.types';
import { useCursorList } from '../../../app/use-cursor-list';
import { ReasonModal } from './ReasonModal';
import { TracePageTitle } from '../TracePageTitle';
import { label, qty } from '../trace-labels';
import { TradeItem } from './TradeItem';
import { VoucherButton } from './TradeResult';
import { newKey, traceApi } from '../trace.api';
import { useTradeEvents, useTradeStreamLive } from './trade-stream';
import '../trace.css';

type Direction = 'incoming' | 'outgoing';
type Filter = TradeStatus | 'all';
type Asking = { trade: Trade; what: 'reject' | 'cancel' | 'return' } | null;

/** Replaces the trade in a list, by id. */
const replace = (items: Trade[], trade: Trade) => items.map((x) => (x.id === trade.id ? trade : x));

/**
 * /trace/trades: 交易. Incoming: the trades waiting for me first (confirm, or reject with a reason), then those
 * decided; outgoing: what I sold (cancel a pending one with a reason; download a market entry's voucher). New
 * trades and decisions arrive live over the notification stream, without reloading.
 */
export default function TradesPage() {
  const me = useMe();
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const direction: Direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const [decided, setDecided] = useState<Filter>('confirmed');
  const [outFilter, setOutFilter] = useState<Filter>('all');
  // A search and days narrow the decided (incoming) or sold (outgoing) list, and its export.
  const [search, setSearch] = useState<{ q?: string; from?: string; to?: string }>({});
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const writes = me.can('trace.write');
  const streaming = useTradeStreamLive();
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);

  const fetchPending = useMemo(() => (direction === 'incoming' ? (cursor?: string) => traceApi.trades({ direction: 'incoming', status: 'pending', cursor }) : null), [direction]);
  const fetchOther = useMemo(() => {
    const status = direction === 'incoming' ? decided : outFilter;
    return (cursor?: string) => traceApi.trades({ direction, status: status === 'all' ? undefined : status, ...search, cursor });
  }, [direction, decided, outFilter, search]);
  const otherStatus = direction === 'incoming' ? decided : outFilter;
  const exportQuery = { direction, status: otherStatus === 'all' ? undefined : otherStatus, ...search };
  const setDays = (range: [Dayjs | null, Dayjs | null] | null) =>
    setSearch((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined }));
  const pending = useCursorList(fetchPending, showError);
  const other = useCursorList(fetchOther, showError);

  // Live: a new trade for me goes on top of the waiting ones; a decision updates the trade where it shows.
  useTradeEvents((event) => {
    const tr = event.trade;
    const toMe = tr.buyer?.subjectId === me.subject?.id;
    if (direction === 'incoming' && toMe) {
      pending.setItems((items) => (tr.status === 'pending' ? (items.some((x) => x.id === tr.id) ? replace(items, tr) : [tr, ...items]) : items.filter((x) => x.id !== tr.id)));
      other.setItems((items) => (items.some((x) => x.id === tr.id) ? replace(items, tr) : decided === tr.status || decided === 'all' ? [tr, ...items] : items));
    }
    if (direction === 'outgoing' && tr.seller?.subjectId === me.subject?.id) {
      other.setItems((items) => (items.some((x) => x.id === tr.id) ? replace(items, tr) : outFilter === 'all' || outFilter === tr.status ? [tr, ...items] : items));
    }
  });

  const confirm = async (trade: Trade) => {
    setBusy(trade.id);
    try {
      const next = await traceApi.confirm(trade.id);
      pending.setItems((items) => items.filter((x) => x.id !== next.id));
      if (decided === 'confirmed' || decided === 'all') other.setItems((items) => [next, ...items.filter((x) => x.id !== next.id)]);
      void message.success(t('trade.confirmed', { code: next.buyerBatchCode ?? '' }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const answer = async (reason: string, quantity?: number) => {
    if (!asking) return;
    const { trade, what } = asking;
    try {
      if (what === 'return') {
        const recorded = await traceApi.recordReturn({ tradeId: trade.id, quantity: quantity!, reason }, newKey());
        other.setItems((items) => replace(items, recorded.trade));
        void message.success(t('return.done', { quantity: qty(t, quantity!, trade.unit) }));
      } else {
        const next = what === 'reject' ? await traceApi.reject(trade.id, reason) : await traceApi.cancel(trade.id, reason);
        pending.setItems((items) => items.filter((x) => x.id !== next.id));
        other.setItems((items) => replace(items, next));
        void message.success(t(what === 'reject' ? 'trade.rejectedDone' : 'trade.cancelledDone'));
      }
      setAsking(null);
    } catch (err) {
      showError(err);
    }
  };

  const actionsOf = (tr: Trade) => {
    const voucher = direction === 'outgoing' && tr.kind === 'market' && <VoucherButton trade={tr} />;
    if (!writes) return voucher || undefined;
    if (direction === 'incoming' && tr.status === 'pending')
      return (
        <>
          <Button type="primary" icon={<CheckOutlined />} loading={busy === tr.id} onClick={() => void confirm(tr)} data-testid="confirm-trade">
            {t('trade.confirm')}
          </Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setAsking({ trade: tr, what: 'reject' })} data-testid="reject-trade">
            {t('trade.reject')}
          </Button>
        </>
      );
    if (direction === 'outgoing' && tr.status === 'pending')
      return (
        <Button danger icon={<StopOutlined />} onClick={() => setAsking({ trade: tr, what: 'cancel' })} data-testid="cancel-trade">
          {t('trade.cancel')}
        </Button>
      );
    // A return is recorded by the buyer, or by the seller for a buyer off the platform (the server's rule).
    const returnable = tr.status === 'confirmed' && tr.quantity - tr.returned > 0 && (direction === 'incoming' || tr.buyer?.subjectId === null);
    if (!voucher && !returnable) return undefined;
    return (
      <>
        {voucher}
        {returnable && (
          <Button icon={<RollbackOutlined />} onClick={() => setAsking({ trade: tr, what: 'return' })}>
            {t('return.action')}
          </Button>
        )}
      </>
    );
  };

  const list = (of: typeof other, empty: string) => (
    <ListBody list={of} empty={empty}>
      <div className="tn-wrap-list">
        {of.items.map((tr) => (
          <TradeItem key={tr.id} trade={tr} direction={direction} actions={actionsOf(tr)} />
        ))}
      </div>
    </ListBody>
  );

  const filters = (value: Filter, onChange: (f: Filter) => void, options: Filter[]) => (
    <div className="tn-segmented-scroll">
      <Segmented<Filter> value={value} onChange={onChange} options={options.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : label(t, 'tradeStatus', s) }))} />
    </div>
  );

  return (
    <div>
      <TracePageTitle
        title={t('trade.title')}
        desc={t('trade.desc')}
        actions={
          <Tooltip title={t(streaming ? 'trade.liveHint' : 'trade.offlineHint')}>
            <Badge status={streaming ? 'processing' : 'default'} text={t(streaming ? 'trade.live' : 'trade.offline')} data-testid="trade-live" data-live={streaming ? 'yes' : 'no'} />
          </Tooltip>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Segmented<Direction>
          value={direction}
          onChange={(d) => setParams({ direction: d }, { replace: true })}
          options={[
            { value: 'incoming', label: t('trade.incoming') },
            { value: 'outgoing', label: t('trade.outgoing') },
          ]}
          data-testid="trade-direction"
        />
        {direction === 'incoming' && (
          <Card
            title={
              <Space>
                {t('trade.waiting')}
                <Badge count={pending.items.length} showZero={false} />
              </Space>
            }
            extra={<RefreshButton list={pending} />}
            data-testid="pending-trades"
          >
            {list(pending, t('trade.noneWaiting'))}
            <LoadMore list={pending} />
          </Card>
        )}
        <Card
          title={direction === 'incoming' ? t('trade.decided') : t('trade.sold')}
          extra={
            <Space>
              <ListTotalText total={other.total} />
              <ExportButton path="/trace/trades.xlsx" query={exportQuery} filename={`${t('list.file.trades')}.xlsx`} total={other.total} />
              <RefreshButton list={other} />
            </Space>
          }
          data-testid="other-trades"
        >
          <div className="tn-filters">
            {direction === 'incoming' ? filters(decided, setDecided, ['confirmed', 'rejected', 'cancelled', 'all']) : filters(outFilter, setOutFilter, ['all', 'pending', 'confirmed', 'rejected', 'cancelled'])}
            <Input.Search
              allowClear
              placeholder={t('tradeList.search')}
              style={{ width: 240, maxWidth: '100%' }}
              onSearch={(q) => setSearch((f) => ({ ...f, q: q.trim() || undefined }))}
              aria-label={t('tradeList.search')}
              data-testid="trade-search"
            />
            <DatePicker.RangePicker onChange={(range) => setDays(range)} aria-label={t('list.days')} />
          </div>
          {list(other, t('trade.none'))}
          <LoadMore list={other} />
        </Card>
      </Space>
      <ReasonModal
        open={asking !== null}
        title={asking ? t(asking.what === 'reject' ? 'trade.rejectTitle' : asking.what === 'cancel' ? 'trade.cancelTitle' : 'return.title', { product: asking.trade.productName }) : ''}
        okText={asking ? t(asking.what === 'reject' ? 'trade.reject' : asking.what === 'cancel' ? 'trade.cancel' : 'return.action') : ''}
        danger={asking?.what !== 'return'}
        maxQuantity={asking?.what === 'return' ? asking.trade.quantity - asking.trade.returned : undefined}
        unitLabel={asking ? label(t, 'unit', asking.trade.unit) : undefined}
        onSubmit={answer}
        onClose={() => setAsking(null)}
      />
    </div>
  );
}
