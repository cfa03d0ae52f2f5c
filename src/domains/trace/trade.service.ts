import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../platform/auth/actor.js';
import type { Config } from '../../platform/config.js';
import type { Db, Tx } from '../../platform/db/client.js';
import type { Pii } from '../../platform/pii/pii.js';
import { withTransaction } from '../../platform/db/tx.js';
import { subjectActorIn } from '../../platform/http/context.js';
import { subjectOfIdentityToken } from '../registry/index.js';
import { codeKey, issueCodes } from './code-issue.service.js';
import type { TradeIn } from './contracts.js';
import { traceError } from './errors.js';
import { recordTraceEvent } from './events.js';
import { batchEdges, batches, trades } from './schema.js';

type Deps = { db: Db; config: Config; pii: Pii };
type TradeRow = typeof trades.$inferSelect;

const toTradeOut = (t: TradeRow, buyerBatchCode: string | null = null) => ({
  id: t.id,
  batchId: t.batchId,
  sellerSubjectId: t.sellerSubjectId,
  buyerSubjectId: t.buyerSubjectId,
  quantity: t.quantity,
  unit: t.unit,
  status: t.status,
  buyerBatchId: t.buyerBatchId,
  buyerBatchCode,
  reason: t.reason,
  createdAt: t.createdAt,
  decidedAt: t.decidedAt,
});

/**
 * 扫码交易: the seller sells from one of its batches to the buyer whose identity it scanned. The quantity is
 * frozen by one guarded UPDATE (stock − frozen must cover it), so concurrent sales of one batch can never
 * oversell: each either freezes its share or is refused, in the same transaction as the trade row.
 */
export async function createTrade(deps: Deps, ctx: CommandContext, input: TradeIn) {
  const actor = subjectActorIn(ctx);
  const buyer = await subjectOfIdentityToken(deps, input.buyerToken);
  if (!buyer) throw traceError('BUYER_NOT_FOUND');
  if (buyer.id === actor.subject.id) throw traceError('TRADE_TO_SELF');
  return withTransaction(deps.db, ctx, async (tx) => {
    const [batch] = await tx.select().from(batches).where(and(eq(batches.id, input.batchId), eq(batches.subjectId, actor.subject.id)));
    if (!batch || batch.status !== 'active') throw traceError('BATCH_NOT_FOUND');
    if (batch.unit !== input.unit) throw traceError('UNIT_MISMATCH', { expected: batch.unit, given: input.unit });
    const frozen = await tx
      .update(batches)
      .set({ frozen: sql`${batches.frozen} + ${input.quantity}` })
      .where(and(eq(batches.id, batch.id), sql`${batches.stock} - ${batches.frozen} >= ${input.quantity}`))
      .returning({ stock: batches.stock, frozen: batches.frozen });
    if (!frozen.length) {
      const [now] = await tx.select({ stock: batches.stock, frozen: batches.frozen }).from(batches).where(eq(batches.id, batch.id));
      throw traceError('INSUFFICIENT_STOCK', { available: now!.stock - now!.frozen, requested: input.quantity });
    }
    const [trade] = await tx
      .insert(trades)
      .values({
        sellerSubjectId: actor.subject.id,
        buyerSubjectId: buyer.id,
        batchId: batch.id,
        quantity: input.quantity,
        unit: input.unit,
        // The driver's phone is personal data: kept encrypted like every phone (DESIGN.md §7).
        carrier: input.carrier ? { ...input.carrier, ...(input.carrier.phone ? { phone: deps.pii.encrypt(input.carrier.phone) } : {}) } : null,
        storage: input.storage ?? null,
        quarantineCert: input.quarantineCert ?? null,
        status: 'pending',
      })
      .returning();
    await recordTraceEvent(tx, actor, { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'shipping', disposition: 'in_transit' }, [batch.code], {
      tradeId: trade!.id,
      buyerSubjectId: buyer.id,
      quantity: input.quantity,
      unit: input.unit,
    });
    return toTradeOut(trade!);
  });
}

/** The trade addressed to (or sent by) the actor, locked for its decision. */
async function lockTrade(tx: Tx, id: string, side: 'buyer' | 'seller', subjectId: string): Promise<TradeRow> {
  const [t] = await tx
    .select()
    .from(trades)
    .where(and(eq(trades.id, id), side === 'buyer' ? eq(trades.buyerSubjectId, subjectId) : eq(trades.sellerSubjectId, subjectId)))
    .for('update');
  if (!t) throw traceError('TRADE_NOT_FOUND');
  if (t.status !== 'pending') throw traceError('TRADE_NOT_PENDING', { status: t.status });
  return t;
}

/** The buyer confirms: the seller's stock goes down, and the buyer gets its own batch (采购) with a type-2 code. */
export async function confirmTrade(deps: Deps, ctx: CommandContext, id: string) {
  const actor = subjectActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const t = await lockTrade(tx, id, 'buyer', actor.subject.id);
    const [seller] = await tx
      .update(batches)
      .set({ stock: sql`${batches.stock} - ${t.quantity}`, frozen: sql`${batches.frozen} - ${t.quantity}` })
      .where(eq(batches.id, t.batchId))
      .returning();
    const buyerBatchId = randomUUID();
    const [code] = await issueCodes(tx, codeKey(deps.config.secretKey), { type: 2, county: actor.subject.regionCode.slice(0, 6), n: 1, subjectId: actor.subject.id, batchId: buyerBatchId });
    await tx.insert(batches).values({
      id: buyerBatchId,
      code: code!,
      subjectId: actor.subject.id,
      regionCode: actor.subject.regionCode,
      productId: seller!.productId,
      source: 'purchase',
      quantity: t.quantity,
      unit: t.unit,
      stock: t.quantity,
      harvestDate: seller!.harvestDate,
      selfCheck: 'none',
      createdBy: actor.userId,
    });
    await tx.insert(batchEdges).values({ fromBatchId: t.batchId, toBatchId: buyerBatchId, kind: 'trade', quantity: t.quantity });
    const [done] = await tx.update(trades).set({ status: 'confirmed', buyerBatchId, decidedAt: new Date() }).where(eq(trades.id, id)).returning();
    await recordTraceEvent(tx, actor, { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'receiving', disposition: 'in_progress' }, [seller!.code, code!], {
      tradeId: id,
      fromBatchId: t.batchId,
      toBatchId: buyerBatchId,
      quantity: t.quantity,
      unit: t.unit,
    });
    return toTradeOut(done!, code!);
  });
}

/** The buyer rejects, or the seller cancels before confirmation: the frozen quantity is released. */
export async function endTrade(deps: Deps, ctx: CommandContext, id: string, how: 'reject' | 'cancel', reason: string) {
  const actor = subjectActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const t = await lockTrade(tx, id, how === 'reject' ? 'buyer' : 'seller', actor.subject.id);
    const [batch] = await tx
      .update(batches)
      .set({ frozen: sql`${batches.frozen} - ${t.quantity}` })
      .where(eq(batches.id, t.batchId))
      .returning({ code: batches.code });
    const status = how === 'reject' ? 'rejected' : 'cancelled';
    const [done] = await tx.update(trades).set({ status, reason, decidedAt: new Date() }).where(eq(trades.id, id)).returning();
    await recordTraceEvent(tx, actor, { eventType: 'TransactionEvent', action: 'DELETE', bizStep: how === 'reject' ? 'receiving' : 'void_shipping', disposition: how === 'reject' ? 'returned' : 'cancelled' }, [batch!.code], {
      tradeId: id,
      reason,
    });
    return toTradeOut(done!);
  });
}
