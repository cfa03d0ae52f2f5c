import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { codeKey, issueCodes, reserveCode } from '../codes/code-issue.service.js';
import type { ProductCodeType } from '../codes/codes.js';
import { traceError } from '../errors.js';
import { subtractQuantity } from '../quantity.shared.js';
import type { AnimalDetails } from '../animal.shared.js';
import { batches, batchEdges, type Holder } from '../schema.js';

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
  return movable(batch, batchId, unit);
}

/** The subject's batch it may move goods from: active, counted in the unit given. */
function movable(batch: BatchRow | undefined, batchId: string, unit?: string): BatchRow {
  if (batch?.status === 'held') throw traceError('BATCH_HELD', { batchId });
  if (batch?.status === 'failed') throw traceError('BATCH_FAILED', { batchId });
  if (batch?.status === 'voided') throw traceError('BATCH_VOIDED', { batchId, voidedAt: batch.voidedAt?.toISOString() ?? null });
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
  throw traceError('INSUFFICIENT_STOCK', { batchId, available: now ? subtractQuantity(now.stock, now.frozen) : 0, requested: quantity });
}

/**
 * A sale's freeze as the body of a CTE, for a sale written as one statement: the subject's active batch in its
 * unit, checked and frozen by the same guarded UPDATE (the row lock included), and only when `also` holds.
 * Answers the batch's id, code and product; no row means refused, and explainRefusedFreeze says why.
 */
export function freezeSql(f: { subjectId: string; batchId: string; unit: string; quantity: number; also: SQL }): SQL {
  return sql`UPDATE batches SET frozen = frozen + ${f.quantity}::numeric
    WHERE id = ${f.batchId}::uuid AND subject_id = ${f.subjectId}::uuid AND status = 'active' AND unit = ${f.unit}::text
      AND stock - frozen >= ${f.quantity}::numeric AND ${f.also}
    RETURNING id, code, product_id, unit`;
}

/** Why a freeze was refused: not the subject's batch, another unit, or not enough free stock; the batch otherwise. */
export async function explainRefusedFreeze(db: Executor, subjectId: string, batchId: string, unit: string, quantity: number): Promise<BatchRow> {
  const [row] = await db
    .select()
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.subjectId, subjectId)));
  const batch = movable(row, batchId, unit);
  const available = subtractQuantity(batch.stock, batch.frozen);
  if (available < quantity) throw traceError('INSUFFICIENT_STOCK', { batchId, available, requested: quantity });
  return batch;
}

/**
 * A confirmed sale's frozen quantity leaving the seller's batch, as the body of a CTE: `trade` names the CTE of
 * the confirmed trade row (batch_id, quantity). Answers the batch's id, code, product and harvest date.
 */
export function shipFrozenSql(trade: SQL): SQL {
  return sql`UPDATE batches b SET stock = b.stock - ${trade}.quantity, frozen = b.frozen - ${trade}.quantity
    FROM ${trade} WHERE b.id = ${trade}.batch_id
    RETURNING b.id, b.code, b.product_id, b.harvest_date, b.animal`;
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
  /** Species, tissue, slaughter and quarantine details: a batch of an animal product keeps its source's. */
  animal?: AnimalDetails | null;
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
    animal: b.animal ?? null,
    selfCheck: b.selfCheck ?? 'none',
    selfCheckNote: b.selfCheckNote ?? null,
    createdBy: b.createdBy,
  });
  return { id, code: code! };
}

/**
 * A received batch (采购, 入市): the code, the batch and the edge from the seller's batch, as CTEs of one statement —
 * the one place such a batch is written, by a confirmation's statement (the quantity, unit, product and harvest date
 * being expressions over its CTEs named in `from`) and by insertReceivedBatch. The code comes from nextCode or
 * reserveCode.
 */
type ReceivedBatch = Omit<NewBatch, 'id' | 'quantity' | 'unit' | 'productId' | 'harvestDate' | 'animal' | 'baseId' | 'selfCheck' | 'selfCheckNote'> & { edgeKind: 'trade' | 'market' };
export function receivedBatchCtes(
  b: ReceivedBatch & { id: string; code: string; counter: number },
  v: { from: SQL; fromBatchId: SQL; productId: SQL; quantity: SQL; unit: SQL; harvestDate: SQL; animal: SQL },
): SQL {
  return sql`new_code AS (INSERT INTO trace_codes (code, type, county, province, counter, subject_id, batch_id)
      SELECT ${b.code}::text, ${b.type}::smallint, ${b.county}::text, ${b.county.slice(0, 2)}::text, ${b.counter}::bigint, ${b.issuerSubjectId}::uuid, ${b.id}::uuid FROM ${v.from}),
    new_batch AS (INSERT INTO batches (id, code, subject_id, holder, region_code, product_id, source, quantity, unit, stock, harvest_date, animal, self_check, created_by)
      SELECT ${b.id}::uuid, ${b.code}::text, ${b.subjectId}::uuid, ${b.holder ? JSON.stringify(b.holder) : null}::jsonb, ${b.regionCode}::text, ${v.productId}, ${b.source}::text,
             ${v.quantity}, ${v.unit}, ${v.quantity}, ${v.harvestDate}, ${v.animal}, 'none', ${b.createdBy}::uuid FROM ${v.from}),
    new_edge AS (INSERT INTO batch_edges (from_batch_id, to_batch_id, kind, quantity) SELECT ${v.fromBatchId}, ${b.id}::uuid, ${b.edgeKind}::text, ${v.quantity} FROM ${v.from})`;
}

/** A received batch of known quantity (a sale shipped at once), written by receivedBatchCtes in the caller's transaction. */
export async function insertReceivedBatch(
  tx: Tx,
  secretKey: string,
  b: ReceivedBatch,
  v: { fromBatchId: string; productId: string; quantity: number; unit: string; harvestDate: string | null; animal: AnimalDetails | null },
): Promise<{ id: string; code: string }> {
  const issued = await reserveCode(tx, codeKey(secretKey), b.type, b.county);
  const id = randomUUID();
  await tx.execute(sql`WITH source AS (SELECT 1),
    ${receivedBatchCtes(
      { ...b, id, code: issued.code, counter: issued.counter },
      { from: sql`source`, fromBatchId: sql`${v.fromBatchId}::uuid`, productId: sql`${v.productId}::uuid`, quantity: sql`${v.quantity}::numeric`, unit: sql`${v.unit}::text`, harvestDate: sql`${v.harvestDate}::date`, animal: sql`${v.animal ? JSON.stringify(v.animal) : null}::jsonb` },
    )}
    SELECT 1`);
  return { id, code: issued.code };
}

export async function linkBatches(tx: Tx, edges: { from: string; to: string; kind: 'trade' | 'market' | 'transform' | 'split' | 'merge'; quantity: number }[]) {
  if (edges.length) await tx.insert(batchEdges).values(edges.map((e) => ({ fromBatchId: e.from, toBatchId: e.to, kind: e.kind, quantity: e.quantity })));
}

/** The type digit of a code (1 生产批次码, 2 流通追溯码, 3 入市追溯凭证). */
export const codeType = (code: string) => Number(code[0]) as ProductCodeType;
