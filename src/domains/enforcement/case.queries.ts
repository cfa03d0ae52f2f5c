import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { countUpTo } from '../../platform/http/list-total.js';
import { listScopeWhere } from '../../platform/http/list-scope.js';
import type { ListScope } from '../../platform/http/list-scope.shared.js';
import { agencyNames } from '../registry/index.js';
import { tasksOfCase } from '../tasks/index.js';
import { transferById } from '../supervision/index.js';
import type { CaseStage, PenaltyKind } from './case-stages.shared.js';
import type { CaseOut } from './contracts.js';
import { enforcementError } from './errors.js';
import { enforcementCaseEvents, enforcementCaseRecords, enforcementCases } from './schema.js';
import { caseVisibility } from './visibility.js';

type CaseRow = typeof enforcementCases.$inferSelect;

const visibleTo = caseVisibility.filter;

/** Whether a record of a case the actor may see holds this field photo (a station following a case of its township). */
export async function photoHeldByCase(db: Executor, actor: AgencyActor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: enforcementCaseRecords.id })
    .from(enforcementCaseRecords)
    .innerJoin(enforcementCases, eq(enforcementCases.id, enforcementCaseRecords.caseId))
    .where(and(sql`${enforcementCaseRecords.attachments} @> ${JSON.stringify([fileId])}::jsonb`, visibleTo(actor)))
    .limit(1);
  return Boolean(row);
}

export async function findVisibleCase(db: Executor, actor: AgencyActor, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(enforcementCases).where(and(eq(enforcementCases.id, id), visibleTo(actor)));
  return row;
}

function listItem(c: CaseRow, names: Map<string, string>) {
  return {
    id: c.id,
    caseNo: c.caseNo,
    agencyId: c.agencyId,
    agencyName: names.get(c.agencyId) ?? '',
    regionCode: c.regionCode,
    subjectId: c.subjectId,
    subjectName: c.subjectName,
    source: c.source as 'transfer' | 'task' | 'own',
    title: c.title,
    stage: c.stage as CaseStage,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export async function caseDetail(db: Executor, actor: AgencyActor, id: string): Promise<CaseOut> {
  const c = await findVisibleCase(db, actor, id);
  if (!c) throw enforcementError('CASE_NOT_FOUND');
  const [history, records, names, transfer, commissions] = await Promise.all([
    db.select().from(enforcementCaseEvents).where(eq(enforcementCaseEvents.caseId, id)).orderBy(asc(enforcementCaseEvents.at)),
    db.select().from(enforcementCaseRecords).where(eq(enforcementCaseRecords.caseId, id)).orderBy(asc(enforcementCaseRecords.recordedAt)).limit(500),
    agencyNames(db, [c.agencyId]),
    c.transferId ? transferById(db, c.transferId) : Promise.resolve(undefined),
    tasksOfCase(db, c.id),
  ]);
  return {
    ...listItem(c, names),
    summary: c.summary,
    legalBasis: c.legalBasis,
    penaltyKind: c.penaltyKind as PenaltyKind | null,
    penaltyAmount: c.penaltyAmount,
    decision: c.decision,
    closedAt: c.closedAt,
    handling: c.agencyId === actor.agency.id,
    transfer: transfer ? { id: transfer.id, inspectionId: transfer.inspectionId, fromAgencyName: transfer.fromAgencyName, reason: transfer.reason, findings: transfer.findings, createdAt: transfer.createdAt } : null,
    taskId: c.taskId,
    commissions,
    history: history.map((h) => ({ fromStage: h.fromStage, toStage: h.toStage, note: h.note, actorName: h.actorName, at: h.at })),
    records: records.map((r) => ({
      id: r.id,
      stage: r.stage,
      kind: r.kind as 'note' | 'onsite' | 'evidence',
      content: r.content,
      attachments: r.attachments,
      lat: r.lat,
      lng: r.lng,
      recordedByName: r.recordedByName,
      recordedAt: r.recordedAt,
    })),
  };
}

/** Cases my agency handles (enforcement) or of my jurisdiction (supervision follows them), newest first. */
export async function listCases(db: Executor, actor: AgencyActor, q: { stage?: CaseStage | 'open' | undefined; subjectId?: string | undefined; limit: number; cursor?: string | undefined } & ListScope) {
  const page = keyset({ sort: enforcementCases.createdAt, id: enforcementCases.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const stage = q.stage === 'open' ? ne(enforcementCases.stage, 'closed') : q.stage ? eq(enforcementCases.stage, q.stage) : undefined;
  const filters: (SQL | undefined)[] = [visibleTo(actor), stage, q.subjectId ? eq(enforcementCases.subjectId, q.subjectId) : undefined, ...listScopeWhere(q, enforcementCases.regionCode, enforcementCases.createdAt)];
  const [rows, total] = await Promise.all([
    db.select().from(enforcementCases).where(and(...filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: enforcementCases.id }).from(enforcementCases).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  const names = await agencyNames(db, result.items.map((r) => r.agencyId));
  return { items: result.items.map((c) => listItem(c, names)), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}
