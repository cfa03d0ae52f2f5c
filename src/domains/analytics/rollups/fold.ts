import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { Job } from '../../../platform/jobs/runner.js';

/** One folder at a time (any server): the others skip their turn rather than wait on the same counter rows. */
const FOLD_LOCK = 0x616e_616c; // 'anal'
export const FOLD_BATCH = 50_000;
/** How often deltas are folded: reads add unfolded deltas, so this bounds their number, not the figures' freshness. */
export const FOLD_EVERY_MS = 60_000;

/**
 * Moves up to `limit` deltas into the rollups, at every depth and grain, in one transaction (a delta is
 * deleted in the statement that adds it, so it is never counted twice nor lost). Returns how many were folded, or
 * null when another server holds the fold.
 */
export async function foldDeltas(db: Db, limit = FOLD_BATCH): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS ok`);
    if (!lock?.ok) return null;
    const [moved] = await queryRows<{ folded: number }>(
      tx,
      sql`WITH moved AS (
            DELETE FROM analytics_deltas WHERE id IN (SELECT id FROM analytics_deltas ORDER BY id LIMIT ${limit})
            RETURNING measure, dim, region_code, day, n, qty),
          summed AS (
            SELECT g.grain, d.depth, left(m.region_code, d.len) AS region_code,
                   CASE g.grain WHEN 'd' THEN m.day WHEN 'm' THEN date_trunc('month', m.day)::date ELSE date_trunc('year', m.day)::date END AS bucket,
                   m.measure, m.dim, sum(m.n) AS n, sum(m.qty) AS qty
              FROM moved m
             CROSS JOIN (VALUES (0, 0), (1, 2), (2, 4), (3, 6), (4, 9)) d(depth, len)
             CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
             WHERE length(m.region_code) >= d.len
             GROUP BY 1, 2, 3, 4, 5, 6),
          upserted AS (
            INSERT INTO analytics_rollups (grain, depth, region_code, bucket, measure, dim, n, qty)
            SELECT grain, depth, region_code, bucket, measure, dim, n, qty FROM summed
             ORDER BY grain, depth, region_code, bucket, measure, dim
            ON CONFLICT (grain, depth, region_code, bucket, measure, dim)
            DO UPDATE SET n = analytics_rollups.n + excluded.n, qty = analytics_rollups.qty + excluded.qty
            RETURNING 1)
          SELECT (SELECT count(*) FROM moved)::int AS folded, (SELECT count(*) FROM upserted)::int AS rows`,
    );
    return moved?.folded ?? 0;
  });
}

/** Folds until nothing is left (tests, the bench, and the job when a burst of writes left more than one batch). */
export async function foldAll(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const folded = await foldDeltas(db);
    if (!folded) return total;
    total += folded;
    if (folded < FOLD_BATCH) return total;
  }
}

export const rollupFoldJob = (db: Db): Job => ({
  name: 'analytics.fold',
  everyMs: FOLD_EVERY_MS,
  leaseMs: 60_000,
  run: async () => ({ folded: await foldAll(db) }),
});

/**
 * Recounts every rollup from the source domains' fact views, for a bulk load (the bench, a migration of old data) or
 * a repair. Writers wait on the lock while it runs: a transaction already counted is in the recount, one not yet
 * committed appends its deltas after it.
 */
export async function rebuildRollups(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE analytics_deltas, analytics_rollups IN ACCESS EXCLUSIVE MODE`);
    await tx.execute(sql`TRUNCATE analytics_deltas, analytics_rollups`);
    // Millions of rows load several times faster into a bare table whose indexes are built once after.
    await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
    await tx.execute(sql.raw(`ALTER TABLE analytics_rollups DROP CONSTRAINT ${ROLLUPS_PK}`));
    await tx.execute(sql`DROP INDEX analytics_rollups_time`);
    const [row] = await queryRows<{ rows: number }>(
      tx,
      sql`WITH facts AS (
            SELECT measure, dim, region_code, day, sum(n) AS n, sum(qty) AS qty FROM analytics_source_facts GROUP BY 1, 2, 3, 4),
          inserted AS (
            INSERT INTO analytics_rollups (grain, depth, region_code, bucket, measure, dim, n, qty)
            SELECT g.grain, d.depth, left(f.region_code, d.len), CASE g.grain WHEN 'd' THEN f.day WHEN 'm' THEN date_trunc('month', f.day)::date ELSE date_trunc('year', f.day)::date END,
                   f.measure, f.dim, sum(f.n), sum(f.qty)
              FROM facts f
             CROSS JOIN (VALUES (0, 0), (1, 2), (2, 4), (3, 6), (4, 9)) d(depth, len)
             CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
             WHERE length(f.region_code) >= d.len
             GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.n) <> 0 OR sum(f.qty) <> 0
             -- In key order, so that a node's rows of one grain sit in a few pages (a year's read touches tens, not thousands).
             ORDER BY 1, 2, 3, 4, 5, 6
            RETURNING 1)
          SELECT count(*)::int AS rows FROM inserted`,
    );
    await tx.execute(sql.raw(`ALTER TABLE analytics_rollups ADD CONSTRAINT ${ROLLUPS_PK} PRIMARY KEY (grain, depth, region_code, bucket, measure, dim)`));
    await tx.execute(sql`CREATE INDEX analytics_rollups_time ON analytics_rollups (grain, depth, bucket)`);
    return row?.rows ?? 0;
  });
}

/** The rollups' primary key and time index as schema.ts declares them (drizzle's names), rebuilt by rebuildRollups. */
const ROLLUPS_PK = 'analytics_rollups_grain_depth_region_code_bucket_measure_dim_pk';
