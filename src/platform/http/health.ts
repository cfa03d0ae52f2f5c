import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Notifier } from '../notify/notifier.js';

/** A dependency that does not answer within this is down: a load balancer must not wait on a hung check. */
const CHECK_TIMEOUT_MS = 2_000;

type Check = { state: 'up' | 'down'; error?: string } & Record<string, unknown>;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function checkDatabase(database: Database): Promise<Check> {
  const started = performance.now();
  try {
    await withTimeout(database.db.execute(sql`SELECT 1`), 'the database');
    return { state: 'up', kind: database.kind, ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (err) {
    return { state: 'down', kind: database.kind, error: message(err) };
  }
}

/**
 * The runner is down when it has stopped (the server is shutting down) or a run has lasted over three of its job's
 * intervals (hung); a job whose last run failed is reported, not counted as down (it is retried at its next tick,
 * and a failing database shows in its own check). `manual`: never started, as in tests, where jobs are run by hand.
 */
export function checkJobs(jobs: JobRunner): Check {
  const state = jobs.state();
  const now = Date.now();
  const list = jobs.stats().map((j) => ({
    name: j.name,
    running: j.running,
    hung: j.runningSince !== null && now - j.runningSince > 3 * j.everyMs,
    lastFinishedAt: j.lastFinishedAt === null ? null : new Date(j.lastFinishedAt).toISOString(),
    lastFailed: j.lastFailed,
  }));
  const hung = list.filter((j) => j.hung).map((j) => j.name);
  if (state === 'stopped') return { state: 'down', mode: state, error: 'the job runner has stopped', jobs: list };
  if (hung.length) return { state: 'down', mode: state, error: `hung: ${hung.join(', ')}`, jobs: list };
  return { state: 'up', mode: state, jobs: list };
}

async function checkNotifier(notifier: Notifier): Promise<Check> {
  try {
    const result = await withTimeout(notifier.check(), 'the notifier');
    return { ...result, subscriptions: notifier.subscriptions() };
  } catch (err) {
    return { state: 'down', error: message(err), subscriptions: notifier.subscriptions() };
  }
}

/**
 * /healthz: the process answers (cheap: no dependency is touched, for liveness probes). /readyz: each dependency
 * with its state — database, job runner, notifier (the LISTEN behind live notifications) — and 503 when one is down,
 * so a load balancer routes around this server.
 */
export function healthRoutes(deps: { database: Database; jobs: JobRunner; notifier: Notifier }) {
  return async (app: FastifyInstance) => {
    app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const [database, notifier] = await Promise.all([checkDatabase(deps.database), checkNotifier(deps.notifier)]);
      const dependencies = { database, jobRunner: checkJobs(deps.jobs), notifier };
      const ready = Object.values(dependencies).every((d) => d.state === 'up');
      return reply
        .status(ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status: ready ? 'ready' : 'unavailable', dependencies });
    });
  };
}
