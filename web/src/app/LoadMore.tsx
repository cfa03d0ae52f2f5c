import { Button } from 'antd';
import { useI18n } from './i18n';
import { LoadError } from './LoadError';

/** The footer of a cursor-paged list (useCursorList): a "load more" button, or "no more" at the end. */
export function LoadMore({ list }: { list: { hasMore: boolean; loading: boolean; items: unknown[]; error?: unknown; loadMore: () => Promise<void>; reload: () => Promise<void> } }) {
  const { t } = useI18n();
  // A later page that failed: said under the rows already shown, retried from where it stopped.
  if (list.error && list.items.length > 0) return <LoadError error={list.error} onRetry={list.hasMore ? list.loadMore : list.reload} />;
  return (
    <div className="tn-load-more">
      {list.hasMore ? (
        <Button onClick={() => void list.loadMore()} loading={list.loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        list.items.length > 0 && <span className="tn-secondary">{t('common.noMore')}</span>
      )}
    </div>
  );
}
