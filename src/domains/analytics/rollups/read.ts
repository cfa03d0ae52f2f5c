import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { regionRange } from '../../../platform/auth/visibility.js';
import { depthOf, lengthOf, type Depth } from './levels.js';

/**
 * The rollup read API (for the statistics, home pages and the monitors/reports of this domain). Figures are exact
 * at the moment of the read: the folded rollups plus the deltas not folded yet, in one statement (one snapshot).
 *
 * - `prefix` a region node ('' the ministry, 2/4/6/9 digits); the caller has checked it lies in the actor's jurisdiction.
 * - `by: 'node'` one row per (measure, dim) for the node itself; `by: 'children'` the same per child region one level
 *   down (facts filed only at a coarser level — a county's case without a township — appear in the node's total and
 *   in no child).
 * - `from`/`to` China days, both included; `measures` limits what is read.
 */
export type RollupQuery = { prefix: string; by: 'node' | 'children'; from: string; to: string; measures: readonly string[] };
export type RollupRow = { region: string; measure: string; dim: string; n: number; qty: number };

/** The first day of the month after `day`'s month. */
const nextMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * [from, to] as whole months read from the monthly grain and the days before and after them from the daily grain:
 * a year is 12 monthly buckets instead of 365 daily ones.
 */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstWhole = from === monthStart(from) ? from : nextMonth(from);
  const afterTo = addDay(to);
  const endWhole = afterTo === monthStart(afterTo) ? afterTo : monthStart(to);
  if (firstWhole >= endWhole) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, addDay(firstWhole, -1)]);
  if (endWhole <= to) days.push([endWhole, to]);
  return { months: [firstWhole, endWhole], days };
}

export function addDay(day: string, by = 1): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

export async function readRollups(db: Executor, q: RollupQuery): Promise<RollupRow[]> {
  const depth = depthOf(q.prefix);
  if (depth === null) throw new Error(`not a region node: ${q.prefix}`);
  if (q.by === 'children' && depth === 4) return [];
  const rowDepth = (q.by === 'children' ? depth + 1 : depth) as Depth;
  const len = lengthOf(rowDepth);
  const measures = sql`${`{${q.measures.join(',')}}`}::text[]`;
  const region = q.by === 'children' ? regionRange(sql`region_code`, q.prefix) : sql`region_code = ${q.prefix}`;
  const { months, days } = splitPeriod(q.from, q.to);
  const parts: SQL[] = [];
  if (months)
    parts.push(sql`SELECT region_code AS region, measure, dim, n, qty FROM analytics_rollups
      WHERE grain = 'm' AND depth = ${rowDepth} AND ${region} AND bucket >= ${months[0]} AND bucket < ${months[1]} AND measure = ANY(${measures})`);
  for (const [a, b] of days)
    parts.push(sql`SELECT region_code AS region, measure, dim, n, qty FROM analytics_rollups
      WHERE grain = 'd' AND depth = ${rowDepth} AND ${region} AND bucket >= ${a} AND bucket <= ${b} AND measure = ANY(${measures})`);
  parts.push(sql`SELECT left(region_code, ${len}) AS region, measure, dim, n, qty FROM analytics_deltas
    WHERE ${regionRange(sql`region_code`, q.prefix)} AND length(region_code) >= ${len} AND day >= ${q.from} AND day <= ${q.to} AND measure = ANY(${measures})`);
  return queryRows<RollupRow>(
    db,
    sql`SELECT region, measure, dim, sum(n)::float8 AS n, sum(qty)::float8 AS qty FROM (${sql.join(parts, sql` UNION ALL `)}) x
        GROUP BY region, measure, dim HAVING sum(n) <> 0 OR sum(qty) <> 0`,
  );
}

/** One value per (measure, dim) of the node over [from, to] — the common case. */
export async function nodeTotals(db: Executor, prefix: string, from: string, to: string, measures: readonly string[]) {
  return readRollups(db, { prefix, by: 'node', from, to, measures });
}

/** Every day since counting began up to a far date: for state counts (pending applications, open rectifications…). */
export const ALL_TIME = { from: '1970-01-01', to: '2199-12-31' } as const;

/** Month by month (bucket = first day) for the node over [fromMonth, toMonth), e.g. a trend line of twelve months. */
export async function monthlySeries(db: Executor, prefix: string, fromMonth: string, toMonth: string, measures: readonly string[]) {
  const depth = depthOf(prefix);
  if (depth === null) throw new Error(`not a region node: ${prefix}`);
  const m = sql`${`{${measures.join(',')}}`}::text[]`;
  return queryRows<{ month: string; measure: string; dim: string; n: number; qty: number }>(
    db,
    sql`SELECT to_char(bucket, 'YYYY-MM') AS month, measure, dim, sum(n)::float8 AS n, sum(qty)::float8 AS qty FROM (
          SELECT bucket, measure, dim, n, qty FROM analytics_rollups
           WHERE grain = 'm' AND depth = ${depth} AND region_code = ${prefix} AND bucket >= ${fromMonth} AND bucket < ${toMonth} AND measure = ANY(${m})
          UNION ALL
          SELECT date_trunc('month', day)::date, measure, dim, n, qty FROM analytics_deltas
           WHERE ${regionRange(sql`region_code`, prefix)} AND day >= ${fromMonth} AND day < ${toMonth} AND measure = ANY(${m})) x
        GROUP BY 1, 2, 3 ORDER BY 1`,
  );
}
