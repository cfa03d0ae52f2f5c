import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import type { TradeIn, TradeOut } from '../contracts.js';
import { recordTraceEvent } from './events.js';
import { batches, trades, type Holder } from '../schema.js';
import { insertReceivedBatch, ownBatchForUpdate, takeFromBatch, type BatchRow } from './stock.js';
import { tradeDetail } from './trade.queries.js';
import { sellToScannedBuyer } from './trade.scan.js';
import { assertQuarantineCert, explainRefusedDecision, shipmentColumns, withPhoneEncrypted, type TradeDeps } from './trade.common.js';

export { confirmTrade } from './trade.scan.js';
export type { TradeDeps } from './trade.common.js';

type TradeRow = typeof trades.$inferSelect;
type Shipment = Pick<TradeIn, 'carrier' | 'storage' | 'quarantineCert'>;

/**
 * 扫码交易: the seller sells from one of its batches. To a registered buyer (its scanned identity token) the
 * quantity is frozen and the buyer is notified to confirm (trade.scan.ts); to a buyer recorded by hand the goods
 * leave at once and the buyer's batch gets a type-2 code the seller prints. Either way concurrent sales of one
 * batch can never oversell: each takes its share by a guarded UPDATE or is refused, with the trade row.
 */
export async function createTrade(deps: TradeDeps, ctx: CommandContext, input: TradeIn): Promise<TradeOut> {
  const actor = subjectActorIn(ctx);
  if (input.buyerToken) return sellToScannedBuyer(deps, ctx, actor, { ...input, buyerToken: input.buyerToken });
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const batch = await ownBatchForUpdate(tx, actor.subject.id, input.batchId, input.unit);
    assertQuarantineCert(batch, input);
    const holder = withPhoneEncrypted(deps.pii, input.buyer!) as Holder;
    return (await shipToHolder(deps, tx, actor, batch, { ...input, kind: 'manual', holder, buyerSubjectId: null })).tradeId;
  });
  return tradeDetail(deps.db, deps.pii, actor, id);
}

/**
 * Goods that leave at once to a holder who confirms nothing: a buyer recorded by hand (type-2 code) or a market
 * (入市, type-3 voucher). The receiving batch is issued by the seller, in the seller's county.
 */
export async function shipToHolder(
  deps: Pick<TradeDeps, 'config' | 'pii'>,
  tx: Tx,
  actor: SubjectActor,
  batch: BatchRow,
  s: Shipment & { kind: 'manual' | 'market'; holder: Holder; buyerSubjectId: string | null; buyerRegionCode?: string; quantity: number; unit: string },
) {
  await takeFromBatch(tx, batch.id, s.quantity, 'ship');
  const received = await insertReceivedBatch(
    tx,
    deps.config.secretKey,
    {
      type: s.kind === 'market' ? 3 : 2,
      county: actor.subject.regionCode.slice(0, 6),
      issuerSubjectId: actor.subject.id,
      subjectId: s.buyerSubjectId,
      holder: s.buyerSubjectId ? null : s.holder,
      regionCode: s.buyerRegionCode ?? actor.subject.regionCode,
      source: s.kind === 'market' ? 'market_entry' : 'purchase',
      edgeKind: s.kind === 'market' ? 'market' : 'trade',
      createdBy: actor.userId,
    },
    { fromBatchId: batch.id, productId: batch.productId, quantity: s.quantity, unit: s.unit, harvestDate: batch.harvestDate, animal: batch.animal ?? null },
  );
  const [trade] = await tx
    .insert(trades)
    .values({
      kind: s.kind,
      sellerSubjectId: actor.subject.id,
      buyerSubjectId: s.buyerSubjectId,
      counterparty: s.holder,
      batchId: batch.id,
      quantity: s.quantity,
      unit: s.unit,
      ...shipmentColumns(deps.pii, s),
      status: 'confirmed',
      buyerBatchId: received.id,
      decidedAt: new Date(),
    })
    .returning({ id: trades.id });
  await recordTraceEvent(tx, actor, { eventType: 'TransactionEvent', action: 'ADD', bizStep: s.kind === 'market' ? 'accepting' : 'shipping', disposition: s.kind === 'market' ? 'sellable_accessible' : 'in_transit' }, [batch.code, received.code], {
    tradeId: trade!.id,
    kind: s.kind,
    fromBatchId: batch.id,
    toBatchId: received.id,
    holder: s.holder.name,
    marketKind: s.holder.marketKind ?? null,
    quantity: s.quantity,
    unit: s.unit,
  });
  return { tradeId: trade!.id, received };
}

/**
 * Decides a pending trade addressed to (or sent by) the actor in one guarded UPDATE — the row lock, the status
 * check and the decision at once; when nothing matched, says why (not the actor's, or no longer pending).
 */
async function decideTrade(tx: Tx, id: string, side: 'buyer' | 'seller', subjectId: string, decision: Partial<typeof trades.$inferInsert>): Promise<TradeRow> {
  const party = side === 'buyer' ? eq(trades.buyerSubjectId, subjectId) : eq(trades.sellerSubjectId, subjectId);
  const [t] = await tx
    .update(trades)
    .set({ ...decision, decidedAt: new Date() })
    .where(and(eq(trades.id, id), party, eq(trades.status, 'pending')))
    .returning();
  return t ?? explainRefusedDecision(tx, id, side, subjectId);
}

/** The buyer rejects, or the seller cancels before confirmation: the frozen quantity is released. */
export async function endTrade(deps: TradeDeps, ctx: CommandContext, id: string, how: 'reject' | 'cancel', reason: string) {
  const actor = subjectActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const status = how === 'reject' ? 'rejected' : 'cancelled';
    const t = await decideTrade(tx, id, how === 'reject' ? 'buyer' : 'seller', actor.subject.id, { status, reason });
    const [batch] = await tx
      .update(batches)
      .set({ frozen: sql`${batches.frozen} - ${t.quantity}` })
      .where(eq(batches.id, t.batchId))
      .returning({ code: batches.code });
    const other = how === 'reject' ? t.sellerSubjectId : t.buyerSubjectId!;
    await recordTraceEvent(
      tx,
      actor,
      { eventType: 'TransactionEvent', action: 'DELETE', bizStep: how === 'reject' ? 'receiving' : 'void_shipping', disposition: how === 'reject' ? 'returned' : 'cancelled' },
      [batch!.code],
      { tradeId: id, reason },
      { notifier: deps.notifier, notice: { topic: `subject:${other}`, type: how === 'reject' ? 'trade.rejected' : 'trade.cancelled', id } },
    );
  });
  return tradeDetail(deps.db, deps.pii, actor, id);
}
