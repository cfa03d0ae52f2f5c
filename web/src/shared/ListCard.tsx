import { Card } from 'antd';
import type { ReactNode } from 'react';
import { ListBody } from '../app/LoadError';
import { LoadMore } from '../app/LoadMore';
import { RefreshButton } from '../app/RefreshButton';

type CursorList<T> = { items: T[]; loading: boolean; error: unknown; hasMore: boolean; reload: () => Promise<void>; loadMore: () => Promise<void> };

/**
 * A cursor-paged list in a card, one look on every list page: its title and refresh, the first page's error with
 * 重试 or the empty state (never an empty list for a failed load), the rows, and "load more" at the foot.
 */
export function ListCard<T>({ list, title, empty, children }: { list: CursorList<T>; title: ReactNode; empty: string; children: (items: T[]) => ReactNode }) {
  return (
    <Card extra={<RefreshButton list={list} />} title={title}>
      <ListBody list={list} empty={empty}>
        {children(list.items)}
      </ListBody>
      <LoadMore list={list} />
    </Card>
  );
}
