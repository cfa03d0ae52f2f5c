import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor, AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { regionRange, regionWithin } from '../../../platform/auth/visibility.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { todayInChina } from '../../../platform/china-time.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { RectificationIn, RectificationOut } from './contracts.js';
import { monitorError } from './errors.js';
import type { MonitorKey } from './monitor-values.shared.js';
import { rectificationNotices } from './schema.js';
import { rectificationVisibility } from './visibility.js';

type Row = typeof rectificationNotices.$inferSelect;
const t = rectificationNotices;

/** Who reads a notice: an official as rectificationVisibility says; a producer, those addressed to its subject. */
function visibility(actor: Actor): SQL {
  if (actor.kind === 'subject') return eq(t.targetSubjectId, actor.subject.id);
  return rectificationVisibility.filter(actor);
}

const addressedTo = (actor: Actor, r: Row) => (actor.kind === 'subject' ? r.targetSubjectId === actor.subject.id : r.targetAgencyId === actor.agency.id);

function outOf(actor: Actor, r: Row, today = todayInChina()): RectificationOut {
  return {
    id: r.id,
    issuerAgencyName: r.issuerAgencyName,
    targetKind: r.targetKind as 'agency' | 'subject',
    targetName: r.targetName,
    targetRegion: r.targetRegion,
    monitor: r.monitor as MonitorKey,
    reason: r.reason,
    deadline: r.deadline,
    status: r.status as RectificationOut['status'],
    overdue: r.status === 'issued' && r.deadline < today,
    answer: r.answer,
    answeredByName: r.answeredByName,
    answeredAt: r.answeredAt,
    closeNote: r.closeNote,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    canAnswer: r.status === 'issued' && addressedTo(actor, r) && actor.permissions.has('rectification.answer'),
    canClose: r.status === 'answered' && actor.kind === 'agency' && r.issuerAgencyId === actor.agency.id,
  };
}

/** The addressee, read through the registry's views: an agency strictly below the issuer, or a registered producer in its jurisdiction. */
async function addressee(db: Executor, actor: AgencyActor, target: RectificationIn['target']) {
  if (target.kind === 'agency' || target.kind === 'region') {
    const which = target.kind === 'agency' ? sql`id = ${target.agencyId}` : sql`region_code = ${target.regionCode} AND kind = 'supervision'`;
    const [a] = await queryRows<{ id: string; name: string; region_code: string; kind: string }>(db, sql`SELECT id, name, region_code, kind FROM registry_agency_facts WHERE ${which} AND status = 'active'`);
    if (!a || a.kind === 'operations' || a.region_code.length <= actor.jurisdiction.length || !regionWithin(a.region_code, actor.jurisdiction)) throw monitorError('RECTIFICATION_TARGET_NOT_FOUND');
    return { targetAgencyId: a.id, targetSubjectId: null, targetName: a.name, targetRegion: a.region_code };
  }
  const [s] = await queryRows<{ id: string; name: string; region_code: string }>(
    db,
    sql`SELECT f.id, n.name, f.region_code FROM registry_subject_facts f JOIN registry_subject_names n ON n.id = f.id WHERE f.id = ${target.subjectId} AND f.status IN ('active', 'suspended')`,
  );
  if (!s || !regionWithin(s.region_code, actor.jurisdiction)) throw monitorError('RECTIFICATION_TARGET_NOT_FOUND');
  return { targetAgencyId: null, targetSubjectId: s.id, targetName: s.name, targetRegion: s.region_code };
}

/** 责令限期整改: issued by a supervision agency to a lower agency or a producer of its jurisdiction (audited). */
export async function issueRectification(db: Db, ctx: CommandContext, input: RectificationIn): Promise<RectificationOut> {
  const actor = agencyActorIn(ctx);
  if (input.deadline < todayInChina()) throw monitorError('RECTIFICATION_DEADLINE_PAST');
  const to = await addressee(db, actor, input.target);
  const row = await withTransaction(db, ctx, async (tx) => {
    const [r] = await tx
      .insert(t)
      .values({
        issuerAgencyId: actor.agency.id,
        issuerAgencyName: actor.agency.name,
        issuerRegion: actor.agency.regionCode,
        targetKind: input.target.kind === 'subject' ? 'subject' : 'agency',
        ...to,
        monitor: input.monitor,
        reason: input.reason,
        deadline: input.deadline,
        issuedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'rectification.issue', targetType: 'rectification_notice', targetId: r!.id, regionCode: to.targetRegion, after: { to: to.targetName, monitor: input.monitor, deadline: input.deadline } });
    return r!;
  });
  return outOf(actor, row);
}

export async function visibleRectification(db: Executor, actor: Actor, id: string): Promise<Row> {
  const [r] = await db.select().from(t).where(and(eq(t.id, id), visibility(actor)));
  if (!r) throw monitorError('RECTIFICATION_NOT_FOUND');
  return r;
}

export async function rectificationDetail(db: Executor, actor: Actor, id: string) {
  return outOf(actor, await visibleRectification(db, actor, id));
}

/** Notices issued by the agency and those below it (`issued`), or addressed to the reader (`received`), newest first. */
export async function listRectifications(db: Executor, actor: Actor, q: { limit: number; cursor?: string | undefined; box: 'issued' | 'received'; status?: 'issued' | 'answered' | 'closed' | undefined }) {
  const page = keyset({ sort: t.createdAt, id: t.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const box: SQL =
    actor.kind === 'subject' ? eq(t.targetSubjectId, actor.subject.id) : q.box === 'received' ? eq(t.targetAgencyId, actor.agency.id) : regionRange(t.issuerRegion, actor.jurisdiction);
  const filters = [box, visibility(actor), q.status ? eq(t.status, q.status) : undefined];
  const [rows, total] = await Promise.all([
    db.select().from(t).where(and(...filters, page.where)).orderBy(...page.orderBy, desc(t.id)).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: t.id }).from(t).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  const today = todayInChina();
  return { items: result.items.map((r) => outOf(actor, r, today)), nextCursor: result.nextCursor, ...totalField(total) };
}

/** The addressee answers what it did; a guarded update, so two answers do not both land. */
export async function answerRectification(db: Db, ctx: CommandContext, id: string, answer: string): Promise<RectificationOut> {
  const actor = ctx.actor as Actor;
  const r = await visibleRectification(db, actor, id);
  if (!addressedTo(actor, r)) throw monitorError('RECTIFICATION_NOT_FOUND');
  const row = await withTransaction(db, ctx, async (tx) => {
    const [u] = await tx
      .update(t)
      .set({ status: 'answered', answer, answeredBy: actor.userId, answeredByName: actor.displayName, answeredAt: new Date() })
      .where(and(eq(t.id, id), eq(t.status, 'issued')))
      .returning();
    if (!u) throw monitorError('RECTIFICATION_STATE');
    await recordAudit(tx, ctx, { action: 'rectification.answer', targetType: 'rectification_notice', targetId: id, regionCode: r.targetRegion, after: { answer } });
    return u;
  });
  return outOf(actor, row);
}

/** The issuer accepts the answer (closed) or returns it with a reason (issued again, the answer kept until replaced). */
export async function closeRectification(db: Db, ctx: CommandContext, id: string, accept: boolean, note: string | undefined): Promise<RectificationOut> {
  const actor = agencyActorIn(ctx);
  const r = await visibleRectification(db, actor, id);
  if (r.issuerAgencyId !== actor.agency.id) throw monitorError('RECTIFICATION_NOT_FOUND');
  if (!accept && !note) throw monitorError('RECTIFICATION_CLOSE_NOTE_REQUIRED');
  const row = await withTransaction(db, ctx, async (tx) => {
    const [u] = await tx
      .update(t)
      .set(accept ? { status: 'closed', closedAt: new Date(), closeNote: note ?? null } : { status: 'issued', closeNote: note ?? null })
      .where(and(eq(t.id, id), eq(t.status, 'answered')))
      .returning();
    if (!u) throw monitorError('RECTIFICATION_STATE');
    await recordAudit(tx, ctx, { action: 'rectification.close', targetType: 'rectification_notice', targetId: id, regionCode: r.targetRegion, after: { accepted: accept, note: note ?? null } });
    return u;
  });
  return outOf(actor, row);
}
