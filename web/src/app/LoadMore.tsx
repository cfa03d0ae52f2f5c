import { Button, Typography } from 'antd';
import { useI18n } from './i18n';

/** The footer of a cursor-paged list (useCursorList): a "load more" button, or "no more" at the end. */
export function LoadMore({ list }: { list: { hasMore: boolean; loading: boolean; items: unknown[]; loadMore: () => Promise<void> } }) {
  const { t } = useI18n();
  return (
    <div className="tn-load-more">
      {list.hasMore ? (
        <Button onClick={() => void list.loadMore()} loading={list.loading}>
          {t('common.loadMore')}
        </Button>
      ) : (
        list.items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </div>
  );
}
