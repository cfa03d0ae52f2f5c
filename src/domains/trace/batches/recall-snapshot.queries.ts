import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/rows.js';
import type { Executor } from '../../../platform/db/client.js';
import { traceError } from '../errors.js';
import { MAX_TRACE_DEPTH } from '../graph/trace-graph.contracts.js';
import { recallRows } from '../graph/trace-graph.queries.js';

/** One downstream holder of a failed batch, as an alert keeps it: no phone (the recall list shows those, audited). */
export type RecallHolder = { batchId: string; code: string; depth: number; holderName: string; regionCode: string; quantity: number; unit: string };

/**
 * The recall list of a batch as it stands now, for a failed sample's alert: its downstream batches (up to 20 hops),
 * nearest first, at most `max` of them, and how many there are in all. Unrestricted by access: the system reads it
 * in the command that saved the verdict, and it is shown only to the agencies alerted.
 */
export async function recallSnapshot(db: Executor, batchId: string, max: number): Promise<{ holders: RecallHolder[]; total: number }> {
  const holders: (RecallHolder & { at: number })[] = [];
  const found = await recallRows(db, batchId, sql`true`, MAX_TRACE_DEPTH, max, (r) => {
    if (r.depth === 0 || holders.length >= max) return;
    holders.push({
      batchId: r.id,
      code: r.code,
      depth: r.depth,
      holderName: r.contact_name ?? r.holder?.name ?? '',
      regionCode: r.region_code,
      quantity: Number(r.merged?.[0] ?? r.quantity),
      unit: r.unit,
      at: Number(r.merged?.[1] ?? r.created_ms),
    });
  });
  if (!found) throw traceError('BATCH_NOT_FOUND');
  // The rows come as the walk finds them: put them in the recall list's order (hops, then when received).
  holders.sort((a, b) => a.depth - b.depth || a.at - b.at || (a.batchId < b.batchId ? -1 : a.batchId > b.batchId ? 1 : 0));
  return { holders: holders.map(({ at: _at, ...h }) => h), total: found.total };
}

/**
 * The batch a batch's product was produced or processed in: the nearest of its chain (itself included) that was not
 * bought, entered into a market or split off. A failed sample taken at a market or a shop is a finding about that
 * batch, and its recall list starts there: whoever else received the same product. The batch itself when its chain
 * holds none (a chain of unregistered beginnings).
 */
export async function producingBatchId(db: Executor, batchId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT h->>'id' AS id FROM batches b JOIN public_chains f ON f.code = b.code, json_array_elements(f.chain) h
      WHERE b.id = ${batchId}::uuid AND h->>'source' IN ('own', 'process')
      ORDER BY (h->>'depth')::int LIMIT 1`,
  );
  return row?.id ?? batchId;
}

/**
 * The regions of the markets a batch's product entered (入市, the type-3 vouchers on its recall list): where a market
 * regulator is alerted of a failed lot (issue 21 §3). A market not on the platform is filed in the seller's region.
 */
export async function marketEntryRegions(db: Executor, batchId: string): Promise<string[]> {
  const regions = new Set<string>();
  await recallRows(db, batchId, sql`true`, MAX_TRACE_DEPTH, MARKET_WALK_MAX, (r) => {
    if (r.source === 'market_entry') regions.add(r.region_code);
  });
  return [...regions];
}

/** As many batches as a failure holds (batch-hold.service.ts): the walk a failed lot's markets are read from. */
const MARKET_WALK_MAX = 10_000;
