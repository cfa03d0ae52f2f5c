import { useEffect, useState } from 'react';
import type { Page } from '../../../app/contract';
import { allPages } from '../../registry/registry.api';

/**
 * Every item of one of my short lists (products, bases) for a picker: pages of 200, at most ten. `null` while
 * loading. A producer has tens of products, not thousands; a longer list would need a searching picker.
 */
export function useAll<T>(fetchPage: (cursor?: string, limit?: number) => Promise<Page<T>>, onError: (err: unknown) => void, enabled = true): T[] | null {
  const [items, setItems] = useState<T[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    allPages((cursor) => fetchPage(cursor, 200), 10).then(
      (all) => live && setItems(all),
      (err: unknown) => live && onError(err),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, onError, enabled]);
  return items;
}
