import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';

/**
 * How often pending counts are written, and how many codes make a write due sooner. Small writes, often: under
 * load a write of 2,000 codes held a core for about 12 ms every third of a second, and the look-ups waiting behind
 * it were the page's slowest hundredth.
 */
const FLUSH_MS = 2_000;
const FLUSH_CODES = 250;

/** Times in epoch milliseconds: a look-up makes no Date, and a flush no ISO strings. */
type Pending = { count: number; firstAt: number; lastAt: number };

export type LookupCounter = {
  /** Counts one public look-up of a code; answers what this server has not written yet (the page adds it). */
  count(code: string): Pending;
  /** Writes every pending count now (on a timer, when many are pending, and on shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** Look-ups counted by this server since it started, codes not yet written, failed writes (for /metrics). */
  stats(): { lookups: number; pendingCodes: number; writeFailures: number };
};

/**
 * Look-ups are counted without slowing the page: each is added in memory, and the counts of all codes are written
 * in one statement every two seconds (or sooner when many codes wait). A server that dies loses at most those two
 * seconds of counts, which only feed a figure and the copied-label warning.
 */
export function createLookupCounter(db: Db, log: (err: unknown) => void): LookupCounter {
  let pending = new Map<string, Pending>();
  // Counts being written are still this server's to show until the write is done, or a page read meanwhile would
  // show fewer than a moment before.
  let inFlight = new Map<string, Pending>();
  let writing: Promise<void> = Promise.resolve();
  let lookups = 0;
  let writeFailures = 0;
  const flush = () => {
    if (!pending.size) return writing;
    const batch = pending;
    pending = new Map();
    writing = writing.then(async () => {
      inFlight = batch;
      const rows = [...batch.entries()];
      // Codes are validated digits and the rest numbers, so the array literals need no quoting.
      await db
        .execute(
          sql`INSERT INTO code_lookups (code, count, first_at, last_at)
              SELECT c, n, to_timestamp(f / 1000.0), to_timestamp(l / 1000.0)
              FROM unnest(${`{${rows.map(([c]) => c).join(',')}}`}::text[], ${`{${rows.map(([, p]) => p.count).join(',')}}`}::bigint[],
                          ${`{${rows.map(([, p]) => p.firstAt).join(',')}}`}::bigint[], ${`{${rows.map(([, p]) => p.lastAt).join(',')}}`}::bigint[]) AS t(c, n, f, l)
              ON CONFLICT (code) DO UPDATE SET count = code_lookups.count + EXCLUDED.count, last_at = EXCLUDED.last_at`,
        )
        .catch((err: unknown) => {
          writeFailures++;
          log(err);
        });
      inFlight = new Map();
    });
    return writing;
  };
  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();
  return {
    count(code) {
      lookups++;
      const now = Date.now();
      let p = pending.get(code);
      if (!p) pending.set(code, (p = { count: 0, firstAt: now, lastAt: now }));
      p.count++;
      p.lastAt = now;
      if (pending.size >= FLUSH_CODES) void flush();
      const writing = inFlight.get(code);
      return writing ? { count: p.count + writing.count, firstAt: writing.firstAt, lastAt: p.lastAt } : p;
    },
    flush,
    stats: () => ({ lookups, pendingCodes: pending.size + inFlight.size, writeFailures }),
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
