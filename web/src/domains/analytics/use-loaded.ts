import { useCallback, useEffect, useReducer, useState } from 'react';

/**
 * One read for a page, again whenever its loader changes or `retry` is called; a failure is kept (shown with
 * LoadError and 重试), never turned into an empty answer.
 */
export function useLoaded<T>(load: () => Promise<T>): { data: T | undefined; error: unknown; loading: boolean; retry: () => void } {
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
  return { data: current?.data, error: current?.error, loading: !current, retry: useCallback(() => bump(), []) };
}

/** The last twelve months in China (`YYYY-MM`), newest first: the periods a monitor or assessment may show. */
export function recentMonths(now = Date.now(), count = 12): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date(now));
  let y = Number(parts.find((p) => p.type === 'year')!.value);
  let m = Number(parts.find((p) => p.type === 'month')!.value);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
