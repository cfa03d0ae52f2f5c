import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CronExpressionParser } from 'cron-parser';
import type { Executor } from '../db/client.js';
import type { Logger } from '../logger.js';
import { buryExpired, claimJobs, completeJob, failJob, scheduleSlot, type QueuedJob } from './queue.js';

/**
 * A kind of job. With `everyMs` (and optionally `cron`, the slots it falls due) it is recurring: each slot is put in
 * the queue once, whichever server gets there first. Without them it runs only when enqueued (`enqueueJob`).
 * `everyMs` also bounds a healthy run: one lasting over three intervals is reported hung.
 */
export type Job = {
  name: string;
  everyMs: number;
  /** A cron expression (server time zone) whose slots the job runs at, checked every `everyMs`. */
  cron?: string;
  /** Attempts before the job is dead (default 3 for a recurring job, its next slot runs anyway). */
  maxAttempts?: number;
  /** How long a claim holds before another server may take the job again (default 10 minutes). */
  leaseMs?: number;
  run: (payload: Record<string, unknown>) => Promise<unknown>;
};

/** What one job has done in this process, for metrics and readiness. */
export type JobStats = {
  name: string;
  everyMs: number;
  runs: number;
  failures: number;
  /** Seconds, summed over finished runs. */
  secondsTotal: number;
  running: boolean;
  /** Epoch ms of the run in progress, if any. */
  runningSince: number | null;
  lastFinishedAt: number | null;
  lastFailed: boolean | null;
};

/** `manual`: never started (tests run jobs themselves); `stopped`: the server is shutting down. */
export type RunnerState = 'running' | 'manual' | 'stopped';

export type JobRunner = {
  add(job: Job): void;
  start(): void;
  /** Stops polling and waits for the runs in progress. */
  stop(): Promise<void>;
  /** Runs one job's function now (tests, the command line), outside the queue. */
  runNow(name: string): Promise<unknown>;
  /**
   * One pass of the worker: schedules the recurring slots due, buries runs whose lease expired on their last
   * attempt, claims due jobs and runs them; resolves when those runs have finished, with how many ran.
   */
  tick(): Promise<number>;
  /** This worker's name in `jobs.locked_by`. */
  readonly worker: string;
  state(): RunnerState;
  stats(): JobStats[];
};

export type RunnerOptions = {
  /** The clock, moved by tests. */
  now?: () => Date;
  random?: () => number;
  pollMs?: number;
  worker?: string;
  /** The first retry's wait (JOB_BACKOFF_SECONDS). */
  backoffMs?: number;
};

const DEFAULT_LEASE_MS = 10 * 60_000;
const CLAIM_BATCH = 10;

/**
 * The worker of the database-backed job queue (DESIGN.md §5 platform/jobs). Every server runs one; the queue
 * (queue.ts) lets them share the work safely: a slot is scheduled once, a job is run by one worker at a time, a
 * failed one is retried with backoff and ends dead after its attempts. In one process a kind runs once at a time.
 */
export function createJobRunner(log: Logger, db: Executor, options: RunnerOptions = {}): JobRunner {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const pollMs = options.pollMs ?? 5_000;
  const worker = options.worker ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const jobs = new Map<string, { job: Job; stats: JobStats }>();
  const running = new Map<number, Promise<void>>();
  const busyKinds = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let claiming: Promise<unknown> | undefined;
  let state: RunnerState = 'manual';

  const counted = (entry: { job: Job; stats: JobStats }, payload: Record<string, unknown>): Promise<unknown> => {
    const { job, stats } = entry;
    const started = Date.now();
    stats.running = true;
    stats.runningSince = started;
    const done = (failed: boolean) => {
      stats.runs++;
      if (failed) stats.failures++;
      stats.secondsTotal += (Date.now() - started) / 1000;
      stats.running = false;
      stats.runningSince = null;
      stats.lastFinishedAt = Date.now();
      stats.lastFailed = failed;
    };
    return Promise.resolve()
      .then(() => job.run(payload))
      .then(
        (result) => {
          done(false);
          return result;
        },
        (err: unknown) => {
          done(true);
          throw err;
        },
      );
  };

  const slotOf = (job: Job, at: Date): Date => {
    if (job.cron) return CronExpressionParser.parse(job.cron, { currentDate: new Date(at.getTime() + 1) }).prev().toDate();
    return new Date(Math.floor(at.getTime() / job.everyMs) * job.everyMs);
  };

  const execute = async (claimed: QueuedJob): Promise<void> => {
    const entry = jobs.get(claimed.kind)!;
    try {
      await counted(entry, (claimed.payload ?? {}) as Record<string, unknown>);
      await completeJob(db, claimed, worker, now());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const outcome = await failJob(db, claimed, worker, message, now(), random, options.backoffMs).catch((e: unknown) => {
        log.error({ err: e, job: claimed.kind }, 'recording a failed job failed');
        return 'lost' as const;
      });
      log.error({ err, job: claimed.kind, jobId: claimed.id, attempt: claimed.attempts, outcome }, 'job failed');
    }
  };

  /** Schedules and claims; returns the runs it started (not awaited here, so a long run does not stop the polling). */
  const claimAndStart = async (): Promise<{ runs: Promise<void>[]; count: number }> => {
    const at = now();
    for (const { job } of jobs.values()) {
      if (job.everyMs > 0) await scheduleSlot(db, job.name, slotOf(job, at), job.maxAttempts ?? 3);
    }
    await buryExpired(db, at);
    const kinds = [...jobs.keys()].filter((k) => !busyKinds.has(k));
    const claimed = await claimJobs(db, { worker, kinds, now: at, limit: CLAIM_BATCH, leaseMs: (k) => jobs.get(k)?.job.leaseMs ?? DEFAULT_LEASE_MS });
    // Two jobs of one kind claimed together run one after the other, like the runs of a kind in this process.
    const byKind = new Map<string, QueuedJob[]>();
    for (const c of claimed) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
    const runs: Promise<void>[] = [];
    for (const [kind, list] of byKind) {
      busyKinds.add(kind);
      const run = (async () => {
        for (const c of list) await execute(c);
      })().finally(() => busyKinds.delete(kind));
      for (const c of list) running.set(c.id, run);
      void run.finally(() => list.forEach((c) => running.delete(c.id)));
      runs.push(run);
    }
    return { runs, count: claimed.length };
  };

  const poll = () => {
    if (claiming || state !== 'running') return;
    claiming = claimAndStart()
      .catch((err: unknown) => log.error({ err }, 'polling the job queue failed'))
      .finally(() => (claiming = undefined));
  };

  return {
    worker,
    add(job) {
      if (job.cron) CronExpressionParser.parse(job.cron);
      jobs.set(job.name, {
        job,
        stats: { name: job.name, everyMs: job.everyMs, runs: 0, failures: 0, secondsTotal: 0, running: false, runningSince: null, lastFinishedAt: null, lastFailed: null },
      });
    },
    start() {
      state = 'running';
      // A first pass soon after start catches up on what fell due while no server ran.
      timer = setTimeout(function again() {
        poll();
        timer = setTimeout(again, pollMs).unref();
      }, 1_000).unref();
    },
    async stop() {
      state = 'stopped';
      clearTimeout(timer);
      await claiming;
      await Promise.all(running.values());
    },
    async runNow(name) {
      const entry = jobs.get(name);
      if (!entry) throw new Error(`no job named ${name}`);
      return counted(entry, {});
    },
    async tick() {
      const { runs, count } = await claimAndStart();
      await Promise.all(runs);
      return count;
    },
    state: () => state,
    stats: () => [...jobs.values()].map((e) => ({ ...e.stats })),
  };
}
