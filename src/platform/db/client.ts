import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

/** The one database handle every domain receives; the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

/**
 * The PostgreSQL pool behind an executor, for the few reads that need the driver itself (named prepared statements,
 * rows streamed as they arrive), with their SQL text and parameters; none on PGlite or inside a transaction.
 */
export function poolOf(executor: Executor): pg.Pool | undefined {
  const client = (executor as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : undefined;
}

const dialect = new PgDialect();
export const toQuery = (query: SQL): { text: string; params: unknown[] } => {
  const q = dialect.sqlToQuery(query);
  return { text: q.sql, params: q.params };
};

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * LISTEN on a channel: `onMessage` gets each NOTIFY payload, delivered once the notifying transaction commits.
   * PostgreSQL holds one extra connection for it; PGlite listens in process. Returns the way to stop.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** PGlite only: the underlying instance, for dumps in tests. */
  pglite?: PGlite;
};

const INT8 = 20;
// bigint arrives as a string from `pg` and as a number from PGlite; we normalise both to number here, once.
// Drizzle's node-postgres session falls back to pg's global parsers, so the global one is the place to set it.
pg.types.setTypeParser(INT8, (v: string) => Number(v));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Fail fast at boot with the driver's own message (wrong host, missing database) rather than at the first request.
  const client = await pool.connect();
  client.release();
  return { db: drizzlePg(pool) as unknown as Db, kind: 'postgres', close: () => pool.end(), listen: (channel, onMessage) => listenPostgres(url, channel, onMessage) };
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('notification', (n) => {
    if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
  });
  // A dropped listening connection must not crash the server; live notifications stop until a restart,
  // and the console still shows every trade on its next load.
  client.on('error', () => undefined);
  await client.query(`LISTEN ${channel}`);
  return async () => {
    await client.end().catch(() => undefined);
  };
}

const pgliteParsers = { [INT8]: (v: string) => Number(v) };

/** PGlite allows one process per data folder, so we hold a lock file and refuse a second process clearly. */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  let release = () => {};
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    release = lockFolder(dataDir);
  }
  const pglite = await PGlite.create({ dataDir: dir, loadDataDir, parsers: pgliteParsers });
  return {
    db: drizzlePglite(pglite) as unknown as Db,
    kind: 'pglite',
    pglite,
    async listen(channel, onMessage) {
      return pglite.listen(channel, onMessage);
    },
    async close() {
      await pglite.close();
      release();
    },
  };
}

function lockFolder(dataDir: string): () => void {
  const lock = path.join(dataDir, 'tracenet.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. 嵌入式数据库正被进程 ${pid} 使用。Stop it first, or set DATA_DIR to another folder.`,
      );
    }
  }
  const fd = openSync(lock, 'w');
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => {
    try {
      unlinkSync(lock);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
