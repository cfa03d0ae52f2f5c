import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn, subjectActorIn } from '../../platform/http/context.js';
import { ownAlert } from './alert.queries.js';
import type { RecallNoticeOut, RecallOrderOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { endHolds } from './failure.service.js';
import { noticeDetail, noticeOf, orderDetail } from './recall.queries.js';
import { batchHolds, recallOrders } from './schema.js';

// 召回/下架: the county supervision agency a failed sample's alert reached turns the held batches into a recall order;
// each holder (or the market operator that reaches it) gets a notice at once, acknowledges it and reports what it
// withdrew, destroyed or returned; the county releases the batches when it is done.

function assertIssuer(actor: ReturnType<typeof agencyActorIn>): void {
  if (actor.agency.kind !== 'supervision' || actor.agency.level !== 'county') throw monitoringError('RECALL_NOT_ISSUER');
}

/** Issues the order for the alert's sample, once (whichever county agency alerted issues it first). */
export async function issueRecallOrder(deps: MonitoringDeps, ctx: CommandContext, alertId: string, input: { kind: 'recall' | 'withdraw'; instructions: string; dueOn?: string | undefined }): Promise<RecallOrderOut> {
  const actor = agencyActorIn(ctx);
  const alert = await ownAlert(deps.db, actor, alertId);
  assertIssuer(actor);
  const orderId = await withTransaction(deps.db, ctx, async (tx) => {
    const [order] = await tx
      .insert(recallOrders)
      .values({ sampleId: alert.sampleId, alertId, agencyId: actor.agency.id, agencyRegion: actor.agency.regionCode, kind: input.kind, instructions: input.instructions, dueOn: input.dueOn ?? null, issuedBy: actor.userId, issuedByName: actor.displayName })
      .onConflictDoNothing()
      .returning({ id: recallOrders.id });
    if (!order) throw monitoringError('RECALL_ORDER_EXISTS');
    const holds = await tx
      .update(batchHolds)
      .set({ orderId: order.id })
      .where(and(eq(batchHolds.sampleId, alert.sampleId), eq(batchHolds.status, 'held')))
      .returning({ id: batchHolds.id, subjectId: batchHolds.subjectId, marketSubjectId: batchHolds.marketSubjectId });
    if (!holds.length) throw monitoringError('NOTHING_HELD');
    // Each holder's console hears of it at once (and whatever follows the notifier: phones, webhooks); a holder
    // without a phone on record is reached through the market operator its goods came through.
    for (const h of holds) {
      const to = h.subjectId ?? h.marketSubjectId;
      if (to) await deps.notifier.publish(tx, { topic: `subject:${to}`, type: 'recall.notice', id: h.id });
    }
    await recordAudit(tx, ctx, {
      action: 'monitoring.recall_order',
      targetType: 'recall_order',
      targetId: order.id,
      regionCode: actor.agency.regionCode,
      after: { sampleId: alert.sampleId, kind: input.kind, holders: holds.length, notified: holds.filter((h) => h.subjectId ?? h.marketSubjectId).length },
    });
    return order.id;
  });
  return orderDetail(deps.db, actor, orderId);
}

/**
 * 解除: the county agency alerted lets the batches its sample holds go (they can be sold again), with its reason; the
 * order, if any, is closed. The failed batch itself stays failed: a test result is changed only by a correction.
 */
export async function releaseHolds(deps: MonitoringDeps, ctx: CommandContext, alertId: string, note: string): Promise<{ released: number }> {
  const actor = agencyActorIn(ctx);
  const alert = await ownAlert(deps.db, actor, alertId);
  assertIssuer(actor);
  return withTransaction(deps.db, ctx, async (tx) => {
    const released = await endHolds(tx, alert.sampleId, 'released', actor.userId, note);
    if (!released) throw monitoringError('NOTHING_HELD');
    await recordAudit(tx, ctx, { action: 'monitoring.release', targetType: 'sample', targetId: alert.sampleId, regionCode: actor.agency.regionCode, after: { released, note } });
    return { released };
  });
}

/** A notice of the actor's (its own hold or one it reaches as market operator), locked; its order still open. */
async function lockNotice(tx: Parameters<Parameters<typeof withTransaction>[2]>[0], actor: ReturnType<typeof subjectActorIn>, id: string) {
  const [row] = await tx
    .select({ h: batchHolds, closedAt: recallOrders.closedAt })
    .from(batchHolds)
    .innerJoin(recallOrders, eq(recallOrders.id, batchHolds.orderId))
    .where(and(eq(batchHolds.id, id), isNotNull(batchHolds.orderId), noticeOf(actor)))
    .for('update', { of: batchHolds });
  if (!row) throw monitoringError('RECALL_NOTICE_NOT_FOUND');
  if (row.closedAt) throw monitoringError('RECALL_ORDER_CLOSED');
  return row.h;
}

/** 签收: once; a repeated acknowledgement changes nothing. */
export async function acknowledgeNotice(deps: MonitoringDeps, ctx: CommandContext, id: string): Promise<RecallNoticeOut> {
  const actor = subjectActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const hold = await lockNotice(tx, actor, id);
    if (hold.acknowledgedAt) return;
    await tx.update(batchHolds).set({ acknowledgedAt: new Date(), acknowledgedBy: actor.userId, acknowledgedByName: actor.displayName }).where(eq(batchHolds.id, id));
    await recordAudit(tx, ctx, { action: 'monitoring.recall_ack', targetType: 'batch_hold', targetId: id, regionCode: actor.subject.regionCode, after: { orderId: hold.orderId, batchId: hold.batchId } });
  });
  return noticeDetail(deps.db, actor, id);
}

/** 处置上报: the quantities withdrawn, destroyed and returned, at most what was held; a later report replaces it. */
export async function reportNotice(deps: MonitoringDeps, ctx: CommandContext, id: string, input: { withdrawn: number; destroyed: number; returned: number; note?: string | undefined }): Promise<RecallNoticeOut> {
  const actor = subjectActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const hold = await lockNotice(tx, actor, id);
    if (!hold.acknowledgedAt) throw monitoringError('NOTICE_NOT_ACKNOWLEDGED');
    const total = Math.round((input.withdrawn + input.destroyed + input.returned) * 1000) / 1000;
    if (total > hold.quantity) throw monitoringError('RECALL_QUANTITY_EXCEEDS', { total, held: hold.quantity });
    await tx
      .update(batchHolds)
      .set({ withdrawn: input.withdrawn, destroyed: input.destroyed, returned: input.returned, reportNote: input.note ?? null, reportedAt: new Date(), reportedBy: actor.userId, reportedByName: actor.displayName })
      .where(eq(batchHolds.id, id));
    await recordAudit(tx, ctx, {
      action: 'monitoring.recall_report',
      targetType: 'batch_hold',
      targetId: id,
      regionCode: actor.subject.regionCode,
      before: { withdrawn: hold.withdrawn, destroyed: hold.destroyed, returned: hold.returned },
      after: { withdrawn: input.withdrawn, destroyed: input.destroyed, returned: input.returned, note: input.note ?? null },
    });
  });
  return noticeDetail(deps.db, actor, id);
}

/** How many open notices a subject has not acknowledged (the console's badge). */
export async function unansweredNotices(deps: MonitoringDeps, ctx: CommandContext): Promise<number> {
  const actor = subjectActorIn(ctx);
  const [row] = await deps.db
    .select({ n: count() })
    .from(batchHolds)
    .innerJoin(recallOrders, eq(recallOrders.id, batchHolds.orderId))
    .where(and(noticeOf(actor), isNull(batchHolds.acknowledgedAt), isNull(recallOrders.closedAt)));
  return Number(row?.n ?? 0);
}
