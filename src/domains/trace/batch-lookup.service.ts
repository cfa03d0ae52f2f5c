import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { countyNames } from '../regions/index.js';
import { traceError } from './errors.js';
import { batches, products } from './schema.js';
import { traceAccess } from './trace-graph.queries.js';
import { subjectNameOf } from './subject-names.js';

/**
 * The batch behind a scanned or typed code, for whoever may trace it (the same rule as the trace itself: a
 * subject's own or sold-into batches, an agency's jurisdiction); anything else is 404, as if it did not exist.
 */
export async function batchByCode(db: Db, actor: Actor, code: string) {
  const [row] = await db
    .select({ b: batches, productName: products.name, subjectName: sql<string | null>`${subjectNameOf(sql`${batches.subjectId}`)}` })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .where(and(eq(batches.code, code), traceAccess(actor)));
  if (!row) throw traceError('BATCH_NOT_FOUND');
  const { b } = row;
  const counties = await countyNames(db);
  const county = b.regionCode.slice(0, 6);
  return {
    id: b.id,
    code: b.code,
    productName: row.productName,
    source: b.source,
    quantity: b.quantity,
    unit: b.unit,
    stock: b.stock,
    harvestDate: b.harvestDate,
    createdAt: b.createdAt,
    holderName: row.subjectName ?? b.holder?.name ?? '',
    county,
    countyName: counties.get(county) ?? null,
  };
}
