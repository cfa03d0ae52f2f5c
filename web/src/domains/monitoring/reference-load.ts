import { useCallback, useEffect, useState } from 'react';

/** A list loaded at once (no paging): its items, or the error that stopped it, and a reload. */
export function useLoaded<T>(load: () => Promise<T[]>): { items: T[]; loading: boolean; error: unknown; reload: () => Promise<void> } {
  const [state, setState] = useState<{ items: T[]; loading: boolean; error: unknown }>({ items: [], loading: true, error: null });
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      setState({ items: await load(), loading: false, error: null });
    } catch (error) {
      setState({ items: [], loading: false, error });
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
