import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import { codeKey, issueCodes } from './code-issue.service.js';
import type { ProductCodeType } from './codes.js';
import { traceError } from './errors.js';
import { batches, batchEdges, type Holder } from './schema.js';

// The conservation rules of DESIGN.md §4, in one place: every service that moves goods goes through these,
// inside its own transaction, so no path can ship, freeze or transform more than a batch holds.

export type BatchRow = typeof batches.$inferSelect;

/** A batch of the subject that it may move goods from (active, the unit it is counted in), locked for the write. */
export async function ownBatchForUpdate(tx: Tx, subjectId: string, batchId: string, unit?: string): Promise<BatchRow> {
  const [batch] = await tx
    .select()
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.subjectId, subjectId)))
    .for('update');
  if (!batch || batch.status !== 'active') throw traceError('BATCH_NOT_FOUND', { batchId });
  if (unit !== undefined && batch.unit !== unit) throw traceError('UNIT_MISMATCH', { expected: batch.unit, given: unit });
  return batch;
}

/**
 * Takes `quantity` out of a batch's free stock (stock − frozen), by one guarded UPDATE: `frozen` for a sale
 * awaiting its buyer, `stock` for goods that leave at once. Refused with the quantity available otherwise.
 */
export async function takeFromBatch(tx: Tx, batchId: string, quantity: number, how: 'freeze' | 'ship'): Promise<BatchRow> {
  const change = how === 'freeze' ? { frozen: sql`${batches.frozen} + ${quantity}` } : { stock: sql`${batches.stock} - ${quantity}` };
  const [row] = await tx
    .update(batches)
    .set(change)
    .where(and(eq(batches.id, batchId), sql`${batches.stock} - ${batches.frozen} >= ${quantity}`))
    .returning();
  if (row) return row;
  const [now] = await tx.select({ stock: batches.stock, frozen: batches.frozen }).from(batches).where(eq(batches.id, batchId));
  throw traceError('INSUFFICIENT_STOCK', { batchId, available: now ? now.stock - now.frozen : 0, requested: quantity });
}

/**
 * A sale's freeze in one statement: the subject's active batch in its unit, locked, checked and frozen by the same
 * guarded UPDATE; when nothing matched, says why (not the subject's, another unit, or not enough free stock).
 */
export async function freezeOwnBatch(tx: Tx, subjectId: string, batchId: string, unit: string, quantity: number): Promise<BatchRow> {
  const [row] = await tx
    .update(batches)
    .set({ frozen: sql`${batches.frozen} + ${quantity}` })
    .where(and(eq(batches.id, batchId), eq(batches.subjectId, subjectId), eq(batches.status, 'active'), eq(batches.unit, unit), sql`${batches.stock} - ${batches.frozen} >= ${quantity}`))
    .returning();
  if (row) return row;
  await ownBatchForUpdate(tx, subjectId, batchId, unit);
  return takeFromBatch(tx, batchId, quantity, 'freeze');
}

export type NewBatch = {
  /** Chosen by the caller when another row must name the batch before it exists. */
  id?: string;
  type: ProductCodeType;
  /** County whose counter issues the code: the issuing subject's. */
  county: string;
  /** The subject the code is issued by (recorded on the code row). */
  issuerSubjectId: string;
  subjectId: string | null;
  holder?: Holder | null;
  regionCode: string;
  productId: string;
  source: 'own' | 'purchase' | 'market_entry' | 'process' | 'split' | 'merge';
  quantity: number;
  unit: string;
  harvestDate: string | null;
  baseId?: string | null;
  selfCheck?: string;
  selfCheckNote?: string | null;
  createdBy: string;
};

/** A new node of the trace graph with its freshly issued code, in the caller's transaction. */
export async function insertBatch(tx: Tx, secretKey: string, b: NewBatch): Promise<{ id: string; code: string }> {
  const id = b.id ?? randomUUID();
  const [code] = await issueCodes(tx, codeKey(secretKey), { type: b.type, county: b.county, n: 1, subjectId: b.issuerSubjectId, batchId: id });
  await tx.insert(batches).values({
    id,
    code: code!,
    subjectId: b.subjectId,
    holder: b.holder ?? null,
    regionCode: b.regionCode,
    productId: b.productId,
    baseId: b.baseId ?? null,
    source: b.source,
    quantity: b.quantity,
    unit: b.unit,
    stock: b.quantity,
    harvestDate: b.harvestDate,
    selfCheck: b.selfCheck ?? 'none',
    selfCheckNote: b.selfCheckNote ?? null,
    createdBy: b.createdBy,
  });
  return { id, code: code! };
}

export async function linkBatches(tx: Tx, edges: { from: string; to: string; kind: 'trade' | 'market' | 'transform' | 'split' | 'merge'; quantity: number }[]) {
  if (edges.length) await tx.insert(batchEdges).values(edges.map((e) => ({ fromBatchId: e.from, toBatchId: e.to, kind: e.kind, quantity: e.quantity })));
}

/** The type digit of a code (1 生产批次码, 2 流通追溯码, 3 入市追溯凭证). */
export const codeType = (code: string) => Number(code[0]) as ProductCodeType;
