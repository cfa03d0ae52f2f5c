import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, pgView, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

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
