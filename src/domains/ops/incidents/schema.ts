import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

import { INCIDENT_EVENT_KINDS, INCIDENT_STATES, OVERDUE_MARKS, type IncidentEventKind, type IncidentState, type OverdueMark } from './incident-values.shared.js';

export { INCIDENT_EVENT_KINDS, INCIDENT_STATES, OVERDUE_MARKS, type IncidentEventKind, type IncidentState, type OverdueMark };

/**
 * 应急响应 (技术指南 应急响应): one row per incident (突发事件). Its level follows the guide's order, 1 (一级, the
 * mildest) to 3 (三级); `deadline_at` is when the current level's time is up (2 h, 6 h or an approved extension,
 * 12 h then 24 h), enforced by the job queue (incidents.job.ts). `provinces_told_at` is when the provinces concerned
 * were told: set at once for 二级/三级, for 一级 only by 安全中心's consent; no province reads the incident before.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number people quote (事件编号 YJ000123). */
    no: bigserial('no', { mode: 'number' }).notNull().unique(),
    level: smallint('level').notNull(),
    state: varchar('state', { length: 12 }).notNull().default('open').$type<IncidentState>(),
    // 报告内容: 时间、地点，故障现象简要描述，可能影响的业务范围及事态发展趋势，已采取或拟采取的应对措施，故障恢复的大致预期.
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: varchar('place', { length: 200 }).notNull(),
    phenomenon: text('phenomenon').notNull(),
    impact: text('impact').notNull(),
    measures: text('measures').notNull(),
    expectedRecovery: text('expected_recovery').notNull(),
    /** Province codes (2 digits) the incident concerns; empty: the whole country. */
    provinces: varchar('provinces', { length: 2 }).array().notNull().default(sql`'{}'::varchar[]`),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
    levelSince: timestamp('level_since', { withTimezone: true, mode: 'date' }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true, mode: 'date' }).notNull(),
    overdue: varchar('overdue', { length: 10 }).$type<OverdueMark>(),
    consentBy: uuid('consent_by'),
    consentAt: timestamp('consent_at', { withTimezone: true, mode: 'date' }),
    provincesToldAt: timestamp('provinces_told_at', { withTimezone: true, mode: 'date' }),
    /** A pending request to extend a 二级 deadline (申请延长故障处理时间) until this time. */
    extensionUntil: timestamp('extension_until', { withTimezone: true, mode: 'date' }),
    extensionReason: text('extension_reason'),
    recoveredAt: timestamp('recovered_at', { withTimezone: true, mode: 'date' }),
    recoveryNotice: text('recovery_notice'),
    /** 处置记录 (一级) or 处置报告 (二级、三级). */
    record: text('record'),
    /** 分析评估 (二级、三级). */
    assessment: text('assessment'),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('incidents_due').on(t.state, t.deadlineAt),
    index('incidents_reported').on(t.reportedAt),
    check('incidents_level', sql`${t.level} BETWEEN 1 AND 3`),
    check('incidents_state', sql`${t.state} IN ('open', 'recovered', 'closed')`),
    check('incidents_overdue', sql`${t.overdue} IS NULL OR ${t.overdue} IN ('deadline', 'limit')`),
  ],
);

/**
 * The timeline (时间线): each report, progress report, escalation, consent, extension, overdue mark and recovery.
 * `actor_id` is null for the machine: an escalation by the deadline job names the job in `actor_name`.
 */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    kind: varchar('kind', { length: 20 }).notNull().$type<IncidentEventKind>(),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 100 }).notNull(),
    fromLevel: smallint('from_level'),
    toLevel: smallint('to_level'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('incident_events_of').on(t.incidentId, t.id)],
);

/** 联络员: the one account of each province that receives the incident notices for it, named by its supervision admin. */
export const incidentLiaisons = pgTable('incident_liaisons', {
  provinceCode: varchar('province_code', { length: 2 }).primaryKey(),
  userId: uuid('user_id').notNull(),
  setBy: uuid('set_by').notNull(),
  setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A notice to a province (通知): the report once the province may be told, an escalation, the recovery. Addressed
 * to the province, so a liaison named later still finds it; `read_by` is the receipt.
 */
export const incidentNotices = pgTable(
  'incident_notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    kind: varchar('kind', { length: 12 }).notNull().$type<'report' | 'escalate' | 'recover'>(),
    level: smallint('level').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    readBy: uuid('read_by'),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('incident_notices_province').on(t.provinceCode, t.id)],
);

/** 后期恢复: an audit entry (a business write before the failure) re-checked by operations. */
export const incidentChecks = pgTable(
  'incident_checks',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    checkedBy: uuid('checked_by').notNull(),
    checkedByName: varchar('checked_by_name', { length: 100 }).notNull(),
    note: text('note'),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.auditId] })],
);
