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
  listen(channel: string, onMessage: (payload: string) => void, onLost?: (err: Error) => void): Promise<() => Promise<void>>;
  /** Connections now (PGlite has one), for metrics. */
  poolStats?(): PoolStats;
  /** Hears every query's time and outcome (metrics); returns the way to stop hearing. */
  observeQueries?(observer: QueryObserver): () => void;
  /** PGlite only: the underlying instance, for dumps in tests. */
  pglite?: PGlite;
};

export type PoolStats = { max: number; inUse: number; idle: number; waiting: number; lost: number };
export type QueryObserver = (seconds: number, failed: boolean) => void;

/** The observers of one database, told of each query by whichever driver runs it. */
function queryObservers() {
  const observers = new Set<QueryObserver>();
  return {
    observe(observer: QueryObserver) {
      observers.add(observer);
      return () => void observers.delete(observer);
    },
    tell(started: number, failed: boolean) {
      if (!observers.size) return;
      const seconds = (performance.now() - started) / 1000;
      for (const o of observers) o(seconds, failed);
    },
  };
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Times every query a pooled client runs (drizzle's, transactions', pool.query's), whether the caller waits on a
 * promise or a callback. Streams (COPY, cursors) are submittables that report on their own and are not timed.
 */
function timeClientQueries(client: pg.PoolClient, tell: (started: number, failed: boolean) => void) {
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (first && typeof first.submit === 'function') return query(...args);
    const started = performance.now();
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        tell(started, Boolean(err));
        (last as QueryFn)(err, res);
      };
      return query(...args);
    }
    return (query(...args) as Promise<unknown>).then(
      (res) => {
        tell(started, false);
        return res;
      },
      (err: unknown) => {
        tell(started, true);
        throw err;
      },
    );
  };
}

const INT8 = 20;
// bigint arrives as a string from `pg` and as a number from PGlite; we normalise both to number here, once.
// Drizzle's node-postgres session falls back to pg's global parsers, so the global one is the place to set it.
pg.types.setTypeParser(INT8, (v: string) => Number(v));

/**
 * The platform's sessions run short, index-driven statements, and PostgreSQL's planner overestimates some of them by
 * orders of magnitude (an array overlap on identifiers that are each in one row is costed at 0.5 % of the table). Past
 * the cost thresholds it then compiles the plan (JIT, ~10 ms) and starts parallel workers (~20 ms) to find one row:
 * MATCH_anyEPC over 10 M events took 30 ms instead of 0.3. `analytic` keeps the server's defaults, for a connection
 * that scans and aggregates whole tables (the benches' GROUP BY baselines).
 */
const OLTP_SESSION = '-c jit=off -c max_parallel_workers_per_gather=0';

export async function openPostgres(url: string, poolSize = 10, opts: { analytic?: boolean } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, ...(opts.analytic ? {} : { options: OLTP_SESSION }) });
  const observers = queryObservers();
  let closing: Promise<void> | undefined;
  // An idle connection the server drops (a restart, a failover, idle_session_timeout) is an 'error' on the pool, and
  // an EventEmitter's unheard 'error' kills the process. The pool has already discarded that connection and the next
  // query opens a new one; the count is a metric, and a database that stays down shows in readiness and query errors.
  let lost = 0;
  pool.on('error', () => void lost++);
  // pool.end() resolves before its connections have said goodbye; closing waits for each to end, so a caller that
  // then drops the database (tests, backups) does not kill a connection still open and crash on its error.
  const open = new Set<pg.PoolClient>();
  let allEnded: (() => void) | undefined;
  pool.on('connect', (client) => {
    open.add(client);
    timeClientQueries(client, observers.tell);
  });
  pool.on('remove', (client) => {
    open.delete(client);
    if (!open.size) allEnded?.();
  });
  const end = async () => {
    const ended = open.size ? new Promise<void>((resolve) => (allEnded = resolve)) : undefined;
    await pool.end();
    await ended;
  };
  // Fail fast at boot with the driver's own message (wrong host, missing database) rather than at the first request.
  const client = await pool.connect();
  client.release();
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    // Idempotent: a second close (a test that closed it on purpose, a second signal) is not an error.
    close: () => (closing ??= end()),
    listen: (channel, onMessage, onLost) => listenPostgres(url, channel, onMessage, onLost),
    poolStats: () => ({ max: poolSize, inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount, lost }),
    observeQueries: observers.observe,
  };
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void, onLost?: (err: Error) => void): Promise<() => Promise<void>> {
  if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('notification', (n) => {
    if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
  });
  // A dropped listening connection must not crash the server: the listener is told (readiness reports it and the
  // notifier listens again), and the console still shows every trade on its next load.
  let ended = false;
  const lost = (err: Error) => {
    if (ended) return;
    ended = true;
    onLost?.(err);
  };
  client.on('error', lost);
  client.on('end', () => lost(new Error('the listening connection ended')));
  await client.query(`LISTEN ${channel}`);
  return async () => {
    ended = true;
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
  const observers = queryObservers();
  // Every statement, in a transaction or not, passes PGlite's query lock once: timing the work inside it measures
  // the query without the wait, and the calls not yet inside are the ones waiting for the one connection.
  let running = 0;
  let queued = 0;
  const exclusive = pglite._runExclusiveQuery.bind(pglite);
  pglite._runExclusiveQuery = <T>(fn: () => Promise<T>): Promise<T> => {
    queued++;
    let entered = false;
    return exclusive(async () => {
      entered = true;
      queued--;
      running++;
      const started = performance.now();
      let failed = true;
      try {
        const result = await fn();
        failed = false;
        return result;
      } finally {
        running--;
        observers.tell(started, failed);
      }
    }).finally(() => {
      if (!entered) queued--;
    });
  };
  return {
    db: drizzlePglite(pglite) as unknown as Db,
    kind: 'pglite',
    pglite,
    async listen(channel, onMessage) {
      return pglite.listen(channel, onMessage);
    },
    poolStats: () => ({ max: 1, inUse: Math.min(running, 1), idle: running ? 0 : 1, waiting: queued, lost: 0 }),
    observeQueries: observers.observe,
    async close() {
      if (pglite.closed) return;
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
