import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import type { Db, Executor, Tx } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { todayInChina } from '../../../platform/china-time.js';
import { batchDetail } from '../batches/batch.service.js';
import type { BatchCorrectionIn } from './correction.contracts.js';
import { changedFields, recordCorrection } from './correction-history.js';
import { traceError } from '../errors.js';
import { recordTraceEvent } from '../movements/events.js';
import { fromMilli, toMilli } from '../quantity.shared.js';
import { batches, batchInputs, productionBases, products, traceEvents } from '../schema.js';
import { MAX_TRACE_DEPTH } from '../graph/trace-graph.contracts.js';

// 批次更正与作废 (issue 15 §5). A batch of the subject's own production is corrected while nothing depends on the
// field: its product until it is traded, certified or tested; its base and self-check until a certificate states
// them; its quantity never below what left it, waits for a buyer or was certified. Otherwise it is voided (作废)
// with a reason, which only a batch whose goods reached nobody can be. Received batches (bought, processed, split)
// take their quantities from the movement that made them and are corrected through it (a return, a cancellation).

type Deps = { db: Db };
type BatchRow = typeof batches.$inferSelect;

async function ownBatchToCorrect(tx: Tx, subjectId: string, batchId: string): Promise<BatchRow> {
  const [b] = await tx
    .select()
    .from(batches)
    .where(and(eq(batches.id, batchId), eq(batches.subjectId, subjectId)))
    .for('update');
  if (!b) throw traceError('BATCH_NOT_FOUND');
  if (b.status === 'voided') throw traceError('BATCH_VOIDED', { voidedAt: b.voidedAt?.toISOString() ?? null });
  if (b.source !== 'own') throw traceError('BATCH_NOT_CORRECTABLE', { because: 'received', source: b.source });
  if (b.status !== 'active') throw traceError('BATCH_NOT_CORRECTABLE', { because: 'status', status: b.status });
  return b;
}

/** Trades that are waiting for their buyer or went through, and processing or splits that took from the batch. */
async function downstreamCount(db: Executor, batchId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT ((SELECT count(*) FROM trades WHERE batch_id = ${batchId}::uuid AND status IN ('pending', 'confirmed'))
              + (SELECT count(*) FROM batch_edges e WHERE e.from_batch_id = ${batchId}::uuid
                   AND NOT EXISTS (SELECT 1 FROM trades t WHERE t.buyer_batch_id = e.to_batch_id)))::int AS n`,
  );
  return Number(row?.n ?? 0);
}

/** The largest quantity a 承诺达标合格证 of the batch stated (0 when none was issued). */
async function largestCertified(db: Executor, b: BatchRow): Promise<number> {
  if (!b.certifiedAt) return 0;
  const [row] = await db
    .select({ q: sql<string | number | null>`max((${traceEvents.detail}->>'quantity')::numeric)` })
    .from(traceEvents)
    .where(and(sql`${traceEvents.codes} @> ARRAY[${b.code}]::varchar[]`, sql`${traceEvents.detail} ? 'certificate'`));
  return Number(row?.q ?? 0);
}

/**
 * The public chains (public_chains) of the batch and of every batch downstream of it, nearest first: each stored
 * chain repeats the facts of the batches it came from, and a chain one hop further is built from its source's.
 */
async function refreshChainsFrom(tx: Tx, batchId: string): Promise<void> {
  const rows = await queryRows<{ id: string; depth: number }>(
    tx,
    sql`WITH RECURSIVE down(id, depth) AS (
          SELECT ${batchId}::uuid, 0
          UNION
          SELECT e.to_batch_id, d.depth + 1 FROM down d JOIN batch_edges e ON e.from_batch_id = d.id WHERE d.depth < ${MAX_TRACE_DEPTH}
        )
        SELECT id::text AS id, min(depth)::int AS depth FROM down GROUP BY id ORDER BY 2`,
  );
  const byDepth = new Map<number, string[]>();
  for (const r of rows) byDepth.set(Number(r.depth), [...(byDepth.get(Number(r.depth)) ?? []), r.id]);
  for (const [, ids] of [...byDepth].sort(([a], [b]) => a - b)) await tx.execute(sql`SELECT refresh_public_chains(${`{${ids.join(',')}}`}::uuid[])`);
}

const selfCheckOf = (b: BatchRow) => (b.selfCheckNote ? { result: b.selfCheck, note: b.selfCheckNote } : { result: b.selfCheck });

/** 批次更正: changes the fields given that nothing depends on; the rest of the batch and its code stay as they are. */
export async function correctBatch(deps: Deps, ctx: CommandContext, batchId: string, input: BatchCorrectionIn) {
  const actor = subjectActorIn(ctx);
  const { reason, ...fields } = input;
  await withTransaction(deps.db, ctx, async (tx) => {
    const b = await ownBatchToCorrect(tx, actor.subject.id, batchId);
    const current = { quantity: b.quantity, harvestDate: b.harvestDate, productId: b.productId, baseId: b.baseId, selfCheck: selfCheckOf(b) };
    const { before, after } = changedFields<typeof current>(current, fields as Partial<typeof current>);
    // A correction to what the batch already says changes nothing and records nothing (a retry without its key).
    if (!Object.keys(after).length) return;

    if (after.productId !== undefined) {
      if ((await downstreamCount(tx, b.id)) > 0) throw traceError('FIELD_IN_USE', { field: 'productId', because: 'trades' });
      if (b.certifiedAt) throw traceError('FIELD_IN_USE', { field: 'productId', because: 'certificate' });
      if (b.testedAt) throw traceError('FIELD_IN_USE', { field: 'productId', because: 'tested' });
      const [p] = await tx.select().from(products).where(and(eq(products.id, after.productId), eq(products.subjectId, actor.subject.id)));
      if (!p) throw traceError('PRODUCT_NOT_FOUND');
      if (p.status === 'voided') throw traceError('PRODUCT_VOIDED');
      if (p.unit !== b.unit) throw traceError('UNIT_MISMATCH', { expected: b.unit, given: p.unit });
    }
    if (after.baseId !== undefined) {
      if (b.certifiedAt) throw traceError('FIELD_IN_USE', { field: 'baseId', because: 'certificate' });
      if (b.testedAt) throw traceError('FIELD_IN_USE', { field: 'baseId', because: 'tested' });
      if (after.baseId) {
        const [base] = await tx.select().from(productionBases).where(and(eq(productionBases.id, after.baseId), eq(productionBases.subjectId, actor.subject.id)));
        if (!base) throw traceError('BASE_NOT_FOUND');
        if (base.status === 'voided') throw traceError('BASE_VOIDED');
      }
    }
    if (after.selfCheck !== undefined && b.certifiedAt) throw traceError('FIELD_IN_USE', { field: 'selfCheck', because: 'certificate' });
    if (after.harvestDate) {
      const harvested = after.harvestDate;
      if (harvested > todayInChina()) throw traceError('DATE_IN_FUTURE', { field: 'harvestDate' });
      const used = await tx.select({ name: batchInputs.name, appliedOn: batchInputs.appliedOn }).from(batchInputs).where(eq(batchInputs.batchId, b.id));
      const late = used.find((i) => i.appliedOn > harvested);
      if (late) throw traceError('INPUT_AFTER_HARVEST', { input: late.name });
    }
    if (after.quantity !== undefined) {
      // What left the batch (net of returns) and what waits for a buyer, in whole thousandths.
      const gone = toMilli(b.quantity) - toMilli(b.stock) + toMilli(b.frozen);
      const minimum = fromMilli(Math.max(gone, toMilli(await largestCertified(tx, b))));
      if (after.quantity < minimum) throw traceError('QUANTITY_BELOW_SHIPPED', { minimum, shipped: fromMilli(toMilli(b.quantity) - toMilli(b.stock)), frozen: b.frozen, unit: b.unit, requested: after.quantity });
    }

    await tx
      .update(batches)
      .set({
        ...(after.quantity !== undefined ? { quantity: after.quantity, stock: sql`${batches.stock} + (${after.quantity}::numeric - ${batches.quantity})` } : {}),
        ...(after.harvestDate !== undefined ? { harvestDate: after.harvestDate } : {}),
        ...(after.productId !== undefined ? { productId: after.productId } : {}),
        ...(after.baseId !== undefined ? { baseId: after.baseId } : {}),
        ...(after.selfCheck !== undefined ? { selfCheck: after.selfCheck.result, selfCheckNote: after.selfCheck.note ?? null } : {}),
      })
      .where(eq(batches.id, b.id));
    if (after.quantity !== undefined || after.harvestDate !== undefined || after.productId !== undefined || after.baseId !== undefined || after.selfCheck !== undefined) await refreshChainsFrom(tx, b.id);
    // The history names the product and base too, so that it reads without looking ids up.
    const named = async (productId?: string, baseId?: string | null) => ({
      ...(productId ? { productName: (await tx.select({ n: products.name }).from(products).where(eq(products.id, productId)))[0]?.n ?? null } : {}),
      ...(baseId !== undefined ? { baseName: baseId ? ((await tx.select({ n: productionBases.name }).from(productionBases).where(eq(productionBases.id, baseId)))[0]?.n ?? null) : null } : {}),
    });
    await recordCorrection(tx, ctx, actor, {
      target: 'batch',
      targetId: b.id,
      kind: 'edit',
      before: { ...before, ...(await named(before.productId, before.baseId)) },
      after: { ...after, ...(await named(after.productId, after.baseId)) },
      reason,
      regionCode: b.regionCode,
    });
  });
  return batchDetail(deps.db, actor, batchId);
}

/**
 * 批次作废: a batch recorded in error is withdrawn with a reason; its code stays on it and its public page says it
 * was voided, when and why. Refused while anything took goods from it: those goods are real and on someone's books.
 */
export async function voidBatch(deps: Deps, ctx: CommandContext, batchId: string, input: { reason: string }) {
  const actor = subjectActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const b = await ownBatchToCorrect(tx, actor.subject.id, batchId);
    const n = await downstreamCount(tx, b.id);
    if (n > 0) throw traceError('BATCH_HAS_DOWNSTREAM', { trades: n });
    const [row] = await tx
      .update(batches)
      .set({ status: 'voided', voidedAt: sql`now()`, voidReason: input.reason })
      .where(eq(batches.id, b.id))
      .returning({ voidedAt: batches.voidedAt });
    await recordTraceEvent(tx, actor, { eventType: 'ObjectEvent', action: 'DELETE', bizStep: 'decommissioning', disposition: 'inactive' }, [b.code], {
      batchId: b.id,
      voided: true,
      reason: input.reason,
    });
    await recordCorrection(tx, ctx, actor, {
      target: 'batch',
      targetId: b.id,
      kind: 'void',
      before: { status: b.status },
      after: { status: 'voided', voidedAt: row!.voidedAt },
      reason: input.reason,
      regionCode: b.regionCode,
    });
  });
  return batchDetail(deps.db, actor, batchId);
}
