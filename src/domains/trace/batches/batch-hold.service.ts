import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { traceError } from '../errors.js';
import { MAX_TRACE_DEPTH } from '../graph/trace-graph.contracts.js';
import { recallRows } from '../graph/trace-graph.queries.js';

// 同源批次待核查: monitoring decides which batches a failed sample holds and when they are let go; trace keeps the
// batch's status ('held'), which the public page, verify results and every movement of goods (stock.ts) read.

/** Most batches one failed sample holds; a larger recall is held as far as this and the rest found by the recall list. */
export const MAX_HELD_BATCHES = 10_000;

/** A batch on a recall list as the hold records it: who holds it, how much, and who can reach that holder. */
export type HoldCandidate = {
  batchId: string;
  code: string;
  depth: number;
  subjectId: string | null;
  holderName: string;
  regionCode: string;
  stock: number;
  unit: string;
  /** A holder recorded by hand with a phone on record. */
  hasPhone: boolean;
  /** For a holder not on the platform and without a phone: the registered market its goods came through (入市). */
  marketSubjectId: string | null;
};

/**
 * The producing batch and everything downstream of it (its recall list), nearest first, for the hold a failed sample
 * puts on them. Unrestricted by access: the system reads it in the command that approved the failing report.
 */
export async function holdCandidates(db: Executor, producingBatchId: string): Promise<HoldCandidate[]> {
  const rows: HoldCandidate[] = [];
  const found = await recallRows(db, producingBatchId, sql`true`, MAX_TRACE_DEPTH, MAX_HELD_BATCHES, (r) => {
    if (rows.length > MAX_HELD_BATCHES) return;
    rows.push({
      batchId: r.id,
      code: r.code,
      depth: r.depth,
      subjectId: r.subject_id,
      holderName: (r.contact_name ?? r.holder?.name ?? '').slice(0, 100),
      regionCode: r.region_code,
      stock: Number(r.stock),
      unit: r.unit,
      hasPhone: Boolean(r.holder?.phone),
      marketSubjectId: null,
    });
  });
  if (!found) throw traceError('BATCH_NOT_FOUND');
  const unreachable = rows.filter((r) => !r.subjectId && !r.hasPhone).map((r) => r.batchId);
  if (unreachable.length) {
    const markets = await marketOperators(db, unreachable);
    for (const r of rows) r.marketSubjectId = markets.get(r.batchId) ?? null;
  }
  rows.sort((a, b) => a.depth - b.depth || (a.batchId < b.batchId ? -1 : 1));
  return rows.slice(0, MAX_HELD_BATCHES);
}

/** For each batch, the nearest batch up its chain (itself included) that a registered market received by a market entry. */
async function marketOperators(db: Executor, batchIds: string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ start: string; market: string }>(
    db,
    sql`WITH RECURSIVE up(start, id, depth) AS (
          SELECT id, id, 0 FROM batches WHERE id = ANY(${`{${batchIds.join(',')}}`}::uuid[])
          UNION
          SELECT u.start, e.from_batch_id, u.depth + 1 FROM up u JOIN batch_edges e ON e.to_batch_id = u.id WHERE u.depth < ${MAX_TRACE_DEPTH}
        )
        SELECT DISTINCT ON (u.start) u.start::text AS start, b.subject_id::text AS market
        FROM up u JOIN batches b ON b.id = u.id
        WHERE b.source = 'market_entry' AND b.subject_id IS NOT NULL
        ORDER BY u.start, u.depth`,
  );
  return new Map(rows.map((r) => [r.start, r.market]));
}

const idArray = (ids: string[]) => `{${ids.join(',')}}`;

/** Marks active batches held (a failed or recalled one says more and keeps its status); answers those it marked. */
export async function holdBatches(tx: Executor, batchIds: string[]): Promise<string[]> {
  if (!batchIds.length) return [];
  const rows = await queryRows<{ id: string }>(tx, sql`UPDATE batches SET status = 'held' WHERE id = ANY(${idArray(batchIds)}::uuid[]) AND status = 'active' RETURNING id::text AS id`);
  return rows.map((r) => r.id);
}

/** Lets held batches go (released by the county, or the failure withdrawn): they are active again. */
export async function releaseHeldBatches(tx: Executor, batchIds: string[]): Promise<number> {
  if (!batchIds.length) return 0;
  const rows = await queryRows<{ id: string }>(tx, sql`UPDATE batches SET status = 'active' WHERE id = ANY(${idArray(batchIds)}::uuid[]) AND status = 'held' RETURNING id::text AS id`);
  return rows.length;
}
