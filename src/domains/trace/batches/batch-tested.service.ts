import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { traceError } from '../errors.js';
import { batches } from '../schema.js';

/**
 * A sample of the batch was judged (监测), in the caller's transaction: `tested_at` tells the public page to show the
 * results; a failure marks the batch 'failed' (the public page warns, BATCH_FAILED), unless it is already recalled,
 * which says more. A pass changes no status — a batch another sample failed stays failed — except when the caller
 * says the failure is withdrawn (`clearFailure`: the lab corrected the only failing report of the batch to a pass),
 * which puts a 'failed' batch back to 'active'; a recall stands whatever the lab says. No trace event: those are a
 * subject's trace actions (EPCIS), and the command that judged the sample writes the audit entry.
 */
export async function markBatchTested(tx: Executor, batchId: string, verdict: 'pass' | 'fail', opts: { clearFailure?: boolean } = {}): Promise<void> {
  const status =
    verdict === 'fail'
      ? sql`CASE WHEN ${batches.status} = 'recalled' THEN ${batches.status} ELSE 'failed' END`
      : opts.clearFailure
        ? sql`CASE WHEN ${batches.status} = 'failed' THEN 'active' ELSE ${batches.status} END`
        : sql`${batches.status}`;
  const updated = await tx.update(batches).set({ testedAt: sql`now()`, status }).where(sql`${batches.id} = ${batchId}::uuid`).returning({ id: batches.id });
  if (!updated.length) throw traceError('BATCH_NOT_FOUND');
}
