import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';

/**
 * Report drafts of the lab's samples waiting for a step (编制 → 审核 → 批准, or returned to be entered again): what
 * its 首页 counts as reports due. Each draft is one sample's pending version; approved ones are issued and done.
 */
export async function labReportsAwaiting(db: Executor, agencyId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM sample_reports r JOIN samples s ON s.id = r.sample_id
        WHERE s.agency_id = ${agencyId} AND r.status IN ('entered', 'reviewed', 'returned')`,
  );
  return row?.n ?? 0;
}
