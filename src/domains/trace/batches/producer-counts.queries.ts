import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';

/** What a producer's 首页 counts of its own trace records: trades waiting for it to confirm, batches with stock. */
export type ProducerTraceCounts = { tradesToConfirm: number; batchesInStock: number };

/**
 * Scan trades sold to the subject and not yet confirmed or rejected by it (the `trades_buyer` index), and its
 * active batches holding stock (what it can still sell) — the rows its 交易 (incoming, pending) and 批次 lists show.
 */
export async function producerTraceCounts(db: Executor, subjectId: string): Promise<ProducerTraceCounts> {
  const [row] = await queryRows<ProducerTraceCounts>(
    db,
    sql`SELECT (SELECT count(*)::int FROM trades WHERE buyer_subject_id = ${subjectId} AND status = 'pending') AS "tradesToConfirm",
               (SELECT count(*)::int FROM batches WHERE subject_id = ${subjectId} AND status = 'active' AND stock > 0) AS "batchesInStock"`,
  );
  return row ?? { tradesToConfirm: 0, batchesInStock: 0 };
}
