import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { chinaDayRange } from '../../../platform/china-time.js';
import type { Executor } from '../../../platform/db/client.js';
import { batches, products } from '../schema.js';
import { batchVisibility } from '../visibility.js';

/**
 * The lots of a product class (the class and those under it: class codes are hierarchical) recorded in a period
 * (China days) that the caller may trace: an agency's of its jurisdiction, a producer's or trader's own. Up to
 * `cap + 1`, so the caller can tell there are more.
 */
export async function lotsOfClassInPeriod(db: Executor, actor: Actor, q: { classCode: string; from: string; to: string }, cap: number): Promise<string[]> {
  const who = actor.kind === 'agency' ? batchVisibility.filter(actor) : eq(batches.subjectId, actor.subject.id);
  const rows = await db
    .select({ id: batches.id })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .where(and(who, like(products.classCode, `${q.classCode}%`), ...chinaDayRange(batches.createdAt, q.from, q.to), sql`${batches.status} <> 'voided'`))
    .orderBy(asc(batches.createdAt))
    .limit(cap + 1);
  return rows.map((r) => r.id);
}
