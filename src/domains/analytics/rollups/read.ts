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

const nextMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextYear = (day: string) => `${Number(day.slice(0, 4)) + 1}-01-01`;
const yearStart = (day: string) => `${day.slice(0, 4)}-01-01`;

export type Piece = { grain: 'd' | 'm' | 'y'; from: string; to: string };

/**
 * [from, to] (both included) as the fewest buckets: whole years from the yearly grain, whole months around them from
 * the monthly one, the days left at either end from the daily one. A calendar year is one bucket, a quarter three.
 * Each piece's `to` is the first day after it.
 */
export function splitPeriod(from: string, to: string): Piece[] {
  const end = addDay(to);
  const whole = (start: (d: string) => string, next: (d: string) => string) => {
    const a = from === start(from) ? from : next(from);
    const b = end === start(end) ? end : start(end);
    return a < b ? ([a, b] as const) : null;
  };
  const years = whole(yearStart, nextYear);
  if (years) return [...splitPeriod2(from, years[0]), { grain: 'y', from: years[0], to: years[1] }, ...splitPeriod2(years[1], end)];
  return splitPeriod2(from, end);
  // Months and days of [a, b) (b excluded).
  function splitPeriod2(a: string, b: string): Piece[] {
    if (a >= b) return [];
    const fm = a === monthStart(a) ? a : nextMonth(a);
    const lm = b === monthStart(b) ? b : monthStart(addDay(b, -1));
    if (fm >= lm) return [{ grain: 'd', from: a, to: b }];
    return [...(a < fm ? [{ grain: 'd' as const, from: a, to: fm }] : []), { grain: 'm', from: fm, to: lm }, ...(lm < b ? [{ grain: 'd' as const, from: lm, to: b }] : [])];
  }
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
  const parts: SQL[] = splitPeriod(q.from, q.to).map(
    (p) => sql`SELECT region_code AS region, measure, dim, n, qty FROM analytics_rollups
      WHERE grain = ${p.grain} AND depth = ${rowDepth} AND ${region} AND bucket >= ${p.from} AND bucket < ${p.to} AND measure = ANY(${measures})`,
  );
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
