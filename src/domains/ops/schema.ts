import { bigint, bigserial, boolean, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * One row per backup run (数据库备份记录), scheduled or by hand. A scheduled run is claimed by inserting its slot:
 * the unique `scheduled_for` lets exactly one of several servers take it. `ok` is null while it runs.
 */
export const backupRuns = pgTable('backup_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  trigger: varchar('trigger', { length: 10 }).notNull().$type<'schedule' | 'manual'>(),
  scheduledFor: timestamp('scheduled_for', { withTimezone: true, mode: 'date' }).unique(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  file: text('file'),
  bytes: bigint('bytes', { mode: 'number' }),
  durationMs: integer('duration_ms'),
  ok: boolean('ok'),
  error: text('error'),
});
