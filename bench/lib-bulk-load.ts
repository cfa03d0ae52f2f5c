import { sql } from 'drizzle-orm';
import { rebuildRollups } from '../src/domains/analytics/rollups/fold.js';
import type { Database, Db } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/rows.js';

const TRIGGERS = [
  ['batches', 'batches_public_chain'],
  ['batch_edges', 'batch_edges_public_chain'],
] as const;

/**
 * Runs a bench's set-based load of batches and edges with the public-chain triggers off (db/migrations/
 * 0013_public_chains.sql): each statement of a bulk load would recompute the chains of its hundred thousand rows,
 * against indexes the load has dropped. With `fill`, every batch's chain is then written as the triggers would
 * have written it, in sixteen slices of the id space (two at a time on PostgreSQL, which has two cores here).
 */
export async function withPublicChainsAfter(database: Database, fill: boolean, load: () => Promise<void>): Promise<void> {
  const db = database.db;
  await setPublicChainTriggers(database, false);
  try {
    await load();
    if (!fill) return;
    const slices = Array.from({ length: 16 }, (_, h) => h);
    const bound = (h: number) => `${h.toString(16)}0000000-0000-0000-0000-000000000000`;
    await Promise.all(
      Array.from({ length: database.kind === 'postgres' ? 2 : 1 }, async () => {
        for (let h = slices.shift(); h !== undefined; h = slices.shift()) {
          const upper = h === 15 ? sql`true` : sql`id < ${bound(h + 1)}::uuid`;
          await db.execute(sql`SELECT refresh_public_chains(ARRAY(SELECT id FROM batches WHERE id >= ${bound(h)}::uuid AND ${upper}))`);
        }
      }),
    );
  } finally {
    await setPublicChainTriggers(database, true);
  }
}

export async function setPublicChainTriggers(database: Database, enabled: boolean): Promise<void> {
  for (const [table, trigger] of TRIGGERS) await database.db.execute(sql.raw(`ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`));
}

/** The analytics triggers (every source table's), switched off for a bulk load and on again after it. */
export async function setAnalyticsTriggers(db: Db, on: boolean) {
  const triggers = await queryRows<{ tbl: string; name: string }>(db, sql`SELECT c.relname AS tbl, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%analytics%'`);
  for (const t of triggers) await db.execute(sql.raw(`ALTER TABLE ${t.tbl} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t.name}`));
}

/**
 * Runs a bulk load with the analytics triggers off and recounts the rollups from the fact views after it, as the
 * triggers would have left them: their facts look batches up by id, and a load that has dropped the batches' key
 * turns each trade's look-up into a scan of every batch (a million trades never finished).
 */
export async function withRollupsRecountedAfter(database: Database, load: () => Promise<void>): Promise<void> {
  await setAnalyticsTriggers(database.db, false);
  try {
    await load();
  } finally {
    await setAnalyticsTriggers(database.db, true);
  }
  await rebuildRollups(database.db);
}
