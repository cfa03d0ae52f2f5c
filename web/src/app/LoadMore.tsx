import { Button } from 'antd';
import type { ListTotal } from './contract';
import { useI18n } from './i18n';
import { LoadError } from './LoadError';

type Footed = { hasMore: boolean; loading: boolean; items: unknown[]; error?: unknown; total?: ListTotal | null; loadMore: () => Promise<void>; reload: () => Promise<void> };

/**
 * The footer of a cursor-paged list (useCursorList): how many there are, and a "load more" button. Every list says its
 * total (issue 16 §1): the server's count of the filter when the list counts one (past its cap "more than"), else the
 * rows once all are shown; while more pages wait and nothing counted them, how many are shown so far.
 */
export function LoadMore({ list }: { list: Footed }) {
  const { t } = useI18n();
  // A later page that failed: said under the rows already shown, retried from where it stopped.
  if (list.error && list.items.length > 0) return <LoadError error={list.error} onRetry={list.hasMore ? list.loadMore : list.reload} />;
  const shown = list.items.length;
  const total = list.total;
  const count = total
    ? list.hasMore
      ? t(total.capped ? 'list.shownOfCapped' : 'list.shownOf', { n: shown, total: total.value })
      : t('list.total', { n: Math.max(shown, total.value) })
    : list.hasMore
      ? t('list.shown', { n: shown })
      : t('list.total', { n: shown });
  return (
    <div className="tn-load-more">
      {shown > 0 && (
        <span className="tn-secondary" data-testid="list-count">
          {count}
        </span>
      )}
      {list.hasMore && (
        <Button onClick={() => void list.loadMore()} loading={list.loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}
