import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';

/**
 * The servers of bench/public-lookup.ts, each in a child process of its own so that the load generator never shares
 * their event loop. BENCH_SERVE names what this process serves: `app` (the whole application from buildApp, as
 * src/server.ts starts it, on a database already prepared), `baseline` (a bare Fastify route doing one primary-key
 * select of a batch with `pg`, with a pool the app's size), or both (PGlite: one process holds its data folder).
 * Answers the ports over IPC once listening.
 */
const config = loadConfig();
const serve = (process.env.BENCH_SERVE ?? '').split(',');
const database = await openDatabase(config);
const servers: FastifyInstance[] = [];
const ports: Record<string, number> = {};

const listen = async (name: string, app: FastifyInstance) => {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  ports[name] = typeof address === 'object' && address ? address.port : 0;
  servers.push(app);
};

if (serve.includes('app')) await listen('app', await buildApp(config, database, createLogger(config.logLevel)));

if (serve.includes('baseline')) {
  const text = 'SELECT * FROM batches WHERE id = $1';
  let select: (id: string) => Promise<unknown>;
  let end = async () => {};
  if (database.pglite) {
    const pglite = database.pglite;
    select = async (id) => (await pglite.query(text, [id])).rows[0];
  } else {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.pgPoolSize });
    select = async (id) => (await pool.query(text, [id])).rows[0];
    end = () => pool.end();
  }
  const baseline = Fastify();
  baseline.get<{ Params: { id: string } }>('/batches/:id', async (request) => select(request.params.id));
  baseline.addHook('onClose', end);
  await listen('baseline', baseline);
}

// Stopped by the bench, or orphaned by its end (its IPC channel closes): either way the servers close cleanly.
const stop = async () => {
  for (const app of servers) await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
process.send!({ ports });
