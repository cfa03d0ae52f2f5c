import type { Logger } from '../logger.js';

export type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

export type JobRunner = {
  add(job: Job): void;
  start(): void;
  /** Stops the timers and waits for a run in progress. */
  stop(): Promise<void>;
  /** Runs one job now (tests, the command line), outside its schedule. */
  runNow(name: string): Promise<unknown>;
};

/**
 * The built-in scheduler (DESIGN.md §5 platform/jobs): each job runs on its interval, never twice at once in this
 * process, its failures logged and retried at the next tick. Jobs must be safe to run on several servers at once
 * (each is one guarded statement), so no lock between servers is taken.
 */
export function createJobRunner(log: Logger): JobRunner {
  const jobs = new Map<string, Job>();
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<unknown>>();

  const tick = (job: Job) => {
    if (running.has(job.name)) return running.get(job.name)!;
    const run = job
      .run()
      .catch((err: unknown) => log.error({ err, job: job.name }, 'scheduled job failed'))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };

  return {
    add(job) {
      jobs.set(job.name, job);
    },
    start() {
      for (const job of jobs.values()) {
        // A first run soon after start catches up on what fell due while no server ran.
        timers.push(setTimeout(() => void tick(job), 1_000).unref());
        timers.push(setInterval(() => void tick(job), job.everyMs).unref());
      }
    },
    async stop() {
      for (const t of timers) clearTimeout(t);
      timers.length = 0;
      await Promise.all(running.values());
    },
    async runNow(name) {
      const job = jobs.get(name);
      if (!job) throw new Error(`no job named ${name}`);
      return job.run();
    },
  };
}
