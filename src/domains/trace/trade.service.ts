import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../platform/auth/actor.js';
import type { Config } from '../../platform/config.js';
import type { Db, Tx } from '../../platform/db/client.js';
import type { Notifier } from '../../platform/notify/notifier.js';
import type { Pii } from '../../platform/pii/pii.js';
import { withTransaction } from '../../platform/db/tx.js';
import { subjectActorIn } from '../../platform/http/context.js';
import { subjectOfIdentityToken } from '../registry/index.js';
import type { TradeIn } from './contracts.js';
import { traceError } from './errors.js';
import { recordTraceEvent } from './events.js';
import { batches, trades, type Holder } from './schema.js';
import { freezeOwnBatch, insertBatch, linkBatches, ownBatchForUpdate, takeFromBatch, type BatchRow } from './stock.js';
import { tradeDetail } from './trade.queries.js';

export type TradeDeps = { db: Db; config: Config; pii: Pii; notifier: Notifier };
type TradeRow = typeof trades.$inferSelect;
type Shipment = Pick<TradeIn, 'carrier' | 'storage' | 'quarantineCert'>;

/** The driver's and a hand-recorded buyer's phones are personal data: kept encrypted like every phone (DESIGN.md §7). */
export const withPhoneEncrypted = <T extends { phone?: string | undefined }>(pii: Pii, v: T | undefined): T | null =>
  v ? { ...v, ...(v.phone ? { phone: pii.encrypt(v.phone) } : {}) } : null;

export const shipmentColumns = (pii: Pii, s: Shipment) => ({
  carrier: withPhoneEncrypted(pii, s.carrier) as Record<string, string> | null,
  storage: s.storage ?? null,
  quarantineCert: s.quarantineCert ?? null,
});

/** Live animals (counted per head or bird) travel with their animal quarantine certificate (动物检疫合格证明). */
const LIVE_ANIMAL_UNITS = new Set(['head', 'bird']);
export function assertQuarantineCert(batch: BatchRow, s: Shipment) {
  if (LIVE_ANIMAL_UNITS.has(batch.unit) && !s.quarantineCert) throw traceError('QUARANTINE_CERT_REQUIRED');
}

/** A registered counterparty found by the token of its electronic identity (not oneself). */
export async function counterpartyByToken(deps: Pick<TradeDeps, 'db'>, actor: SubjectActor, token: string) {
  const party = await subjectOfIdentityToken(deps, token);
  if (!party) throw traceError('BUYER_NOT_FOUND');
  if (party.id === actor.subject.id) throw traceError('TRADE_TO_SELF');
  return party;
}

/**
 * 扫码交易: the seller sells from one of its batches. To a registered buyer (its scanned identity token) the
 * quantity is frozen by one guarded UPDATE and the buyer is notified to confirm; to a buyer recorded by hand the
 * goods leave at once and the buyer's batch gets a type-2 code the seller prints. Either way concurrent sales of
 * one batch can never oversell: each takes its share or is refused, in the transaction of the trade row.
 */
export async function createTrade(deps: TradeDeps, ctx: CommandContext, input: TradeIn) {
  const actor = subjectActorIn(ctx);
  const buyer = input.buyerToken ? await counterpartyByToken(deps, actor, input.buyerToken) : null;
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    if (buyer) {
      const batch = await freezeOwnBatch(tx, actor.subject.id, input.batchId, input.unit, input.quantity);
      assertQuarantineCert(batch, input);
      const [trade] = await tx
        .insert(trades)
        .values({ kind: 'scan', sellerSubjectId: actor.subject.id, buyerSubjectId: buyer.id, batchId: batch.id, quantity: input.quantity, unit: input.unit, ...shipmentColumns(deps.pii, input), status: 'pending' })
        .returning();
      await recordTraceEvent(
        tx,
        actor,
        { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'shipping', disposition: 'in_transit' },
        [batch.code],
        { tradeId: trade!.id, buyerSubjectId: buyer.id, quantity: input.quantity, unit: input.unit },
        { notifier: deps.notifier, notice: { topic: `subject:${buyer.id}`, type: 'trade.created', id: trade!.id } },
      );
      return trade!.id;
    }
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
  const received = await insertBatch(tx, deps.config.secretKey, {
    type: s.kind === 'market' ? 3 : 2,
    county: actor.subject.regionCode.slice(0, 6),
    issuerSubjectId: actor.subject.id,
    subjectId: s.buyerSubjectId,
    holder: s.buyerSubjectId ? null : s.holder,
    regionCode: s.buyerRegionCode ?? actor.subject.regionCode,
    productId: batch.productId,
    source: s.kind === 'market' ? 'market_entry' : 'purchase',
    quantity: s.quantity,
    unit: s.unit,
    harvestDate: batch.harvestDate,
    createdBy: actor.userId,
  });
  await linkBatches(tx, [{ from: batch.id, to: received.id, kind: s.kind === 'market' ? 'market' : 'trade', quantity: s.quantity }]);
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
  if (t) return t;
  const [other] = await tx.select({ status: trades.status }).from(trades).where(and(eq(trades.id, id), party));
  throw other ? traceError('TRADE_NOT_PENDING', { status: other.status }) : traceError('TRADE_NOT_FOUND');
}

/** The buyer confirms: the seller's stock goes down, and the buyer gets its own batch (采购) with a type-2 code. */
export async function confirmTrade(deps: TradeDeps, ctx: CommandContext, id: string) {
  const actor = subjectActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const buyerBatchId = randomUUID();
    const t = await decideTrade(tx, id, 'buyer', actor.subject.id, { status: 'confirmed', buyerBatchId });
    const [seller] = await tx
      .update(batches)
      .set({ stock: sql`${batches.stock} - ${t.quantity}`, frozen: sql`${batches.frozen} - ${t.quantity}` })
      .where(eq(batches.id, t.batchId))
      .returning();
    const received = await insertBatch(tx, deps.config.secretKey, {
      id: buyerBatchId,
      type: 2,
      county: actor.subject.regionCode.slice(0, 6),
      issuerSubjectId: actor.subject.id,
      subjectId: actor.subject.id,
      regionCode: actor.subject.regionCode,
      productId: seller!.productId,
      source: 'purchase',
      quantity: t.quantity,
      unit: t.unit,
      harvestDate: seller!.harvestDate,
      createdBy: actor.userId,
    });
    await linkBatches(tx, [{ from: t.batchId, to: received.id, kind: 'trade', quantity: t.quantity }]);
    await recordTraceEvent(
      tx,
      actor,
      { eventType: 'TransactionEvent', action: 'ADD', bizStep: 'receiving', disposition: 'in_progress' },
      [seller!.code, received.code],
      { tradeId: id, fromBatchId: t.batchId, toBatchId: received.id, quantity: t.quantity, unit: t.unit },
      { notifier: deps.notifier, notice: { topic: `subject:${t.sellerSubjectId}`, type: 'trade.confirmed', id } },
    );
  });
  return tradeDetail(deps.db, deps.pii, actor, id);
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
