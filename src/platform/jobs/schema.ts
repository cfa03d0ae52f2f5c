import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const JOB_STATES = ['queued', 'running', 'succeeded', 'dead'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * The job queue (作业队列), shared by every server. A worker claims a due row with `FOR UPDATE SKIP LOCKED` and
 * holds it for a lease (`locked_until`): a worker killed mid-run leaves a row whose lease runs out and another
 * worker takes it again. A failed run goes back to `queued` with a later `run_at` (backoff), or to `dead` once
 * `max_attempts` are spent, where it waits for an operator's retry. `unique_key` names a recurring slot
 * (`kind@instant`), so that several servers scheduling the same slot insert one row.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: varchar('kind', { length: 80 }).notNull(),
    payload: jsonb('payload').notNull().default({}),
    state: varchar('state', { length: 10 }).notNull().default('queued').$type<JobState>(),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: varchar('locked_by', { length: 120 }),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    uniqueKey: varchar('unique_key', { length: 160 }).unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('jobs_due').on(t.state, t.runAt),
    index('jobs_kind').on(t.kind, t.id),
    check('jobs_state', sql`${t.state} IN ('queued', 'running', 'succeeded', 'dead')`),
    check('jobs_attempts', sql`${t.attempts} >= 0 AND ${t.maxAttempts} >= 1`),
  ],
);
