import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, real, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * 推广应用目标: what an upper supervision agency expects of the region below it (a county, or the producers of a
 * township) for one indicator, e.g. an active-producer share of 0.8. Set per region and indicator, replaced in place;
 * the monitors flag a region whose figure is below its target.
 */
export const monitorTargets = pgTable(
  'monitor_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    setterAgencyId: uuid('setter_agency_id').notNull(),
    /** The region the target is for: strictly inside the setter's jurisdiction. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    indicator: varchar('indicator', { length: 32 }).notNull(),
    /** A share in [0, 1] or a count, as the indicator says. */
    target: real('target').notNull(),
    setBy: uuid('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitor_targets_one').on(t.regionCode, t.indicator), check('monitor_targets_nonnegative', sql`${t.target} >= 0`)],
);

/**
 * 责令限期整改: a notice from an agency to a lower agency or a producer that misses its targets, with a deadline.
 * issued → answered (the receiver says what it did) → closed (the issuer accepts) or back to issued (returned).
 */
export const rectificationNotices = pgTable(
  'rectification_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuerAgencyId: uuid('issuer_agency_id').notNull(),
    issuerAgencyName: varchar('issuer_agency_name', { length: 100 }).notNull(),
    /** The issuer's jurisdiction: agencies above it see the notice too. */
    issuerRegion: varchar('issuer_region', { length: 12 }).notNull(),
    /** 'agency' or 'subject' */
    targetKind: varchar('target_kind', { length: 8 }).notNull(),
    targetAgencyId: uuid('target_agency_id'),
    targetSubjectId: uuid('target_subject_id'),
    targetName: varchar('target_name', { length: 100 }).notNull(),
    targetRegion: varchar('target_region', { length: 12 }).notNull(),
    /** Which of the five monitors the shortfall was found in. */
    monitor: varchar('monitor', { length: 16 }).notNull(),
    reason: varchar('reason', { length: 2000 }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 12 }).notNull().default('issued'),
    answer: varchar('answer', { length: 2000 }),
    answeredBy: uuid('answered_by'),
    answeredByName: varchar('answered_by_name', { length: 100 }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closeNote: varchar('close_note', { length: 1000 }),
    issuedBy: uuid('issued_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('rectification_notices_target_region').on(t.targetRegion, t.createdAt),
    index('rectification_notices_target_agency').on(t.targetAgencyId, t.status),
    index('rectification_notices_target_subject').on(t.targetSubjectId, t.status),
    check('rectification_notices_target', sql`(${t.targetKind} = 'agency' AND ${t.targetAgencyId} IS NOT NULL) OR (${t.targetKind} = 'subject' AND ${t.targetSubjectId} IS NOT NULL)`),
    check('rectification_notices_status', sql`${t.status} IN ('issued', 'answered', 'closed')`),
  ],
);

/**
 * 追溯考核 indicators: an upper agency's weighted list; each indicator's score is its weight × min(1, figure ÷ target).
 * One row per agency and indicator.
 */
export const assessmentIndicators = pgTable(
  'assessment_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    indicator: varchar('indicator', { length: 32 }).notNull(),
    weight: integer('weight').notNull(),
    /** The figure that earns the full weight (a share in [0, 1]). */
    target: real('target').notNull(),
    setBy: uuid('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_indicators_one').on(t.agencyId, t.indicator), check('assessment_indicators_weight', sql`${t.weight} > 0 AND ${t.weight} <= 100`), check('assessment_indicators_target', sql`${t.target} > 0`)],
);
