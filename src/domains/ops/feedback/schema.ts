import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgTable, pgView, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

import type { FeedbackKind, FeedbackState, Satisfaction } from './feedback-states.shared.js';

/**
 * 系统优化建议: a suggestion or problem filed by any signed-in account from a console page, then classified with a
 * proposed solution by operations, confirmed by 安全中心, fixed or declined, and revisited (回访) with the filer.
 * The state only moves by guarded UPDATEs (WHERE state = expected); each move is a row of feedback_events.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number people quote on the phone (反馈编号 FK000123). */
    no: bigserial('no', { mode: 'number' }).notNull().unique(),
    filedBy: uuid('filed_by').notNull(),
    filerName: varchar('filer_name', { length: 100 }).notNull(),
    filerAgencyId: uuid('filer_agency_id'),
    filerSubjectId: uuid('filer_subject_id'),
    /** The filer's organisation name at filing time, for the handlers' list. */
    filerOrg: varchar('filer_org', { length: 200 }).notNull(),
    filerRegion: varchar('filer_region', { length: 12 }).notNull(),
    kind: varchar('kind', { length: 12 }).notNull().$type<FeedbackKind>(),
    text: text('text').notNull(),
    /** Path and query of the console page it was filed from (no host: the console is one site). */
    pageAddress: varchar('page_address', { length: 500 }),
    screenshots: uuid('screenshots').array().notNull().default(sql`'{}'::uuid[]`),
    state: varchar('state', { length: 12 }).notNull().default('filed').$type<FeedbackState>(),
    proposal: text('proposal'),
    classifiedBy: uuid('classified_by'),
    /** What was done (fixed) or why not (declined). */
    resolution: text('resolution'),
    satisfaction: varchar('satisfaction', { length: 12 }).$type<Satisfaction>(),
    revisitNote: text('revisit_note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('feedback_filer').on(t.filedBy, t.createdAt),
    index('feedback_created').on(t.createdAt),
    index('feedback_state').on(t.state, t.createdAt),
    check('feedback_kind', sql`${t.kind} IN ('feature', 'operation', 'experience', 'network')`),
    check('feedback_state_known', sql`${t.state} IN ('filed', 'classified', 'confirmed', 'fixed', 'declined', 'revisited')`),
    check('feedback_screenshots_max', sql`cardinality(${t.screenshots}) <= 3`),
  ],
);

/** Each transition of a feedback: who moved it, when, from which state to which, and what they wrote. */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    feedbackId: uuid('feedback_id')
      .notNull()
      .references(() => feedback.id),
    actorId: uuid('actor_id').notNull(),
    actorName: varchar('actor_name', { length: 100 }).notNull(),
    fromState: varchar('from_state', { length: 12 }),
    toState: varchar('to_state', { length: 12 }).notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('feedback_events_of').on(t.feedbackId, t.at)],
);

/** Feedback as the periodic reports count it (意见建议处理): kind, state, the filer's region and dates, never its text. */
export const feedbackFacts = pgView('ops_feedback_facts').as((qb) =>
  qb.select({ id: feedback.id, kind: feedback.kind, state: feedback.state, filerRegion: feedback.filerRegion, createdAt: feedback.createdAt, updatedAt: feedback.updatedAt }).from(feedback),
);
