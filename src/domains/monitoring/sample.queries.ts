import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { countUpTo } from '../../platform/http/list-total.js';
import { listScopeWhere } from '../../platform/http/list-scope.js';
import type { ListScope } from '../../platform/http/list-scope.shared.js';
import { agencyNames } from '../registry/index.js';
import { taskFacts } from '../tasks/index.js';
import { batchAnimalDetails, sampleAnimal, sampleFactsOfCode } from '../trace/index.js';
import type { ReportOut, ResultOut, SampleFacts, SampleOut } from './contracts.js';
import { monitoringError } from './errors.js';
import { isApprover } from './lab.queries.js';
import { canWorkOnSample } from './policies.js';
import { analytes, batchHolds, monitoringAlerts, recallOrders, sampleReports, sampleResults, samples } from './schema.js';
import { sampleVisibility } from './visibility.js';

export type SampleRow = typeof samples.$inferSelect;

/** The samples an actor reads, as SQL (visibility.ts holds the rule). */
export const sampleVisibleTo = sampleVisibility.filter;

/** A sample the actor may read; `lock` holds it for the command that changes it. */
export async function findVisibleSample(db: Executor, actor: AgencyActor, id: string, lock = false): Promise<SampleRow | undefined> {
  const query = db
    .select()
    .from(samples)
    .where(and(eq(samples.id, id), sampleVisibleTo(actor)));
  const [row] = lock ? await query.for('update', { of: samples }) : await query;
  return row;
}

/** What the sheet is filled from when a code is scanned, before the sample is saved (public-level facts of trace). */
export async function factsOfCode(db: Executor, code: string): Promise<SampleFacts> {
  return sampleFactsOfCode(db, code);
}

export async function sampleDetail(db: Executor, actor: AgencyActor, id: string): Promise<SampleOut> {
  const row = await findVisibleSample(db, actor, id);
  if (!row) throw monitoringError('SAMPLE_NOT_FOUND');
  const [reports, results, alerts, tasks, batchAnimal] = await Promise.all([
    db.select().from(sampleReports).where(eq(sampleReports.sampleId, id)).orderBy(desc(sampleReports.version)),
    db
      .select({ r: sampleResults, nameZh: analytes.nameZh, nameEn: analytes.nameEn })
      .from(sampleResults)
      .innerJoin(analytes, eq(analytes.code, sampleResults.analyteCode))
      .where(eq(sampleResults.sampleId, id))
      .orderBy(asc(sampleResults.version), asc(sampleResults.analyteCode)),
    db.select({ id: monitoringAlerts.id, agencyId: monitoringAlerts.agencyId, caseId: monitoringAlerts.caseId }).from(monitoringAlerts).where(eq(monitoringAlerts.sampleId, id)).orderBy(asc(monitoringAlerts.createdAt), asc(monitoringAlerts.agencyRegion)),
    taskFacts(db, [row.taskId]),
    batchAnimalDetails(db, row.batchId),
  ]);
  const names = await agencyNames(db, [row.agencyId, ...alerts.map((a) => a.agencyId)]);
  const task = tasks.get(row.taskId);
  const reportsOut: ReportOut[] = reports.map((rep) => ({
    version: rep.version,
    verdict: rep.verdict as ReportOut['verdict'],
    reason: rep.reason,
    status: rep.status as ReportOut['status'],
    enteredByName: rep.enteredByName,
    enteredAt: rep.enteredAt,
    reviewedByName: rep.reviewedByName,
    reviewedAt: rep.reviewedAt,
    issuedByName: rep.issuedByName,
    issuedAt: rep.issuedAt,
    returnReason: rep.returnReason,
    history: rep.history.map(({ action, byName, at, reason }) => ({ action, byName, at, ...(reason ? { reason } : {}) })),
    results: results.filter((x) => x.r.version === rep.version).map((x) => resultOf(x.r, x.nameZh, x.nameEn)),
  }));
  const draft = reports.find((r) => r.version === row.reportVersion + 1);
  return {
    ...listItemOf(row, task?.title ?? ''),
    taskKind: task?.kind ?? '',
    agencyId: row.agencyId,
    agencyName: names.get(row.agencyId) ?? '',
    batchId: row.batchId,
    classCode: row.classCode,
    // What the lab judges an animal product by (result.service.ts): the bench's limit hint asks for the same.
    animal: sampleAnimal(row.classCode, batchAnimal),
    subjectId: row.subjectId,
    originRegion: row.originRegion,
    chain: row.chain,
    quantity: row.quantity,
    unit: row.unit,
    sealNo: row.sealNo,
    witnesses: row.witnesses,
    photos: row.photos,
    lat: row.lat,
    lng: row.lng,
    note: row.note,
    receivedByName: row.receivedByName,
    receivedAt: row.receivedAt,
    receivedNote: row.receivedNote,
    judgedAt: row.judgedAt,
    reports: reportsOut,
    actions: canWorkOnSample(actor, row) ? await benchActions(db, actor, row, draft) : [],
    holds: await holdCounts(db, id),
    alerts: alerts.map((a) => ({ id: a.id, agencyName: names.get(a.agencyId) ?? '', caseId: a.caseId })),
  };
}

type Action = SampleOut['actions'][number];

/**
 * What a user of the lab may do with the sample now (review.service.ts enforces the same): enter results or a
 * correction when no draft is in review; review or send back a draft someone else entered; approve or send back a
 * reviewed draft as an approver who neither entered nor reviewed it.
 */
async function benchActions(db: Executor, actor: AgencyActor, row: SampleRow, draft: typeof sampleReports.$inferSelect | undefined): Promise<Action[]> {
  if (row.status === 'sampled') return [];
  if (!draft || draft.status === 'returned') return [row.status === 'tested' ? 'correct' : 'enter'];
  if (draft.status === 'entered') return draft.enteredBy === actor.userId ? [] : ['review', 'return'];
  if (draft.status === 'reviewed' && draft.enteredBy !== actor.userId && draft.reviewedBy !== actor.userId && (await isApprover(db, actor.agency.id, actor.userId))) return ['approve', 'return'];
  return [];
}

/** How many batches the sample's failure holds, released or withdrew, and its recall order. */
async function holdCounts(db: Executor, sampleId: string): Promise<SampleOut['holds']> {
  const rows = await db.select({ status: batchHolds.status, n: count() }).from(batchHolds).where(eq(batchHolds.sampleId, sampleId)).groupBy(batchHolds.status);
  const [order] = await db.select({ id: recallOrders.id }).from(recallOrders).where(eq(recallOrders.sampleId, sampleId));
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { held: n('held'), released: n('released'), withdrawn: n('withdrawn'), recallOrderId: order?.id ?? null };
}

export function resultOf(r: typeof sampleResults.$inferSelect, nameZh: string, nameEn: string): ResultOut {
  return {
    analyteCode: r.analyteCode,
    analyteZh: nameZh,
    analyteEn: nameEn,
    methodStandard: r.methodStandard,
    value: r.value,
    unit: r.unit,
    valueMgPerKg: r.valueMgPerKg,
    lodMgPerKg: r.lodMgPerKg,
    limitId: r.limitId,
    limitMgPerKg: r.limitMgPerKg,
    limitStandard: r.limitStandard,
    limitOverridden: r.limitOverridden,
    detected: r.detected,
    verdict: r.verdict as ResultOut['verdict'],
  };
}

function listItemOf(row: SampleRow, taskTitle: string) {
  return {
    id: row.id,
    sampleNo: row.sampleNo,
    taskId: row.taskId,
    taskTitle,
    code: row.code,
    codeType: row.codeType,
    productName: row.productName,
    classZh: row.classZh,
    subjectName: row.subjectName,
    placeKind: row.placeKind as SampleOut['placeKind'],
    placeName: row.placeName,
    regionCode: row.regionCode,
    samplerName: row.samplerName,
    sampledAt: row.sampledAt,
    status: row.status as SampleOut['status'],
    verdict: row.verdict as SampleOut['verdict'],
  };
}

type ListQuery = { taskId?: string | undefined; status?: string | undefined; verdict?: string | undefined; subjectId?: string | undefined; limit: number; cursor?: string | undefined } & ListScope;

/** The samples the actor reads, newest first; a task's with `taskId`, the lab's queue with `status`, failures with `verdict`. */
export async function listSamples(db: Executor, actor: AgencyActor, q: ListQuery) {
  const page = keyset({ sort: samples.sampledAt, id: samples.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    sampleVisibleTo(actor),
    q.taskId ? eq(samples.taskId, q.taskId) : undefined,
    q.status ? eq(samples.status, q.status) : undefined,
    q.verdict ? eq(samples.verdict, q.verdict) : undefined,
    q.subjectId ? eq(samples.subjectId, q.subjectId) : undefined,
    ...listScopeWhere(q, samples.regionCode, samples.sampledAt),
  ];
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(samples)
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: samples.id }).from(samples).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.sampledAt, r.id]);
  const tasks = await taskFacts(db, result.items.map((r) => r.taskId));
  return { items: result.items.map((r) => listItemOf(r, tasks.get(r.taskId)?.title ?? '')), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}
