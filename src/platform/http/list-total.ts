import { count } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Executor } from '../db/client.js';
import { pageOf } from './pagination.js';

/**
 * A list's total is counted within the same filter, but never past this many rows: counting a province's millions
 * of batches or audit entries on every first page would cost more than the page. Past it the answer is "10,000 or
 * more" (`capped`), which is also the most one export holds (docs/decisions.md, "List totals and exports").
 */
export const LIST_COUNT_CAP = 10_000;

export const totalOut = z.object({ value: z.number().int(), capped: z.boolean() });
export type Total = z.infer<typeof totalOut>;

/** A cursor page that also carries the total of its filter on the first page (no cursor). */
export function countedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ total: totalOut.optional() });
}

/**
 * Counts the rows a filtered select would return, stopping at LIST_COUNT_CAP + 1 so that the count costs at most
 * that many index or row visits. `rows` is the list's own select (same joins and filter), without paging.
 */
export async function countUpTo(db: Executor, rows: PgSelect): Promise<Total> {
  const [r] = await db.select({ n: count() }).from(rows.limit(LIST_COUNT_CAP + 1).as('counted'));
  const n = Number(r?.n ?? 0);
  return n > LIST_COUNT_CAP ? { value: LIST_COUNT_CAP, capped: true } : { value: n, capped: false };
}
