import { and, asc, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { AgencyActor, SubjectActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { agencyNames, subjectNames } from '../registry/index.js';
import type { RecallHolderOut, RecallNoticeOut, RecallOrderOut } from './contracts.js';
import { monitoringError } from './errors.js';
import { batchHolds, recallOrders, samples } from './schema.js';
import { recallOrderVisibility } from './visibility.js';

// 召回/下架令 as the county reads it (every holder's answer, the totals, who has not answered) and as a holder reads
// its notices (its own holds, or those it reaches as the market operator of holders without a phone).

export type OrderRow = typeof recallOrders.$inferSelect;
type HoldRow = typeof batchHolds.$inferSelect;

const holdColumns = { h: batchHolds, marketName: sql<string | null>`(SELECT ${subjectNames.name} FROM ${subjectNames} WHERE ${subjectNames.id} = ${batchHolds.marketSubjectId})` };

const answerOf = (h: HoldRow): RecallHolderOut['answer'] => (h.reportedAt ? 'reported' : h.acknowledgedAt ? 'acknowledged' : 'unanswered');

function holderOut(h: HoldRow, marketName: string | null): RecallHolderOut {
  return {
    id: h.id,
    batchId: h.batchId,
    code: h.code,
    depth: h.depth,
    holderName: h.holderName,
    regionCode: h.regionCode,
    quantity: h.quantity,
    unit: h.unit,
    contactVia: h.contactVia as RecallHolderOut['contactVia'],
    marketName,
    status: h.status as RecallHolderOut['status'],
    answer: answerOf(h),
    acknowledgedAt: h.acknowledgedAt,
    acknowledgedByName: h.acknowledgedByName,
    withdrawn: h.withdrawn,
    destroyed: h.destroyed,
    returned: h.returned,
    reportNote: h.reportNote,
    reportedAt: h.reportedAt,
  };
}

/** The order, when the actor reads it (visibility.ts says who does); else the same 404 as for a missing one. */
export async function readableOrder(db: Executor, actor: AgencyActor, id: string): Promise<OrderRow> {
  const [order] = await db
    .select()
    .from(recallOrders)
    .where(and(eq(recallOrders.id, id), recallOrderVisibility.filter(actor)));
  if (!order) throw monitoringError('RECALL_ORDER_NOT_FOUND');
  return order;
}

export async function orderDetail(db: Executor, actor: AgencyActor, id: string): Promise<RecallOrderOut> {
  const order = await readableOrder(db, actor, id);
  const [[sample], holds, names] = await Promise.all([
    db.select({ sampleNo: samples.sampleNo, productName: samples.productName }).from(samples).where(eq(samples.id, order.sampleId)),
    db.select(holdColumns).from(batchHolds).where(eq(batchHolds.orderId, order.id)).orderBy(asc(batchHolds.depth), asc(batchHolds.code)),
    agencyNames(db, [order.agencyId]),
  ]);
  const holders = holds.map(({ h, marketName }) => holderOut(h, marketName));
  const byUnit = new Map<string, { unit: string; held: number; withdrawn: number; destroyed: number; returned: number }>();
  for (const h of holders) {
    const u = byUnit.get(h.unit) ?? { unit: h.unit, held: 0, withdrawn: 0, destroyed: 0, returned: 0 };
    u.held += h.quantity;
    u.withdrawn += h.withdrawn ?? 0;
    u.destroyed += h.destroyed ?? 0;
    u.returned += h.returned ?? 0;
    byUnit.set(h.unit, u);
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    id: order.id,
    sampleId: order.sampleId,
    sampleNo: sample?.sampleNo ?? '',
    productName: sample?.productName ?? '',
    agencyName: names.get(order.agencyId) ?? '',
    kind: order.kind as RecallOrderOut['kind'],
    instructions: order.instructions,
    dueOn: order.dueOn,
    issuedByName: order.issuedByName,
    issuedAt: order.issuedAt,
    closedAt: order.closedAt,
    closedHow: order.closedHow as RecallOrderOut['closedHow'],
    closeNote: order.closeNote,
    holders,
    totals: {
      holders: holders.length,
      acknowledged: holders.filter((h) => h.answer !== 'unanswered').length,
      reported: holders.filter((h) => h.answer === 'reported').length,
      unanswered: holders.filter((h) => h.answer === 'unanswered').length,
      byUnit: [...byUnit.values()].map((u) => ({ unit: u.unit, held: round(u.held), withdrawn: round(u.withdrawn), destroyed: round(u.destroyed), returned: round(u.returned) })),
    },
  };
}

/** The holds a subject answers for: its own, and those of holders it reaches as their market's operator. */
export const noticeOf = (actor: SubjectActor) => or(eq(batchHolds.subjectId, actor.subject.id), eq(batchHolds.marketSubjectId, actor.subject.id))!;

/** Most notices one list holds (newest first). */
const MAX_NOTICES = 200;

export async function listNotices(db: Executor, actor: SubjectActor, only?: string): Promise<RecallNoticeOut[]> {
  const rows = await db
    .select({ ...holdColumns, o: recallOrders, productName: samples.productName })
    .from(batchHolds)
    .innerJoin(recallOrders, eq(recallOrders.id, batchHolds.orderId))
    .innerJoin(samples, eq(samples.id, batchHolds.sampleId))
    .where(and(isNotNull(batchHolds.orderId), noticeOf(actor), only ? eq(batchHolds.id, only) : undefined))
    .orderBy(desc(recallOrders.issuedAt), asc(batchHolds.code))
    .limit(MAX_NOTICES);
  const names = await agencyNames(db, rows.map((r) => r.o.agencyId));
  return rows.map(({ h, marketName, o, productName }) => ({
    ...holderOut(h, marketName),
    orderId: o.id,
    kind: o.kind as RecallNoticeOut['kind'],
    instructions: o.instructions,
    dueOn: o.dueOn,
    agencyName: names.get(o.agencyId) ?? '',
    productName,
    issuedAt: o.issuedAt,
    closedAt: o.closedAt,
    viaMarket: h.subjectId !== actor.subject.id,
  }));
}

export async function noticeDetail(db: Executor, actor: SubjectActor, id: string): Promise<RecallNoticeOut> {
  const [notice] = await listNotices(db, actor, id);
  if (!notice) throw monitoringError('RECALL_NOTICE_NOT_FOUND');
  return notice;
}
