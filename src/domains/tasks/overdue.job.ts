import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import type { Job } from '../../platform/jobs/runner.js';
import { todayInChina } from '../../platform/china-time.js';
import { OVERDUE_FROM } from './task-state.shared.js';

/**
 * Marks overdue every recipient whose task's deadline (a day in China) has passed while it had not reported, with
 * a history row each, in one statement. `SKIP LOCKED` leaves a row a recipient is acting on to the next run, and
 * a second server running the same job finds nothing left to do.
 */
export async function markOverdueTasks(db: Db, today = todayInChina()): Promise<number> {
  const statuses = sql.join(
    OVERDUE_FROM.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH due AS (
          SELECT r.id, r.status FROM supervision_task_recipients r JOIN supervision_tasks t ON t.id = r.task_id
          WHERE t.due_on < ${today}::date AND r.status IN (${statuses})
          FOR UPDATE OF r SKIP LOCKED),
        marked AS (
          UPDATE supervision_task_recipients r SET status = 'overdue', updated_at = now() FROM due WHERE r.id = due.id RETURNING r.id),
        history AS (
          INSERT INTO supervision_task_events (recipient_id, action, from_status, to_status, note)
          SELECT due.id, 'overdue', due.status, 'overdue', ${`deadline passed (${today})`} FROM due)
        SELECT count(*)::int AS n FROM marked`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * Marks overdue (逾期未整改) every rectification whose deadline (a day in China) has passed while still pending, that is
 * without a compliant follow-up (which sets it `done`). Late work is still taken: a compliant follow-up of an
 * overdue rectification sets it `done`. One statement, `SKIP LOCKED` as above.
 */
export async function markOverdueRectifications(db: Db, today = todayInChina()): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH due AS (
          SELECT id FROM inspections WHERE rectification = 'pending' AND rectify_by < ${today}::date
          FOR UPDATE SKIP LOCKED),
        marked AS (
          UPDATE inspections i SET rectification = 'overdue' FROM due WHERE i.id = due.id RETURNING i.id)
        SELECT count(*)::int AS n FROM marked`,
  );
  return rows[0]?.n ?? 0;
}

export const OVERDUE_JOB = 'supervision.overdue';

/**
 * Every ten minutes: a deadline is a day, so a task or a rectification turns overdue within minutes of midnight in
 * China.
 */
export const overdueJob = (db: Db): Job => ({
  name: OVERDUE_JOB,
  everyMs: 10 * 60_000,
  run: async () => ({ tasks: await markOverdueTasks(db), rectifications: await markOverdueRectifications(db) }),
});
