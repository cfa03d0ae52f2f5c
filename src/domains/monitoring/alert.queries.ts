import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { countUpTo } from '../../platform/http/list-total.js';
import { listScopeWhere } from '../../platform/http/list-scope.js';
import type { ListScope } from '../../platform/http/list-scope.shared.js';
import { subjectNames } from '../registry/index.js';
import type { AlertOut, ResultOut } from './contracts.js';
import { monitoringError } from './errors.js';
import { resultOf } from './sample.queries.js';
import { analytes, monitoringAlerts, sampleResults, samples } from './schema.js';

// 预警 inbox: an agency sees only the alerts sent to it (not its jurisdiction's): each alert row is one agency's copy.

const listColumns = {
  id: monitoringAlerts.id,
  title: monitoringAlerts.title,
  sampleId: monitoringAlerts.sampleId,
  sampleNo: samples.sampleNo,
  reportVersion: monitoringAlerts.reportVersion,
  batchId: monitoringAlerts.batchId,
  code: samples.code,
  productName: samples.productName,
  subjectId: monitoringAlerts.subjectId,
  // The alert names the producer when the failure service found it; a hand-entered holder has only the sheet's name.
  subjectName: sql<string | null>`coalesce((SELECT ${subjectNames.name} FROM ${subjectNames} WHERE ${subjectNames.id} = ${monitoringAlerts.subjectId}), ${samples.subjectName})`,
  recallTotal: monitoringAlerts.recallTotal,
  readAt: monitoringAlerts.readAt,
  caseId: monitoringAlerts.caseId,
  recallOrderId: sql<string | null>`(SELECT o.id FROM recall_orders o WHERE o.sample_id = ${monitoringAlerts.sampleId})`,
  createdAt: monitoringAlerts.createdAt,
};

type ListQuery = { limit: number; cursor?: string | undefined; unread?: boolean | undefined } & ListScope;

/** My agency's alerts, newest first; `unread` keeps the unread (true) or the read (false). */
export async function listAlerts(db: Executor, actor: AgencyActor, q: ListQuery) {
  const page = keyset({ sort: monitoringAlerts.createdAt, id: monitoringAlerts.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [eq(monitoringAlerts.agencyId, actor.agency.id), ...listScopeWhere(q, monitoringAlerts.agencyRegion, monitoringAlerts.createdAt)];
  if (q.unread !== undefined) filters.push(q.unread ? isNull(monitoringAlerts.readAt) : sql`${monitoringAlerts.readAt} IS NOT NULL`);
  const [rows, total] = await Promise.all([
    db
      .select(listColumns)
      .from(monitoringAlerts)
      .innerJoin(samples, eq(samples.id, monitoringAlerts.sampleId))
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: monitoringAlerts.id }).from(monitoringAlerts).where(and(...filters)).$dynamic()),
  ]);
  return { ...page.page(rows, (r) => [r.createdAt, r.id]), ...(total ? { total } : {}) };
}

export type AlertRow = typeof monitoringAlerts.$inferSelect;

/** The alert if it was sent to the actor's agency; another agency's alert does not exist for it. */
export async function ownAlert(db: Executor, actor: AgencyActor, id: string): Promise<AlertRow> {
  const [row] = await db
    .select()
    .from(monitoringAlerts)
    .where(and(eq(monitoringAlerts.id, id), eq(monitoringAlerts.agencyId, actor.agency.id)));
  if (!row) throw monitoringError('ALERT_NOT_FOUND');
  return row;
}

/** The failing results of one report version, with the analytes' names. */
export async function failingResults(db: Executor, sampleId: string, version: number): Promise<ResultOut[]> {
  const rows = await db
    .select({ r: sampleResults, analyteZh: analytes.nameZh, analyteEn: analytes.nameEn })
    .from(sampleResults)
    .innerJoin(analytes, eq(analytes.code, sampleResults.analyteCode))
    .where(and(eq(sampleResults.sampleId, sampleId), eq(sampleResults.version, version), eq(sampleResults.verdict, 'fail')))
    .orderBy(sampleResults.analyteCode);
  return rows.map(({ r, analyteZh, analyteEn }) => resultOf(r, analyteZh, analyteEn));
}

/** One alert of my agency with the sample, the failing results of that version and the recall list as it stood. */
export async function alertDetail(db: Executor, actor: AgencyActor, id: string): Promise<AlertOut> {
  const [row] = await db
    .select({ ...listColumns, recall: monitoringAlerts.recall })
    .from(monitoringAlerts)
    .innerJoin(samples, eq(samples.id, monitoringAlerts.sampleId))
    .where(and(eq(monitoringAlerts.id, id), eq(monitoringAlerts.agencyId, actor.agency.id)));
  if (!row) throw monitoringError('ALERT_NOT_FOUND');
  return { ...row, failed: await failingResults(db, row.sampleId, row.reportVersion) };
}
