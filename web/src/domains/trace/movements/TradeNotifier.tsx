import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { loadAllWords } from '../../../app/words';
import type { MessageKey } from '../../../app/messages.zh';
import type { TradeEvent } from '../trace.types';
import { qty } from '../trace-labels';
import { useRecallEvents, useTradeEvents } from './trade-stream';

/** What each event tells whom: the buyer hears of a new or cancelled trade, the seller of its buyer's decision. */
const NOTICE: Record<TradeEvent['type'], { to: 'buyer' | 'seller'; title: MessageKey; body: MessageKey }> = {
  'trade.created': { to: 'buyer', title: 'notice.createdTitle', body: 'notice.created' },
  'trade.cancelled': { to: 'buyer', title: 'notice.cancelledTitle', body: 'notice.cancelled' },
  'trade.confirmed': { to: 'seller', title: 'notice.confirmedTitle', body: 'notice.confirmed' },
  'trade.rejected': { to: 'seller', title: 'notice.rejectedTitle', body: 'notice.rejected' },
  'trade.returned': { to: 'seller', title: 'notice.returnedTitle', body: 'notice.returned' },
};

/**
 * A notice's words (the trade's from this domain, a recall's from monitoring) may not have come yet in the first
 * moments of a page opened cold (app/words.ts): a notice, once open, does not change its text, so it waits for them.
 */
const afterWords = (show: () => void) => loadAllWords().catch(() => undefined).then(show);

/**
 * The live notice of trades, on every page of a producer's console: the server pushes each trade event over
 * Server-Sent Events, and the right side gets an antd notification with a way to the trades page.
 */
export function TradeNotifier() {
  const me = useMe();
  const { t } = useI18n();
  const { notification } = App.useApp();
  const navigate = useNavigate();

  useTradeEvents((event) => {
    const notice = NOTICE[event.type];
    const tr = event.trade;
    if (!notice || !me.subject) return;
    const mine = notice.to === 'buyer' ? tr.buyer?.subjectId === me.subject.id : tr.seller?.subjectId === me.subject.id;
    if (!mine) return;
    const key = `trade-${tr.id}-${event.type}`;
    void afterWords(() => notification.open({
      key,
      title: t(notice.title),
      description: t(notice.body, { seller: tr.seller?.name ?? '', buyer: tr.buyer?.name ?? '', product: tr.productName, quantity: qty(t, tr.quantity, tr.unit), returned: qty(t, tr.returned, tr.unit), reason: tr.reason ?? '' }),
      type: event.type === 'trade.rejected' || event.type === 'trade.cancelled' || event.type === 'trade.returned' ? 'warning' : 'info',
      duration: 10,
      className: 'tn-trade-notice',
      actions: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy(key);
            navigate(`/trace/trades?direction=${notice.to === 'buyer' ? 'incoming' : 'outgoing'}`);
          }}
        >
          {t('notice.open')}
        </Button>
      ),
    }));
  }, Boolean(me.subject && me.can('trace.read')));

  // A recall order naming one of my batches (or a stall's I reach as its market): one notice, however many batches.
  useRecallEvents(() => {
    void afterWords(() => notification.open({
      key: 'recall-notice',
      title: t('recallNotice.title'),
      description: t('recallNotice.body'),
      type: 'error',
      duration: 0,
      actions: (
        <Button
          type="primary"
          size="small"
          danger
          onClick={() => {
            notification.destroy('recall-notice');
            navigate('/trace/recall-notices');
          }}
        >
          {t('notice.open')}
        </Button>
      ),
    }));
  });
  return null;
}
