import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListTotal, Page } from './contract';

/**
 * A list read page by page with the API's opaque cursor ("load more"). `fetchPage` changing (new filters)
 * starts again from the first page; responses to superseded requests are dropped.
 */
export function useCursorList<T>(fetchPage: ((cursor?: string) => Promise<Page<T>>) | null, onError: (err: unknown) => void) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // The filter's total, from the first page (null while unknown, and for lists that do not count).
  const [total, setTotal] = useState<ListTotal | null>(null);
  // The last load's failure, kept until a load succeeds: the page shows it inline (a failed load is not an empty list).
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (cursor?: string) => {
      if (!fetchPage) return;
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      try {
        const page = await fetchPage(cursor);
        if (mine !== generation.current) return;
        setError(null);
        setItems((current) => (cursor ? [...current, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        if (!cursor) setTotal(page.total ?? null);
      } catch (err) {
        if (mine === generation.current) {
          setError(err);
          onError(err);
        }
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [fetchPage, onError],
  );

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    setTotal(null);
    void load();
  }, [load]);

  return {
    items,
    setItems,
    loading,
    error,
    total,
    hasMore: nextCursor !== null,
    loadMore: () => (nextCursor ? load(nextCursor) : Promise.resolve()),
    reload: () => load(),
  };
}
