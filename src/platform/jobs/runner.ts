import type { Logger } from '../logger.js';

export type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

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
  /** Stops the timers and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs one job now (tests, the command line), outside its schedule. */
  runNow(name: string): Promise<unknown>;
  state(): RunnerState;
  stats(): JobStats[];
};

/**
 * The built-in scheduler (DESIGN.md §5 platform/jobs): each job runs on its interval, never twice at once in this
 * process, its failures logged and retried at the next tick. Jobs must be safe to run on several servers at once
 * (each is one guarded statement), so no lock between servers is taken.
 */
export function createJobRunner(log: Logger): JobRunner {
  const jobs = new Map<string, { job: Job; stats: JobStats }>();
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<unknown>>();
  let state: RunnerState = 'manual';

  const counted = (entry: { job: Job; stats: JobStats }): Promise<unknown> => {
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
    return job.run().then(
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

  const tick = (entry: { job: Job; stats: JobStats }) => {
    const { name } = entry.job;
    if (running.has(name)) return running.get(name)!;
    const run = counted(entry)
      .catch((err: unknown) => log.error({ err, job: name }, 'scheduled job failed'))
      .finally(() => running.delete(name));
    running.set(name, run);
    return run;
  };

  return {
    add(job) {
      jobs.set(job.name, {
        job,
        stats: { name: job.name, everyMs: job.everyMs, runs: 0, failures: 0, secondsTotal: 0, running: false, runningSince: null, lastFinishedAt: null, lastFailed: null },
      });
    },
    start() {
      state = 'running';
      for (const entry of jobs.values()) {
        // A first run soon after start catches up on what fell due while no server ran.
        timers.push(setTimeout(() => void tick(entry), 1_000).unref());
        timers.push(setInterval(() => void tick(entry), entry.job.everyMs).unref());
      }
    },
    async stop() {
      state = 'stopped';
      for (const t of timers) clearTimeout(t);
      timers.length = 0;
      await Promise.all(running.values());
    },
    async runNow(name) {
      const entry = jobs.get(name);
      if (!entry) throw new Error(`no job named ${name}`);
      return counted(entry);
    },
    state: () => state,
    stats: () => [...jobs.values()].map((e) => ({ ...e.stats })),
  };
}
