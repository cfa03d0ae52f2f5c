import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import type { JobRunner } from '../jobs/runner.js';
import type { Notifier } from '../notify/notifier.js';

export type LookupStats = { lookups: number; pendingCodes: number; writeFailures: number };

/**
 * What this process is doing, read from the parts that already keep it (pool, job runner, notifier, look-up
 * counter) at scrape time, so none of them depends on prom-client; only query times are pushed, as they happen.
 * Returns the way to stop hearing queries.
 */
export function installRuntimeMetrics(
  registry: Registry,
  parts: { database: Database; jobs: JobRunner; notifier: Notifier; lookups?: () => LookupStats },
): () => void {
  const { database, jobs, notifier, lookups } = parts;
  const registers = [registry];

  new Gauge({
    name: 'tracenet_db_info',
    help: 'The database driver in use (value 1)',
    labelNames: ['driver'] as const,
    registers,
    collect() {
      this.set({ driver: database.kind }, 1);
    },
  });
  new Gauge({
    name: 'tracenet_db_pool_max',
    help: 'Connections the pool may open (PGlite has one)',
    registers,
    collect() {
      const s = database.poolStats?.();
      if (s) this.set(s.max);
    },
  });
  new Gauge({
    name: 'tracenet_db_pool_connections',
    help: 'Pool connections by state (in_use, idle), and queries waiting for one (waiting)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const s = database.poolStats?.();
      if (!s) return;
      this.set({ state: 'in_use' }, s.inUse);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  new Counter({
    name: 'tracenet_db_connections_lost_total',
    help: 'Idle pool connections the database server dropped (restart, failover, timeout); the pool opens new ones',
    registers,
    collect() {
      const s = database.poolStats?.();
      if (!s) return;
      this.reset();
      this.inc(s.lost);
    },
  });
  const queryTime = new Histogram({
    name: 'tracenet_db_query_duration_seconds',
    help: 'Time of each database statement, without the wait for a connection',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const queryErrors = new Counter({ name: 'tracenet_db_query_errors_total', help: 'Database statements that failed', registers });
  const stopHearing =
    database.observeQueries?.((seconds, failed) => {
      queryTime.observe(seconds);
      if (failed) queryErrors.inc();
    }) ?? (() => {});

  // Counts kept by the job runner since this process started; set at scrape time, as a counter's value.
  new Counter({
    name: 'tracenet_job_runs_total',
    help: 'Job runs finished in this process, by job',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const j of jobs.stats()) this.inc({ job: j.name }, j.runs);
    },
  });
  new Counter({
    name: 'tracenet_job_failures_total',
    help: 'Job runs that failed in this process, by job',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const j of jobs.stats()) this.inc({ job: j.name }, j.failures);
    },
  });
  new Counter({
    name: 'tracenet_job_run_seconds_total',
    help: 'Time spent in finished job runs, by job',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const j of jobs.stats()) this.inc({ job: j.name }, j.secondsTotal);
    },
  });
  new Gauge({
    name: 'tracenet_job_running',
    help: 'Jobs running now (1) or not (0); the runner has no queue: each job runs on its interval, once at a time',
    labelNames: ['job'] as const,
    registers,
    collect() {
      for (const j of jobs.stats()) this.set({ job: j.name }, j.running ? 1 : 0);
    },
  });
  new Gauge({
    name: 'tracenet_job_last_finished_seconds',
    help: 'When each job last finished a run (Unix time), absent before its first run',
    labelNames: ['job'] as const,
    registers,
    collect() {
      this.reset();
      for (const j of jobs.stats()) if (j.lastFinishedAt !== null) this.set({ job: j.name }, j.lastFinishedAt / 1000);
    },
  });

  new Gauge({
    name: 'tracenet_sse_connections',
    help: 'Live notification streams (Server-Sent Events) open on this server',
    registers,
    collect() {
      // One stream listens to its subject's topic and to its user's revocations (user:…): count the streams, once each.
      this.set(notifier.subscriptions('subject:'));
    },
  });

  if (lookups) {
    new Counter({
      name: 'tracenet_public_lookups_total',
      help: 'Public trace look-ups of a code (label page, Digital Link, public API) counted by this server',
      registers,
      collect() {
        this.reset();
        this.inc(lookups().lookups);
      },
    });
    new Gauge({
      name: 'tracenet_public_lookup_codes_pending',
      help: 'Codes whose look-up counts this server has not written to the database yet',
      registers,
      collect() {
        this.set(lookups().pendingCodes);
      },
    });
    new Counter({
      name: 'tracenet_public_lookup_write_failures_total',
      help: 'Failed writes of look-up counts',
      registers,
      collect() {
        this.reset();
        this.inc(lookups().writeFailures);
      },
    });
  }
  return stopHearing;
}
