import { useCallback, useEffect, useReducer, useState } from 'react';

export type LoadState<T> = { data: T | undefined; error: unknown; loading: boolean; retry: () => void; set: (data: T) => void };

/**
 * One read for a page, again whenever its loader changes or `retry` is called; a failure is kept (shown with
 * LoadError and 重试, see Loaded), never turned into an empty answer. `set` puts a record a write answered in place.
 */
export function useLoaded<T>(load: () => Promise<T>): LoadState<T> {
  const [state, setState] = useState<{ load: () => Promise<T>; data?: T; error?: unknown } | null>(null);
  const [attempt, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ load, data }),
      (error: unknown) => live && setState({ load, error }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const current = state?.load === load ? state : null;
  const retry = useCallback(() => bump(), []);
  const set = useCallback((data: T) => setState({ load, data }), [load]);
  return { data: current?.data, error: current?.error, loading: !current, retry, set };
}
