import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { traceError } from '../errors.js';
import { recordTraceEvent } from './events.js';
import { subtractQuantity } from '../quantity.shared.js';
import { batches, tradeReturns, trades } from '../schema.js';
import { takeFromBatch } from './stock.js';
import { tradeDetail } from './trade.queries.js';
import type { TradeDeps } from './trade.service.js';

/**
 * 退货: goods go back along a completed trade, with the reason. The buyer records it when it is on the platform
 * (the goods leave its batch); for a buyer recorded by hand or a market off the platform, the seller does. The
 * receiving batch's stock must still hold the quantity, the trade can take back at most what it carried, and
 * the seller's batch gets the quantity back — all in one transaction.
 */
export async function recordReturn(deps: TradeDeps, ctx: CommandContext, input: { tradeId: string; quantity: number; reason: string }) {
  const actor = subjectActorIn(ctx);
  const me = actor.subject.id;
  const saved = await withTransaction(deps.db, ctx, async (tx) => {
    const [t] = await tx.select().from(trades).where(eq(trades.id, input.tradeId)).for('update');
    const mayRecord = t && (t.buyerSubjectId ? t.buyerSubjectId === me : t.sellerSubjectId === me);
    if (!t || !mayRecord) throw traceError('TRADE_NOT_FOUND');
    if (t.status !== 'confirmed' || !t.buyerBatchId) throw traceError('TRADE_NOT_CONFIRMED', { status: t.status });
    const [counted] = await tx
      .update(trades)
      .set({ returned: sql`${trades.returned} + ${input.quantity}` })
      .where(and(eq(trades.id, t.id), sql`${trades.returned} + ${input.quantity} <= ${trades.quantity}`))
      .returning({ returned: trades.returned });
    if (!counted) throw traceError('RETURN_EXCEEDS', { returnable: subtractQuantity(t.quantity, t.returned), requested: input.quantity });
    const received = await takeFromBatch(tx, t.buyerBatchId, input.quantity, 'ship');
    const [origin] = await tx
      .update(batches)
      .set({ stock: sql`${batches.stock} + ${input.quantity}` })
      .where(eq(batches.id, t.batchId))
      .returning({ code: batches.code });
    const [row] = await tx.insert(tradeReturns).values({ tradeId: t.id, quantity: input.quantity, reason: input.reason, recordedBy: actor.userId }).returning();
    const other = me === t.sellerSubjectId ? t.buyerSubjectId : t.sellerSubjectId;
    await recordTraceEvent(
      tx,
      actor,
      { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'shipping', disposition: 'returned' },
      [received.code, origin!.code],
      { tradeId: t.id, returnId: row!.id, quantity: input.quantity, unit: t.unit, reason: input.reason },
      other ? { notifier: deps.notifier, notice: { topic: `subject:${other}`, type: 'trade.returned', id: t.id } } : undefined,
    );
    return row!;
  });
  return { id: saved.id, tradeId: saved.tradeId, quantity: saved.quantity, reason: saved.reason, createdAt: saved.createdAt, trade: await tradeDetail(deps.db, deps.pii, actor, saved.tradeId) };
}
