import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { z } from 'zod';
import type { IncidentOut, incidentListQuery } from './contracts.js';
import { incidentError } from './errors.js';
import { incidentEvents, incidents } from './schema.js';

/** Operations and the ministry see every incident (应急小组); a province only once told, and only those concerning it. */
export function seesAllIncidents(actor: AgencyActor): boolean {
  return actor.agency.kind === 'operations' || (actor.agency.kind === 'supervision' && actor.agency.level === 'ministry');
}

/** The province an official belongs to (2 digits), or null for the ministry's level. */
export const provinceOf = (actor: AgencyActor): string | null => (actor.jurisdiction.length >= 2 ? actor.jurisdiction.slice(0, 2) : null);

/**
 * The rule "no province sees a 一级 incident before 安全中心 consents" is this WHERE: `provinces_told_at` is set only by
 * the consent (一级) or at once (二级, 三级, or an escalation to them).
 */
export function incidentVisibility(actor: AgencyActor): SQL | undefined {
  if (seesAllIncidents(actor)) return undefined;
  const province = provinceOf(actor);
  if (!province) return sql`false`;
  return sql`(${incidents.provincesToldAt} IS NOT NULL AND (cardinality(${incidents.provinces}) = 0 OR ${province}::varchar = ANY(${incidents.provinces})))`;
}

const summary = {
  id: incidents.id,
  no: incidents.no,
  level: incidents.level,
  state: incidents.state,
  occurredAt: incidents.occurredAt,
  place: incidents.place,
  phenomenon: incidents.phenomenon,
  provinces: incidents.provinces,
  reportedAt: incidents.reportedAt,
  levelSince: incidents.levelSince,
  deadlineAt: incidents.deadlineAt,
  overdue: incidents.overdue,
  provincesToldAt: incidents.provincesToldAt,
  extensionUntil: incidents.extensionUntil,
  recoveredAt: incidents.recoveredAt,
  closedAt: incidents.closedAt,
};

export const incidentNo = (n: number) => `YJ${String(n).padStart(6, '0')}`;

export async function listIncidents(db: Executor, actor: AgencyActor, q: z.infer<typeof incidentListQuery>) {
  const page = keyset({ sort: incidents.no, id: incidents.no, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = [incidentVisibility(actor), q.state ? eq(incidents.state, q.state) : undefined, q.level ? eq(incidents.level, q.level) : undefined];
  const [rows, total] = await Promise.all([
    db.select(summary).from(incidents).where(and(...filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: incidents.id }).from(incidents).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.no, r.no]);
  return { items: result.items.map((r) => ({ ...r, no: incidentNo(r.no) })), nextCursor: result.nextCursor, ...totalField(total) };
}

export async function findVisibleIncident(db: Executor, actor: AgencyActor, id: string) {
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), incidentVisibility(actor)));
  return row;
}

export async function incidentDetail(db: Executor, actor: AgencyActor, id: string): Promise<IncidentOut> {
  const row = await findVisibleIncident(db, actor, id);
  if (!row) throw incidentError('INCIDENT_NOT_FOUND');
  const events = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id)).orderBy(asc(incidentEvents.id));
  return {
    ...row,
    no: incidentNo(row.no),
    events: events.map((e) => ({ id: e.id, kind: e.kind, actorId: e.actorId, actorName: e.actorName, fromLevel: e.fromLevel, toLevel: e.toLevel, note: e.note, data: e.data ?? null, at: e.at })),
  };
}

/** Newest first, for a page's "latest" line. */
export async function lastEvent(db: Executor, id: string) {
  const [row] = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id)).orderBy(desc(incidentEvents.id)).limit(1);
  return row;
}
