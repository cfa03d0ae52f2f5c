import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { traceError } from './errors.js';
import { batches } from './schema.js';

/**
 * A sample of the batch was judged (监测), in the caller's transaction: `tested_at` tells the public page to show the
 * results; a failure marks the batch 'failed' (the public page warns, BATCH_FAILED), unless it is already recalled,
 * which says more. A pass changes no status: a batch another sample failed stays failed (clearing it is an
 * agency's decision, not a side effect of a second sample). No trace event: those are a subject's trace actions
 * (EPCIS), and the command that judged the sample writes the audit entry.
 */
export async function markBatchTested(tx: Executor, batchId: string, verdict: 'pass' | 'fail'): Promise<void> {
  const status = verdict === 'fail' ? sql`CASE WHEN ${batches.status} = 'recalled' THEN ${batches.status} ELSE 'failed' END` : sql`${batches.status}`;
  const updated = await tx.update(batches).set({ testedAt: sql`now()`, status }).where(sql`${batches.id} = ${batchId}::uuid`).returning({ id: batches.id });
  if (!updated.length) throw traceError('BATCH_NOT_FOUND');
}
