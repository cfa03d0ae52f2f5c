import { and, eq, gte, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { regionRange } from '../../../platform/auth/visibility.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { keyset } from '../../../platform/http/pagination.js';
import { HOUR_MS } from './deadlines.js';
import { incidentError } from './errors.js';
import { findVisibleIncident } from './incident.queries.js';
import type { incidents } from './schema.js';
import { incidentChecks } from './schema.js';

/**
 * 后期恢复: "对故障发生前所进行过的业务操作进行检查，核对业务数据是否正确或有无丢失". The business writes are the audit
 * entries of the business domains (registration, records, supervision, enforcement, monitoring); logins, exports,
 * reads of personal data and operations' own work are not business data.
 */
const BUSINESS = ['application.', 'subject.', 'certificate.', 'trace.', 'supervision.', 'enforcement.', 'monitoring.'];
const NOT_WRITES = ['application.view_pii', 'application.recover_code', 'monitoring.alert_read'];

function businessWrites(): SQL {
  return and(
    or(...BUSINESS.map((p) => sql`left(${auditLog.action}, ${p.length}) = ${p}`)),
    sql`right(${auditLog.action}, 7) <> '.export'`,
    notInArray(auditLog.action, NOT_WRITES),
  )!;
}

type Incident = typeof incidents.$inferSelect;

/** From `hours` before the failure to the recovery, in the provinces concerned (all for a national incident). */
function windowOf(incident: Incident, hours: number) {
  return { from: new Date(incident.occurredAt.getTime() - hours * HOUR_MS), to: incident.recoveredAt! };
}

function windowWhere(incident: Incident, hours: number): SQL {
  const { from, to } = windowOf(incident, hours);
  return and(
    gte(auditLog.at, from),
    lte(auditLog.at, to),
    businessWrites(),
    incident.provinces.length ? or(...incident.provinces.map((p) => regionRange(auditLog.regionCode, p))) : undefined,
  )!;
}

async function recoveredIncident(db: Executor, actor: AgencyActor, id: string): Promise<Incident> {
  const incident = await findVisibleIncident(db, actor, id);
  if (!incident) throw incidentError('INCIDENT_NOT_FOUND');
  if (!incident.recoveredAt) throw incidentError('INCIDENT_NOT_RECOVERED');
  return incident;
}

export async function listWrites(db: Db, actor: AgencyActor, id: string, q: { hours: number; limit: number; cursor?: string | undefined }) {
  const incident = await recoveredIncident(db, actor, id);
  const where = windowWhere(incident, q.hours);
  const page = keyset({ sort: auditLog.id, id: auditLog.id, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const rows = await db
    .select({
      auditId: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      regionCode: auditLog.regionCode,
      checkedAt: incidentChecks.checkedAt,
      checkedByName: incidentChecks.checkedByName,
      note: incidentChecks.note,
    })
    .from(auditLog)
    .leftJoin(incidentChecks, and(eq(incidentChecks.auditId, auditLog.id), eq(incidentChecks.incidentId, id)))
    .where(and(where, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(incidentChecks, and(eq(incidentChecks.auditId, auditLog.id), eq(incidentChecks.incidentId, id)))
    .where(and(where, isNull(incidentChecks.auditId)))) as [{ n: number }];
  const result = page.page(rows, (r) => [r.auditId, r.auditId]);
  return { ...result, ...windowOf(incident, q.hours), unchecked: n };
}

/** Marks one write as re-checked (核对); marking it again changes nothing. */
export async function checkWrite(db: Db, ctx: CommandContext, id: string, auditId: number, input: { note?: string | undefined; hours?: number }) {
  const actor = agencyActorIn(ctx);
  const incident = await recoveredIncident(db, actor, id);
  // The widest window a list offers: a write shown under any choice of hours may be marked.
  const [inWindow] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.id, auditId), windowWhere(incident, 72)));
  if (!inWindow) throw incidentError('WRITE_NOT_IN_WINDOW');
  await withTransaction(db, ctx, async (tx) => {
    const added = await tx
      .insert(incidentChecks)
      .values({ incidentId: id, auditId, checkedBy: actor.userId, checkedByName: actor.displayName, note: input.note ?? null })
      .onConflictDoNothing()
      .returning({ auditId: incidentChecks.auditId });
    if (added.length) await recordAudit(tx, ctx, { action: 'incident.write_check', targetType: 'incident', targetId: id, regionCode: '', after: { auditId, note: input.note ?? null } });
  });
  const [row] = await db.select().from(incidentChecks).where(and(eq(incidentChecks.incidentId, id), eq(incidentChecks.auditId, auditId)));
  return { auditId, checkedAt: row!.checkedAt, checkedByName: row!.checkedByName, note: row!.note };
}


