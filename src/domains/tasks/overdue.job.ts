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

export const OVERDUE_JOB = 'supervision.overdue';

/** Another domain's deadlines swept by the same job (supervision's rectifications), each counted under its name. */
export type OverdueSweep = (db: Db) => Promise<number>;

/**
 * Every ten minutes: a deadline is a day, so a task (or another domain's dated duty given as a sweep) turns overdue
 * within minutes of midnight in China. One job rather than one per domain keeps its name and its metrics.
 */
export const overdueJob = (db: Db, sweeps: Record<string, OverdueSweep> = {}): Job => ({
  name: OVERDUE_JOB,
  everyMs: 10 * 60_000,
  run: async () => {
    const counts: Record<string, number> = { tasks: await markOverdueTasks(db) };
    for (const [name, sweep] of Object.entries(sweeps)) counts[name] = await sweep(db);
    return counts;
  },
});
