import { sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';

const KINDS = ['registrations', 'subjects', 'batches', 'trades', 'samples', 'failed_samples', 'alerts'] as const;
type Counts = Record<(typeof KINDS)[number], number>;

/** A scrape every few seconds from several Prometheus servers costs one read per this interval. */
const FRESH_MS = 10_000;
/** A slow or unreachable database must not hold the scrape (the rest of the figures say what is wrong). */
const TIMEOUT_MS = 2_000;

/**
 * The business figures (registrations, batches, trades, samples, failed samples, alerts) are counted in the database
 * at scrape time, through the view `ops_business_counts`: the rows are already written by each domain in its own
 * transaction, so no service carries metric code and every server reports the same, true figures (take the max
 * across servers, not the sum). A failed read leaves the figures out and sets tracenet_business_counts_up to 0.
 */
export function installBusinessMetrics(registry: Registry, db: Db, log: (err: unknown) => void, freshMs = FRESH_MS): void {
  let cached: { at: number; counts: Counts } | undefined;
  let reading: Promise<Counts> | undefined;

  const read = async (): Promise<Counts> => {
    const [row] = await queryRows<Counts>(db, sql`SELECT * FROM ops_business_counts`);
    return Object.fromEntries(KINDS.map((k) => [k, Number(row?.[k] ?? 0)])) as Counts;
  };
  const current = async (): Promise<Counts | undefined> => {
    if (cached && Date.now() - cached.at < freshMs) return cached.counts;
    reading ??= read().finally(() => (reading = undefined));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`business counts took longer than ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    try {
      const counts = await Promise.race([reading, timeout]);
      cached = { at: Date.now(), counts };
      return counts;
    } catch (err) {
      log(err);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  // Both gauges of one scrape are collected at once and share one read.
  let scrape: Promise<Counts | undefined> | undefined;
  const snapshot = () => (scrape ??= current().finally(() => (scrape = undefined)));
  new Gauge({
    name: 'tracenet_business_counts_up',
    help: 'Whether the business figures could be read from the database at this scrape (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await snapshot()) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'tracenet_business_records',
    help: 'Business records in the database, all servers together: registrations (applications filed), subjects (registered), batches, trades, samples, failed_samples (latest verdict fail), alerts',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const counts = await snapshot();
      this.reset();
      if (counts) for (const k of KINDS) this.set({ kind: k }, counts[k]);
    },
  });
}
