import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type FilterChanges = Record<string, string | undefined>;

/**
 * A list's filters kept in the page's address (a figure links to its list this way, and a reload keeps them):
 * `setFilters` sets each named value, an empty one removed, and keeps every other part of the address. A filter
 * replaces the history entry; `push` adds one (the statistics' drill-down, where Back goes up a level).
 */
export function useAddressFilters(): [URLSearchParams, (changes: FilterChanges, opts?: { push?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const setFilters = useCallback(
    (changes: FilterChanges, opts: { push?: boolean } = {}) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          return next;
        },
        { replace: !opts.push },
      ),
    [setParams],
  );
  return [params, setFilters];
}
