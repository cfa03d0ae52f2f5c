import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../src/platform/db/rows.js';
import type { TestApp } from './harness.js';

/**
 * Every batch has its stored public chain (db/migrations/0013_public_chains.sql), and each chain holds exactly the
 * batches a walk of the graph back from it finds, each at its nearest depth, with the id arrays a look-up reads.
 */
export async function expectPublicChainsMatchTheGraph(t: TestApp): Promise<void> {
  const [counts] = await queryRows<{ batches: number; chains: number; walked: number; stored: number; missing: number; extra: number; arrays_wrong: number }>(
    t.database.db,
    sql`WITH RECURSIVE up(root, id, depth) AS (
          SELECT id, id, 0 FROM batches
          UNION
          SELECT up.root, e.from_batch_id, up.depth + 1 FROM up JOIN batch_edges e ON e.to_batch_id = up.id WHERE up.depth < 20
        ),
        walked AS (SELECT root, id, min(depth) AS depth FROM up GROUP BY root, id),
        stored AS (SELECT f.batch_id AS root, (h->>'id')::uuid AS id, (h->>'depth')::int AS depth FROM public_chains f, json_array_elements(f.chain) h),
        arrays AS (
          SELECT f.batch_id FROM public_chains f
          WHERE f.batch_ids::text[] <@ (SELECT array_agg(s.id::text) FROM stored s WHERE s.root = f.batch_id) IS NOT TRUE
             OR cardinality(f.batch_ids) <> (SELECT count(*) FROM stored s WHERE s.root = f.batch_id)
             OR f.code <> (SELECT b.code FROM batches b WHERE b.id = f.batch_id)
             OR EXISTS (SELECT 1 FROM batches b WHERE b.id = ANY(f.batch_ids) AND b.subject_id IS NOT NULL AND NOT b.subject_id = ANY(f.subject_ids))
        )
        SELECT (SELECT count(*)::int FROM batches) AS batches, (SELECT count(*)::int FROM public_chains) AS chains,
               (SELECT count(*)::int FROM walked) AS walked, (SELECT count(*)::int FROM stored) AS stored,
               (SELECT count(*)::int FROM (SELECT * FROM walked EXCEPT SELECT * FROM stored) x) AS missing,
               (SELECT count(*)::int FROM (SELECT * FROM stored EXCEPT SELECT * FROM walked) x) AS extra,
               (SELECT count(*)::int FROM arrays) AS arrays_wrong`,
  );
  expect(counts!.batches).toBeGreaterThan(0);
  expect(counts).toMatchObject({ chains: counts!.batches, stored: counts!.walked, missing: 0, extra: 0, arrays_wrong: 0 });
}
