/**
 * A per-key allowance of units (not requests) in a window that opens at the key's first use: the bulk verify spends
 * one unit per code, so a thousand codes cost a thousand whether sent in one request or in a thousand. Kept in this
 * server's memory, like the per-request limits of @fastify/rate-limit beside it.
 */
export type Quota = {
  /** Spends `units` for `key` if they fit in what is left of its window; false (nothing spent) when they do not. */
  take(key: string, units: number, now?: number): boolean;
};

/** Past this many keys, the ones whose window has closed are swept out before another is added. */
const SWEEP_AT = 10_000;

export function createQuota(opts: { max: number; windowMs: number }): Quota {
  const windows = new Map<string, { start: number; used: number }>();
  return {
    take(key, units, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= opts.windowMs) {
        if (!w && windows.size >= SWEEP_AT) for (const [k, v] of windows) if (now - v.start >= opts.windowMs) windows.delete(k);
        w = { start: now, used: 0 };
        windows.set(key, w);
      }
      if (w.used + units > opts.max) return false;
      w.used += units;
      return true;
    },
  };
}
