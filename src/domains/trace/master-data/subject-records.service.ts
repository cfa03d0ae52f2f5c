import { desc, eq } from 'drizzle-orm';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { subjectFacts, subjectVisibility } from '../../registry/index.js';
import { traceError } from '../errors.js';
import { batches, products } from '../schema.js';

/**
 * What an official in the field sees of a subject of the jurisdiction besides its registration: its products and
 * its latest batches (基地巡查 opens on these). A subject outside the jurisdiction is answered as unknown.
 */
export async function subjectTraceRecords(db: Db, actor: AgencyActor, subjectId: string) {
  const subject = await subjectFacts(db, subjectId);
  if (!subject || !subjectVisibility.allows(actor, subject)) throw traceError('SUBJECT_NOT_FOUND');
  const [productRows, batchRows] = await Promise.all([
    db.select({ id: products.id, name: products.name, spec: products.spec, unit: products.unit, gtin: products.gtin }).from(products).where(eq(products.subjectId, subjectId)).orderBy(desc(products.createdAt)).limit(50),
    db
      .select({ id: batches.id, code: batches.code, productName: products.name, quantity: batches.quantity, stock: batches.stock, unit: batches.unit, harvestDate: batches.harvestDate, selfCheck: batches.selfCheck, status: batches.status, createdAt: batches.createdAt })
      .from(batches)
      .innerJoin(products, eq(products.id, batches.productId))
      .where(eq(batches.subjectId, subjectId))
      .orderBy(desc(batches.createdAt))
      .limit(10),
  ]);
  return { products: productRows, recentBatches: batchRows };
}
