import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';

/** What a subject did on the platform since a date: the evidence that it implements traceability (追溯挂钩). */
export type SubjectTraceActivity = { batches: number; scanTrades: number; marketVouchers: number; lastActivityAt: Date | null };

const NONE: SubjectTraceActivity = { batches: 0, scanTrades: 0, marketVouchers: 0, lastActivityAt: null };

/**
 * Batches recorded (voided ones not), confirmed scan trades and market-entry vouchers (入市追溯凭证) issued as seller,
 * for each subject since `since`; both counts walk the (subject, created_at) indexes, so a list of thousands is read
 * in one statement.
 */
export async function subjectTraceActivity(db: Executor, subjectIds: readonly string[], since: Date): Promise<Map<string, SubjectTraceActivity>> {
  const result = new Map<string, SubjectTraceActivity>();
  if (subjectIds.length === 0) return result;
  const rows = await queryRows<{ id: string; batches: number; scan: number; market: number; last: Date | string | null }>(
    db,
    sql`SELECT s.id::text AS id, b.n AS batches, t.scan, t.market, greatest(b.last, t.last) AS last
          FROM unnest(${`{${[...new Set(subjectIds)].join(',')}}`}::uuid[]) AS s(id)
          CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(created_at) AS last FROM batches
                               WHERE subject_id = s.id AND created_at >= ${since} AND status <> 'voided') b
          CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE kind = 'scan' AND status = 'confirmed')::int AS scan,
                                     count(*) FILTER (WHERE kind = 'market')::int AS market,
                                     max(created_at) FILTER (WHERE status <> 'cancelled' AND status <> 'rejected') AS last
                                FROM trades WHERE seller_subject_id = s.id AND created_at >= ${since}) t`,
  );
  for (const r of rows) result.set(r.id, { batches: r.batches, scanTrades: r.scan, marketVouchers: r.market, lastActivityAt: r.last === null ? null : new Date(r.last) });
  for (const id of subjectIds) if (!result.has(id)) result.set(id, NONE);
  return result;
}
