import { sql } from 'drizzle-orm';
import type { Executor } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/rows.js';

/**
 * Waits until every transaction begun before now has ended. The outbox's readers take only events of transactions
 * older than the oldest one still open, and on a shared PostgreSQL server that may be another test file's (transaction
 * ids are the cluster's), so a test that reads the outbox right after writing waits for the others first.
 */
export async function settled(db: Executor, timeoutMs = 120_000): Promise<void> {
  const [mark] = await queryRows<{ x: string }>(db, sql`SELECT pg_current_xact_id()::text AS x`);
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    const [now] = await queryRows<{ ok: boolean }>(db, sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) > ${mark!.x}::xid8 AS ok`);
    if (now!.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('a transaction of the server stayed open past the wait');
}
