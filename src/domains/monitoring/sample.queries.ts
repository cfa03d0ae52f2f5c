import { and, asc, desc, eq, or, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import { jurisdictionFilter } from '../../platform/auth/jurisdiction.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { agencyNames } from '../registry/index.js';
import { publishedByAgencySql, taskFacts } from '../supervision/index.js';
import { sampleFactsOfCode } from '../trace/index.js';
import type { ReportOut, ResultOut, SampleFacts, SampleOut } from './contracts.js';
import { monitoringError } from './errors.js';
import { readsByRegion } from './policies.js';
import { analytes, monitoringAlerts, sampleReports, sampleResults, samples } from './schema.js';

export type SampleRow = typeof samples.$inferSelect;

/**
 * The samples an actor reads, as SQL (policies.ts canReadSample says the same for one sample): its agency's own, those
 * of tasks its agency published, and for supervision and enforcement agencies those sampled in their jurisdiction or
 * whose producer's county lies in it.
 */
export function sampleVisibleTo(actor: AgencyActor): SQL {
  const byRegion = readsByRegion(actor) ? [jurisdictionFilter(actor, samples.regionCode), jurisdictionFilter(actor, samples.originRegion)] : [];
  return or(eq(samples.agencyId, actor.agency.id), publishedByAgencySql(samples.taskId, actor.agency.id), ...byRegion)!;
}

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
  const [reports, results, alerts, tasks] = await Promise.all([
    db.select().from(sampleReports).where(eq(sampleReports.sampleId, id)).orderBy(desc(sampleReports.version)),
    db
      .select({ r: sampleResults, nameZh: analytes.nameZh, nameEn: analytes.nameEn })
      .from(sampleResults)
      .innerJoin(analytes, eq(analytes.code, sampleResults.analyteCode))
      .where(eq(sampleResults.sampleId, id))
      .orderBy(asc(sampleResults.version), asc(sampleResults.analyteCode)),
    db.select({ id: monitoringAlerts.id, agencyId: monitoringAlerts.agencyId, caseId: monitoringAlerts.caseId }).from(monitoringAlerts).where(eq(monitoringAlerts.sampleId, id)).orderBy(asc(monitoringAlerts.createdAt), asc(monitoringAlerts.agencyRegion)),
    taskFacts(db, [row.taskId]),
  ]);
  const names = await agencyNames(db, [row.agencyId, ...alerts.map((a) => a.agencyId)]);
  const task = tasks.get(row.taskId);
  const reportsOut: ReportOut[] = reports.map((rep) => ({
    version: rep.version,
    verdict: rep.verdict as ReportOut['verdict'],
    reason: rep.reason,
    issuedByName: rep.issuedByName,
    issuedAt: rep.issuedAt,
    results: results.filter((x) => x.r.version === rep.version).map((x) => resultOf(x.r, x.nameZh, x.nameEn)),
  }));
  return {
    ...listItemOf(row, task?.title ?? ''),
    taskKind: task?.kind ?? '',
    agencyId: row.agencyId,
    agencyName: names.get(row.agencyId) ?? '',
    batchId: row.batchId,
    classCode: row.classCode,
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
    alerts: alerts.map((a) => ({ id: a.id, agencyName: names.get(a.agencyId) ?? '', caseId: a.caseId })),
  };
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

type ListQuery = { taskId?: string | undefined; status?: string | undefined; verdict?: string | undefined; limit: number; cursor?: string | undefined };

/** The samples the actor reads, newest first; a task's with `taskId`, the lab's queue with `status`, failures with `verdict`. */
export async function listSamples(db: Executor, actor: AgencyActor, q: ListQuery) {
  const page = keyset({ sort: samples.sampledAt, id: samples.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    sampleVisibleTo(actor),
    q.taskId ? eq(samples.taskId, q.taskId) : undefined,
    q.status ? eq(samples.status, q.status) : undefined,
    q.verdict ? eq(samples.verdict, q.verdict) : undefined,
    page.where,
  ];
  const rows = await db
    .select()
    .from(samples)
    .where(and(...filters))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const result = page.page(rows, (r) => [r.sampledAt, r.id]);
  const tasks = await taskFacts(db, result.items.map((r) => r.taskId));
  return { items: result.items.map((r) => listItemOf(r, tasks.get(r.taskId)?.title ?? '')), nextCursor: result.nextCursor };
}
