import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { todayInChina } from '../../platform/china-time.js';

/**
 * Marks overdue (逾期未整改) every rectification whose deadline (a day in China) has passed while still pending, that is
 * without a compliant follow-up (which sets it `done`). Late work is still taken: a compliant follow-up of an
 * overdue rectification sets it `done`. One statement, `SKIP LOCKED` as for tasks (tasks/overdue.job.ts).
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
