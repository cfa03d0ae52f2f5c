import { count, sql, SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import type { totalOut } from './page.shared.js';

/**
 * A list's total is counted within the same filter, but never past this many rows: counting a province's millions
 * of batches or audit entries on every first page would cost more than the page. Past it the answer is "10,000 or
 * more" (`capped`), which is also the most one export holds (docs/decisions.md, "List totals and exports").
 */
export const LIST_COUNT_CAP = 10_000;

export type Total = z.infer<typeof totalOut>;

/**
 * Counts the rows a filtered select would return, stopping at LIST_COUNT_CAP + 1 so that the count costs at most
 * that many index or row visits. `rows` is the list's own select (same joins and filter), without paging.
 */
export async function countUpTo(db: Executor, rows: PgSelect): Promise<Total> {
  const [r] = await db.select({ n: count() }).from(rows.limit(LIST_COUNT_CAP + 1).as('counted'));
  const n = Number(r?.n ?? 0);
  return n > LIST_COUNT_CAP ? { value: LIST_COUNT_CAP, capped: true } : { value: n, capped: false };
}

/**
 * The total a list's first page carries (issue 16 §1: every list in the console shows its total): the filter counted
 * by countUpTo when there is no cursor, nothing on later pages (the console keeps the first page's). `rows` is built
 * only when counted; spread the answer into the page (`...totalField(total)`) so later pages have no `total` key.
 */
export function firstPageTotal(db: Executor, cursor: string | undefined, rows: () => PgSelect | SQL): Promise<Total | undefined> {
  if (cursor) return Promise.resolve(undefined);
  const select = rows();
  return select instanceof SQL ? countSqlUpTo(db, select) : countUpTo(db, select);
}

/** countUpTo for a list read by hand-written SQL: `rows` is its SELECT without ORDER BY, LIMIT or cursor. */
async function countSqlUpTo(db: Executor, rows: SQL): Promise<Total> {
  const [r] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*)::int AS n FROM (${rows} LIMIT ${LIST_COUNT_CAP + 1}) counted`);
  const n = Number(r?.n ?? 0);
  return n > LIST_COUNT_CAP ? { value: LIST_COUNT_CAP, capped: true } : { value: n, capped: false };
}

export const totalField = (total: Total | undefined): { total?: Total } => (total ? { total } : {});
