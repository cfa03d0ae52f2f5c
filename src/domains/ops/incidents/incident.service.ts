import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { AuditAction } from '../../../platform/audit/catalog.js';
import type { Db, Tx } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { regionLevel } from '../../regions/index.js';
import type { IncidentOut, ReportIn } from './contracts.js';
import { deadlineOf, HOUR_MS, MAX_EXTENSION_HOURS, systemClock, type Clock } from './deadlines.js';
import { incidentError } from './errors.js';
import { incidentDetail } from './incident.queries.js';
import { noticeProvinces } from './notices.js';
import { incidentEvents, incidents, type IncidentEventKind, type IncidentState } from './schema.js';

export type IncidentDeps = { db: Db; clock?: Clock };
type Level = 1 | 2 | 3;
type Row = typeof incidents.$inferSelect;
export type EventInput = { kind: IncidentEventKind; actorId: string | null; actorName: string; fromLevel?: number | null; toLevel?: number | null; note?: string | null; data?: Record<string, unknown> | null; at: Date };

export async function recordEvent(tx: Tx, incidentId: string, e: EventInput) {
  await tx.insert(incidentEvents).values({ incidentId, kind: e.kind, actorId: e.actorId, actorName: e.actorName, fromLevel: e.fromLevel ?? null, toLevel: e.toLevel ?? null, note: e.note ?? null, data: e.data ?? null, at: e.at });
}

/** Incidents are the platform's, not a region's: their audit entries go to the national stream. */
const NATIONAL = '';

const by = (actor: AgencyActor) => ({ actorId: actor.userId, actorName: actor.displayName });

/** 报告: operations reports what it found; a 二级 or 三级 incident is told to the provinces concerned at once. */
export async function reportIncident(deps: IncidentDeps, ctx: CommandContext, input: ReportIn): Promise<IncidentOut> {
  const actor = agencyActorIn(ctx);
  const now = (deps.clock ?? systemClock)();
  const provinces = [...new Set(input.provinces)].sort();
  for (const code of provinces) if ((await regionLevel(deps.db, code)) !== 1) throw incidentError('PROVINCE_UNKNOWN', { code });
  const level = input.level as Level;
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const told = level >= 2 ? now : null;
    const [row] = await tx
      .insert(incidents)
      .values({
        level,
        occurredAt: new Date(input.occurredAt),
        place: input.place,
        phenomenon: input.phenomenon,
        impact: input.impact,
        measures: input.measures,
        expectedRecovery: input.expectedRecovery,
        provinces,
        reportedBy: actor.userId,
        reportedAt: now,
        levelSince: now,
        deadlineAt: deadlineOf(level, now),
        provincesToldAt: told,
      })
      .returning();
    await recordEvent(tx, row!.id, { kind: 'report', ...by(actor), toLevel: level, note: input.phenomenon, at: now });
    if (told) {
      const n = await noticeProvinces(tx, row!, 'report', now);
      await recordEvent(tx, row!.id, { kind: 'notify', ...by(actor), note: null, data: { provinces: n, why: 'level' }, at: now });
    }
    await recordAudit(tx, ctx, { action: 'incident.report', targetType: 'incident', targetId: row!.id, regionCode: NATIONAL, after: { level, provinces, occurredAt: input.occurredAt, deadlineAt: row!.deadlineAt.toISOString() } });
    return row!.id;
  });
  return incidentDetail(deps.db, actor, id);
}

type Step = {
  action: AuditAction;
  /** The states the incident may be in. */
  from: IncidentState[];
  /** Extra guards of the UPDATE; on a miss, `explain` says why from the row as it is. */
  guard?: SQL;
  explain?: (row: Row) => Error | undefined;
  set: (row: Row, now: Date) => Partial<typeof incidents.$inferInsert>;
  event: (row: Row, now: Date) => Omit<EventInput, 'actorId' | 'actorName' | 'at'>;
  /** Extra writes in the same transaction (notices). */
  then?: (tx: Tx, before: Row, after: Row, now: Date) => Promise<void>;
};

/**
 * One step on an incident: the row is locked, checked, updated and its event and audit entry written in one
 * transaction; of two people acting at once the second finds the state the first left and is refused (409).
 */
async function step(deps: IncidentDeps, ctx: CommandContext, id: string, s: Step): Promise<IncidentOut> {
  const actor = agencyActorIn(ctx);
  const now = (deps.clock ?? systemClock)();
  await withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!row) throw incidentError('INCIDENT_NOT_FOUND');
    if (!s.from.includes(row.state)) throw incidentError('INCIDENT_STATE_CONFLICT', { state: row.state });
    const refused = s.explain?.(row);
    if (refused) throw refused;
    const [after] = await tx
      .update(incidents)
      .set({ ...s.set(row, now), updatedAt: now })
      .where(and(eq(incidents.id, id), s.guard))
      .returning();
    if (!after) throw incidentError('INCIDENT_STATE_CONFLICT', { state: row.state });
    const event = s.event(row, now);
    await recordEvent(tx, id, { ...event, ...by(actor), at: now });
    await s.then?.(tx, row, after, now);
    await recordAudit(tx, ctx, { action: s.action, targetType: 'incident', targetId: id, regionCode: NATIONAL, before: { level: row.level, state: row.state }, after: { level: after.level, state: after.state, kind: event.kind } });
  });
  return incidentDetail(deps.db, actor, id);
}

/** 处理进度: what has been done and found since (any state before closing). */
export const reportProgress = (deps: IncidentDeps, ctx: CommandContext, id: string, input: { note: string }) =>
  step(deps, ctx, id, { action: 'incident.progress', from: ['open', 'recovered'], set: () => ({}), event: () => ({ kind: 'progress', note: input.note }) });

/** 经部安全中心同意后，通知涉及该故障的省级农业农村行政主管部门: the one way a 一级 incident reaches a province. */
export const consentToTell = (deps: IncidentDeps, ctx: CommandContext, id: string, input: { note?: string | undefined }) =>
  step(deps, ctx, id, {
    action: 'incident.consent',
    from: ['open', 'recovered'],
    explain: (row) => (row.provincesToldAt ? incidentError('INCIDENT_ALREADY_TOLD') : row.level !== 1 ? incidentError('INCIDENT_CONSENT_LEVEL') : undefined),
    guard: isNull(incidents.provincesToldAt),
    set: (_row, now) => ({ consentBy: agencyActorIn(ctx).userId, consentAt: now, provincesToldAt: now }),
    event: () => ({ kind: 'consent', note: input.note ?? null }),
    then: async (tx, _before, after, now) => {
      const n = await noticeProvinces(tx, after, 'report', now);
      await recordEvent(tx, id, { kind: 'notify', ...by(agencyActorIn(ctx)), data: { provinces: n, why: 'consent' }, at: now });
    },
  });

/**
 * A level raised, by a person (初步判断 revised) or by the deadline job: the new level's time starts at `since`;
 * a province not yet told is told now (二级, 三级 are told at once), one already told gets an escalation notice.
 */
export async function raiseLevel(tx: Tx, row: Row, to: Level, since: Date, now: Date, who: { actorId: string | null; actorName: string }, why: string, kind: 'escalate' = 'escalate') {
  await tx
    .update(incidents)
    .set({ level: to, levelSince: since, deadlineAt: deadlineOf(to, since), overdue: null, extensionUntil: null, extensionReason: null, provincesToldAt: row.provincesToldAt ?? now, updatedAt: now })
    .where(eq(incidents.id, row.id));
  await recordEvent(tx, row.id, { kind, ...who, fromLevel: row.level, toLevel: to, note: why, data: { dueAt: row.deadlineAt.toISOString(), lapsedExtension: row.extensionUntil?.toISOString() ?? null }, at: now });
  const n = await noticeProvinces(tx, { id: row.id, provinces: row.provinces, level: to }, row.provincesToldAt ? 'escalate' : 'report', now);
  await recordEvent(tx, row.id, { kind: 'notify', ...who, data: { provinces: n, why: 'escalation' }, at: now });
}

/** Operations raises the level itself (the first judgement was too mild). */
export async function escalateIncident(deps: IncidentDeps, ctx: CommandContext, id: string, input: { reason: string }): Promise<IncidentOut> {
  const actor = agencyActorIn(ctx);
  const now = (deps.clock ?? systemClock)();
  await withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!row) throw incidentError('INCIDENT_NOT_FOUND');
    if (row.state !== 'open') throw incidentError('INCIDENT_STATE_CONFLICT', { state: row.state });
    if (row.level >= 3) throw incidentError('INCIDENT_TOP_LEVEL');
    const to = (row.level + 1) as Level;
    await raiseLevel(tx, row, to, now, now, by(actor), input.reason);
    await recordAudit(tx, ctx, { action: 'incident.escalate', targetType: 'incident', targetId: id, regionCode: NATIONAL, before: { level: row.level }, after: { level: to, reason: input.reason } });
  });
  return incidentDetail(deps.db, actor, id);
}

/** 二级: 立即请示部安全中心，申请延长故障处理时间 — one request at a time, before the deadline passes. */
export const requestExtension = (deps: IncidentDeps, ctx: CommandContext, id: string, input: { until: string; reason: string }) => {
  const until = new Date(input.until);
  return step(deps, ctx, id, {
    action: 'incident.extension_request',
    from: ['open'],
    explain: (row) => {
      if (row.level !== 2) return incidentError('EXTENSION_LEVEL');
      if (row.extensionUntil) return incidentError('EXTENSION_PENDING');
      if (until <= row.deadlineAt || until.getTime() - row.deadlineAt.getTime() > MAX_EXTENSION_HOURS * HOUR_MS) return incidentError('EXTENSION_UNTIL_INVALID');
      return undefined;
    },
    guard: and(eq(incidents.level, 2), isNull(incidents.extensionUntil)),
    set: () => ({ extensionUntil: until, extensionReason: input.reason }),
    event: () => ({ kind: 'extension_request', note: input.reason, data: { until: until.toISOString() } }),
  });
};

/** 部安全中心 approves (the deadline moves to the time asked) or refuses (the 6 h stand; at them the job escalates). */
export const decideExtension = (deps: IncidentDeps, ctx: CommandContext, id: string, input: { approve: boolean; note?: string | undefined }) =>
  step(deps, ctx, id, {
    action: input.approve ? 'incident.extension_approve' : 'incident.extension_reject',
    from: ['open'],
    explain: (row) => (row.level !== 2 || !row.extensionUntil ? incidentError('EXTENSION_NONE') : undefined),
    guard: and(eq(incidents.level, 2), isNotNull(incidents.extensionUntil)),
    set: (row) => ({ ...(input.approve ? { deadlineAt: row.extensionUntil! } : {}), extensionUntil: null, extensionReason: null }),
    event: (row) => ({ kind: input.approve ? 'extension_approve' : 'extension_reject', note: input.note ?? null, data: { until: row.extensionUntil!.toISOString(), previousDeadline: row.deadlineAt.toISOString() } }),
  });

/** 恢复正常运行: the recovery notice goes to every body told of the incident (a 一级 one never told: nobody outside). */
export const recoverIncident = (deps: IncidentDeps, ctx: CommandContext, id: string, input: { notice: string }) =>
  step(deps, ctx, id, {
    action: 'incident.recover',
    from: ['open'],
    guard: eq(incidents.state, 'open'),
    set: (_row, now) => ({ state: 'recovered', recoveredAt: now, recoveryNotice: input.notice, extensionUntil: null, extensionReason: null }),
    event: () => ({ kind: 'recover', note: input.notice }),
    then: async (tx, before, after, now) => {
      if (before.provincesToldAt) await noticeProvinces(tx, after, 'recover', now);
    },
  });

/** 处置记录 (一级) / 处置报告 with 分析评估 (二级、三级): closes the incident. */
export const closeIncident = (deps: IncidentDeps, ctx: CommandContext, id: string, input: { record: string; assessment?: string | undefined }) =>
  step(deps, ctx, id, {
    action: 'incident.close',
    from: ['recovered'],
    explain: (row) => (row.level >= 2 && !input.assessment ? incidentError('ASSESSMENT_REQUIRED') : undefined),
    guard: eq(incidents.state, 'recovered'),
    set: (_row, now) => ({ state: 'closed', closedAt: now, record: input.record, assessment: input.assessment ?? null }),
    event: () => ({ kind: 'record', note: input.record, data: input.assessment ? { assessment: input.assessment } : null }),
  });
