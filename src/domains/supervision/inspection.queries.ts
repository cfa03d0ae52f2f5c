import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { countUpTo } from '../../platform/http/list-total.js';
import { listScopeWhere } from '../../platform/http/list-scope.js';
import type { ListScope } from '../../platform/http/list-scope.shared.js';
import { chinaDayEnd, chinaDayStart } from '../../platform/china-time.js';
import { agencyNames } from '../registry/index.js';
import { taskIdsOfReceipts } from '../tasks/index.js';
import type { InspectionOut } from './contracts.js';
import { supervisionError } from './errors.js';
import { inspectionVisibility } from './visibility.js';
import { inspections, supervisionTransfers } from './schema.js';

type InspectionRow = typeof inspections.$inferSelect;

/** An inspection of a subject in the actor's jurisdiction (the inspection is filed under the subject's region). */
export async function findVisibleInspection(db: Executor, actor: AgencyActor, id: string): Promise<InspectionRow | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), inspectionVisibility.filter(actor)));
  return row;
}

async function toOut(db: Executor, rows: InspectionRow[]): Promise<InspectionOut[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const transfers = await db.select().from(supervisionTransfers).where(inArray(supervisionTransfers.inspectionId, ids));
  const recipientIds = rows.map((r) => r.recipientId).filter((x): x is string => x !== null);
  const taskOf = await taskIdsOfReceipts(db, recipientIds);
  const names = await agencyNames(db, [...rows.map((r) => r.agencyId), ...transfers.map((t) => t.toAgencyId)]);
  return rows.map((r) => {
    const t = transfers.find((x) => x.inspectionId === r.id);
    return {
      id: r.id,
      subjectId: r.subjectId,
      subjectName: r.subjectName,
      regionCode: r.regionCode,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? '',
      inspectorName: r.inspectorName,
      industry: r.industry,
      checklist: r.checklist,
      photos: r.photos,
      noPhotoReason: r.noPhotoReason,
      lat: r.lat,
      lng: r.lng,
      noPointReason: r.noPointReason,
      findings: r.findings,
      conclusion: r.conclusion as 'compliant' | 'problem',
      rectifyBy: r.rectifyBy,
      rectification: r.rectification as 'none' | 'pending' | 'overdue' | 'done',
      followUpOf: r.followUpOf,
      taskId: (r.recipientId && taskOf.get(r.recipientId)) ?? null,
      transfer: t ? { id: t.id, toAgencyId: t.toAgencyId, toAgencyName: names.get(t.toAgencyId) ?? '', status: t.status, caseId: t.caseId, reason: t.reason } : null,
      inspectedAt: r.inspectedAt,
    };
  });
}

export async function inspectionDetail(db: Executor, actor: AgencyActor, id: string): Promise<InspectionOut> {
  const row = await findVisibleInspection(db, actor, id);
  if (!row) throw supervisionError('INSPECTION_NOT_FOUND');
  return (await toOut(db, [row]))[0]!;
}

/** Inspections of the jurisdiction, newest first; a subject's past inspections with `subjectId`; `rectification: overdue` the missed deadlines. */
export async function listInspections(
  db: Executor,
  actor: AgencyActor,
  q: { subjectId?: string | undefined; conclusion?: string | undefined; rectification?: string | undefined; periodOf?: 'inspected' | 'due' | undefined; limit: number; cursor?: string | undefined } & ListScope,
) {
  const page = keyset({ sort: inspections.inspectedAt, id: inspections.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    inspectionVisibility.filter(actor),
    q.subjectId ? eq(inspections.subjectId, q.subjectId) : undefined,
    q.conclusion ? eq(inspections.conclusion, q.conclusion) : undefined,
    q.rectification ? eq(inspections.rectification, q.rectification) : undefined,
    ...(q.periodOf === 'due' ? [...listScopeWhere({ region: q.region }, inspections.regionCode, inspections.inspectedAt), ...dueDays(q.from, q.to)] : listScopeWhere(q, inspections.regionCode, inspections.inspectedAt)),
  ];
  const [rows, total] = await Promise.all([
    db.select().from(inspections).where(and(...filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: inspections.id }).from(inspections).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.inspectedAt, r.id]);
  return { items: await toOut(db, result.items), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

/** A rectification's deadline in [from, to]; one without a deadline counts on its inspection's day, as the statistics do. */
function dueDays(from: string | undefined, to: string | undefined): SQL[] {
  const due = sql`coalesce(${inspections.rectifyBy}, (${inspections.inspectedAt} AT TIME ZONE 'Asia/Shanghai')::date)`;
  return [...(from ? [sql`${due} >= ${from}::date`] : []), ...(to ? [sql`${due} <= ${to}::date`] : [])];
}

/** The most an export of a period holds; a longer list is cut to the newest and the workbook says so. */
export const EXPORT_MAX = 20_000;

/** Inspections of the jurisdiction in a period of days in China (`from` to `to`, both included), newest first. */
export async function inspectionsInPeriod(db: Executor, actor: AgencyActor, from: string, to: string, max = EXPORT_MAX): Promise<{ rows: InspectionOut[]; cut: boolean }> {
  const start = chinaDayStart(from);
  const end = chinaDayEnd(to);
  const rows = await db
    .select()
    .from(inspections)
    .where(and(inspectionVisibility.filter(actor), gte(inspections.inspectedAt, start), lt(inspections.inspectedAt, end)))
    .orderBy(desc(inspections.inspectedAt))
    .limit(max + 1);
  return { rows: await toOut(db, rows.slice(0, max)), cut: rows.length > max };
}

/** Whether an inspection of the jurisdiction holds this photo (an enforcement agency sees the evidence it was sent). */
export async function photoHeldByInspection(db: Executor, actor: AgencyActor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: inspections.id })
    .from(inspections)
    .where(and(inspectionVisibility.filter(actor), sql`${inspections.photos} @> ${JSON.stringify([fileId])}::jsonb`))
    .limit(1);
  return Boolean(row);
}
