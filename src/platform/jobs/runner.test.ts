import { describe, expect, it } from 'vitest';
import { checkJobs } from '../http/health.js';
import { createLogger } from '../logger.js';
import { createJobRunner } from './runner.js';

// What the runner keeps about its jobs feeds /metrics and /readyz: runs, failures, time, and a run that hangs.

describe('the job runner', () => {
  it('counts runs and failures of each job, run now or on schedule', async () => {
    const runner = createJobRunner(createLogger('silent'));
    let fail = false;
    runner.add({ name: 'flaky', everyMs: 60_000, run: async () => (fail ? Promise.reject(new Error('no')) : 'done') });
    expect(await runner.runNow('flaky')).toBe('done');
    fail = true;
    await expect(runner.runNow('flaky')).rejects.toThrow('no');
    const [stats] = runner.stats();
    expect(stats).toMatchObject({ name: 'flaky', runs: 2, failures: 1, running: false, runningSince: null, lastFailed: true });
    expect(stats!.lastFinishedAt).toBeGreaterThan(Date.now() - 5_000);
    expect(runner.state()).toBe('manual');
    // A failed last run is reported, not a reason to take the server out of rotation.
    expect(checkJobs(runner)).toMatchObject({ state: 'up', jobs: [{ name: 'flaky', lastFailed: true }] });
  });

  it('is down for readiness while a run has lasted over three of its intervals, and once stopped', async () => {
    const runner = createJobRunner(createLogger('silent'));
    let release = () => {};
    runner.add({ name: 'stuck', everyMs: 20, run: () => new Promise<void>((r) => (release = r)) });
    const run = runner.runNow('stuck');
    expect(checkJobs(runner)).toMatchObject({ state: 'up', jobs: [{ name: 'stuck', running: true, hung: false }] });
    await new Promise((r) => setTimeout(r, 100));
    expect(checkJobs(runner)).toMatchObject({ state: 'down', error: 'hung: stuck', jobs: [{ name: 'stuck', running: true, hung: true }] });
    release();
    await run;
    expect(checkJobs(runner).state).toBe('up');
    runner.start();
    expect(checkJobs(runner)).toMatchObject({ state: 'up', mode: 'running' });
    await runner.stop();
    expect(checkJobs(runner)).toMatchObject({ state: 'down', mode: 'stopped' });
  });
});
