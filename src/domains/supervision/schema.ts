import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, pgView, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { InspectionIndustry } from './inspection-values.shared.js';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/**
 * A task or notice (任务, 通知公告) published by a supervision agency down the tree. What each recipient does
 * with it lives in supervision_task_recipients; the task itself is only open or closed by its publisher.
 */
export const supervisionTasks = pgTable(
  'supervision_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** notice, base_inspection, routine_monitoring, special_monitoring, supervisory_sampling, enforcement */
    kind: varchar('kind', { length: 24 }).notNull(),
    title: varchar('title', { length: 120 }).notNull(),
    content: text('content').notNull(),
    /** Region-code prefix the task covers, inside the publisher's jurisdiction. */
    regionScope: varchar('region_scope', { length: 12 }).notNull(),
    productScope: varchar('product_scope', { length: 200 }),
    targetSubjectIds: uuid('target_subject_ids').array().notNull().default(sql`'{}'::uuid[]`),
    targetCount: integer('target_count'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    /** The enforcement case a sampling sheet or monitoring task was commissioned for (执法委托检测), else null. */
    caseId: uuid('case_id'),
    publisherAgencyId: uuid('publisher_agency_id').notNull(),
    /** The publisher's region code: the task is filed in its jurisdiction for lists and audit. */
    publisherRegion: varchar('publisher_region', { length: 12 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('open'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('supervision_tasks_publisher').on(t.publisherAgencyId, t.createdAt), index('supervision_tasks_case').on(t.caseId), check('supervision_tasks_dates', sql`${t.dueOn} IS NULL OR ${t.dueOn} >= ${t.startsOn}`)],
);

/**
 * Who published each task, for other domains' statements (a sample is readable by its task's publisher): through this
 * view rather than the tasks table (issue 20 §3). Inlined by PostgreSQL like the table itself.
 */
export const taskPublishers = pgView('supervision_task_publishers').as((qb) => qb.select({ taskId: supervisionTasks.id, publisherAgencyId: supervisionTasks.publisherAgencyId }).from(supervisionTasks));

/** One recipient agency of a task: its own state (published → accepted → in_progress → reported → closed, or overdue). */
export const supervisionTaskRecipients = pgTable(
  'supervision_task_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => supervisionTasks.id),
    agencyId: uuid('agency_id').notNull(),
    agencyRegion: varchar('agency_region', { length: 12 }).notNull(),
    status: varchar('status', { length: 16 }).notNull().default('published'),
    quota: integer('quota'),
    assigneeIds: uuid('assignee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    done: integer('done').notNull().default(0),
    progressNote: varchar('progress_note', { length: 1000 }),
    report: text('report'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('supervision_task_recipients_one').on(t.taskId, t.agencyId), index('supervision_task_recipients_agency').on(t.agencyId, t.status), index('supervision_task_recipients_open').on(t.status)],
);

/** History of a recipient's state: every transition with who, when and why (the overdue job is actor null). */
export const supervisionTaskEvents = pgTable(
  'supervision_task_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => supervisionTaskRecipients.id),
    action: varchar('action', { length: 16 }).notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }).notNull(),
    note: varchar('note', { length: 1000 }),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 100 }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('supervision_task_events_recipient').on(t.recipientId, t.at)],
);

/** A province's own checklist for an industry (巡查检查表); without one the national default applies. */
export const checklistTemplates = pgTable(
  'checklist_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    industry: varchar('industry', { length: 16 }).notNull(),
    items: jsonb('items').$type<{ key: string; zh: string; en: string }[]>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checklist_templates_one').on(t.provinceCode, t.industry)],
);

export type ChecklistAnswer = { key: string; zh: string; en: string; result: 'pass' | 'fail' | 'na'; note?: string | undefined };

/** 基地巡查: one visit to a subject, with its checklist, photos, place, findings and conclusion. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull(),
    subjectName: varchar('subject_name', { length: 100 }).notNull(),
    /** The subject's region when inspected: the inspection belongs to that jurisdiction. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    recipientId: uuid('recipient_id').references(() => supervisionTaskRecipients.id),
    agencyId: uuid('agency_id').notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    inspectorName: varchar('inspector_name', { length: 100 }).notNull(),
    industry: varchar('industry', { length: 16 }).notNull().$type<InspectionIndustry>(),
    checklist: jsonb('checklist').$type<ChecklistAnswer[]>().notNull(),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** Why the inspection has no photo / no GPS point: one of the two is on every inspection filed since issue 15. */
    noPhotoReason: varchar('no_photo_reason', { length: 200 }),
    noPointReason: varchar('no_point_reason', { length: 200 }),
    findings: varchar('findings', { length: 2000 }),
    /** compliant, problem */
    conclusion: varchar('conclusion', { length: 16 }).notNull(),
    /** 限期整改: the date the problem must be put right by, checked again by a follow-up inspection. */
    rectifyBy: date('rectify_by', { mode: 'string' }),
    /** none, pending, overdue (its deadline passed; the overdue job), done */
    rectification: varchar('rectification', { length: 16 }).notNull().default('none'),
    followUpOf: uuid('follow_up_of'),
    inspectedAt: timestamp('inspected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_region').on(t.regionCode, t.inspectedAt),
    index('inspections_subject').on(t.subjectId, t.inspectedAt),
    // The overdue job's look-up of pending rectifications by deadline (a small part of the table).
    index('inspections_rectify_pending').on(t.rectifyBy).where(sql`${t.rectification} = 'pending'`),
  ],
);

/** 移交执法: a problem found in an inspection handed to an enforcement agency, which opens a case from it. */
export const supervisionTransfers = pgTable(
  'supervision_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    toAgencyId: uuid('to_agency_id').notNull(),
    fromAgencyId: uuid('from_agency_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    reason: varchar('reason', { length: 1000 }).notNull(),
    /** pending, accepted (a case was opened) */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    caseId: uuid('case_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supervision_transfers_inspection').on(t.inspectionId), index('supervision_transfers_to').on(t.toAgencyId, t.status)],
);

/** Inspections as the business monitors count them (日常监管): where, by which agency, when, and the rectification. */
export const inspectionFacts = pgView('supervision_inspection_facts').as((qb) =>
  qb
    .select({ id: inspections.id, subjectId: inspections.subjectId, regionCode: inspections.regionCode, agencyId: inspections.agencyId, conclusion: inspections.conclusion, rectification: inspections.rectification, rectifyBy: inspections.rectifyBy, inspectedAt: inspections.inspectedAt })
    .from(inspections),
);

/** Each recipient of a task with the task's kind and dates: targets (quota, target count) against what was done. */
export const taskRecipientFacts = pgView('supervision_task_recipient_facts', {
  recipientId: uuid('recipient_id').notNull(),
  taskId: uuid('task_id').notNull(),
  kind: varchar('kind', { length: 24 }).notNull(),
  agencyId: uuid('agency_id').notNull(),
  agencyRegion: varchar('agency_region', { length: 12 }).notNull(),
  status: varchar('status', { length: 16 }).notNull(),
  quota: integer('quota'),
  done: integer('done').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }),
}).as(
  sql`select r.id as recipient_id, r.task_id, t.kind, r.agency_id, r.agency_region, r.status, coalesce(r.quota, t.target_count) as quota, r.done, t.starts_on, t.due_on from supervision_task_recipients r join supervision_tasks t on t.id = r.task_id`,
);

/** 移交执法 as the monitors count them: transfers not yet opened as a case. */
export const transferFacts = pgView('supervision_transfer_facts').as((qb) =>
  qb.select({ id: supervisionTransfers.id, regionCode: supervisionTransfers.regionCode, toAgencyId: supervisionTransfers.toAgencyId, status: supervisionTransfers.status, createdAt: supervisionTransfers.createdAt }).from(supervisionTransfers),
);
