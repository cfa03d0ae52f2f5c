import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, numeric, pgTable, pgView, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * 执法案件: a case of an enforcement agency, through its stages 立案 (filed) → 调查取证 (investigation) →
 * 处罚决定 (decision) → 结案 (closed), never skipping one. Its history is enforcement_case_events.
 */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: varchar('case_no', { length: 24 }).notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** The subject's region (or the agency's, for a case without a subject): decides who sees the case. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    subjectId: uuid('subject_id'),
    subjectName: varchar('subject_name', { length: 100 }),
    /** transfer (移交), task (工作任务), own (本机构立案) */
    source: varchar('source', { length: 16 }).notNull(),
    transferId: uuid('transfer_id'),
    taskId: uuid('task_id'),
    title: varchar('title', { length: 120 }).notNull(),
    summary: varchar('summary', { length: 2000 }).notNull(),
    stage: varchar('stage', { length: 16 }).notNull().default('filed'),
    legalBasis: varchar('legal_basis', { length: 1000 }),
    /** none, warning, fine, confiscation, suspension */
    penaltyKind: varchar('penalty_kind', { length: 16 }),
    penaltyAmount: numeric('penalty_amount', { precision: 14, scale: 2, mode: 'number' }),
    decision: varchar('decision', { length: 2000 }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('enforcement_cases_no').on(t.caseNo), uniqueIndex('enforcement_cases_transfer').on(t.transferId), index('enforcement_cases_agency').on(t.agencyId, t.stage, t.createdAt), index('enforcement_cases_region').on(t.regionCode)],
);

/** Every stage change of a case, with who, when and why. */
export const enforcementCaseEvents = pgTable(
  'enforcement_case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => enforcementCases.id),
    fromStage: varchar('from_stage', { length: 16 }),
    toStage: varchar('to_stage', { length: 16 }).notNull(),
    note: varchar('note', { length: 1000 }),
    actorId: uuid('actor_id').notNull(),
    actorName: varchar('actor_name', { length: 100 }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_case_events_case').on(t.caseId, t.at)],
);

/** 执法记录: notes, on-site records (现场笔录) after scanning the subject, evidence, each with its photos. */
export const enforcementCaseRecords = pgTable(
  'enforcement_case_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => enforcementCases.id),
    stage: varchar('stage', { length: 16 }).notNull(),
    /** note, onsite, evidence */
    kind: varchar('kind', { length: 16 }).notNull(),
    content: text('content').notNull(),
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: varchar('recorded_by_name', { length: 100 }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('enforcement_case_records_case').on(t.caseId, t.recordedAt)],
);

/** Cases as the business monitors count them (执法): stage, source and dates, never names or decisions. */
export const caseFacts = pgView('enforcement_case_facts').as((qb) =>
  qb.select({ id: enforcementCases.id, agencyId: enforcementCases.agencyId, regionCode: enforcementCases.regionCode, source: enforcementCases.source, stage: enforcementCases.stage, createdAt: enforcementCases.createdAt, closedAt: enforcementCases.closedAt }).from(enforcementCases),
);

/** How long a case stayed in each stage: from entering it to leaving it (null while still in it). */
export const caseStageFacts = pgView('enforcement_case_stage_facts', {
  caseId: uuid('case_id').notNull(),
  stage: varchar('stage', { length: 16 }).notNull(),
  enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
  leftAt: timestamp('left_at', { withTimezone: true, mode: 'date' }),
}).as(sql`select case_id, to_stage as stage, at as entered_at, lead(at) over (partition by case_id order by at) as left_at from enforcement_case_events`);
