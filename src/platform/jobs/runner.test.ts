import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { sessions } from '../auth/schema.js';
import { purgeExpiredSessions } from '../auth/session.js';
import { queryRows } from '../db/rows.js';
import { consumeOutbox, purgedUpTo, purgeOutbox, recordEvent } from '../events/outbox.js';
import { settled } from '../../../test/settled.js';
import { checkJobs } from '../http/health.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import { createLogger } from '../logger.js';
import { backoffMs, claimJobs, completeJob, enqueueJob, purgeFinishedJobs } from './queue.js';
import { createJobRunner } from './runner.js';
import { jobs } from './schema.js';

// The queue is shared by every server: these tests drive workers with a clock they move, on the suite's database
// (PGlite, or PostgreSQL with TEST_DATABASE_URL, where two workers really claim at the same time).

const log = createLogger('silent');
const T0 = new Date('2026-03-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('the job queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const db = () => t.database.db;
  const rowOf = async (id: number) => (await db().select().from(jobs).where(eq(jobs.id, id)))[0]!;

  it('retries a failed job after an exponential backoff with jitter, then holds it dead after its attempts', async () => {
    let clock = T0;
    const runner = createJobRunner(log, db(), { now: () => clock, random: () => 0, worker: 'w-backoff' });
    let calls = 0;
    runner.add({ name: 'test.flaky', everyMs: 0, run: async () => Promise.reject(new Error(`refused ${++calls}`)) });
    const id = (await enqueueJob(db(), 'test.flaky', { n: 1 }, { runAt: T0, maxAttempts: 3 }))!;

    expect(await runner.tick()).toBe(1);
    let row = await rowOf(id);
    // Attempt 1 failed: back in the queue half a 30 s step later (jitter 0 of the other half).
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: 'refused 1', lockedBy: null });
    expect(row.runAt.getTime() - T0.getTime()).toBe(15_000);
    clock = at(14_999);
    expect(await runner.tick()).toBe(0);
    clock = at(15_000);
    expect(await runner.tick()).toBe(1);
    row = await rowOf(id);
    expect(row.runAt.getTime() - clock.getTime()).toBe(30_000);
    clock = at(45_000);
    expect(await runner.tick()).toBe(1);
    row = await rowOf(id);
    expect(row).toMatchObject({ state: 'dead', attempts: 3, lastError: 'refused 3' });
    expect(row.finishedAt?.getTime()).toBe(clock.getTime());
    // A dead job is not run again, however late it gets.
    clock = at(86_400_000);
    expect(await runner.tick()).toBe(0);
    expect(calls).toBe(3);
    expect(runner.stats()).toEqual([expect.objectContaining({ name: 'test.flaky', runs: 3, failures: 3, lastFailed: true })]);
  });

  it('spreads retries: the wait grows twofold per attempt, stays within its step and is capped at an hour', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, () => 1))).toEqual([30_000, 60_000, 120_000]);
    expect(backoffMs(2, () => 0.5)).toBe(45_000);
    expect(backoffMs(30, () => 1)).toBe(3_600_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffMs(4)));
    expect(spread.size).toBeGreaterThan(1);
    for (const ms of spread) expect(ms).toBeGreaterThanOrEqual(120_000);
  });

  it('never gives one job to two workers claiming at the same time', async () => {
    const ran: { worker: string; n: number }[] = [];
    const worker = (name: string) => {
      const r = createJobRunner(log, db(), { now: () => T0, worker: name });
      r.add({
        name: 'test.count',
        everyMs: 0,
        run: async (payload) => {
          ran.push({ worker: name, n: payload.n as number });
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
      });
      return r;
    };
    const [a, b] = [worker('w-a'), worker('w-b')];
    for (let n = 1; n <= 30; n++) await enqueueJob(db(), 'test.count', { n }, { runAt: T0 });
    let passes = 0;
    while ((await Promise.all([a.tick(), b.tick()])).some((n) => n > 0)) passes++;
    expect(passes).toBeGreaterThan(0);
    expect(ran.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(ran.map((r) => r.worker))).toEqual(new Set(['w-a', 'w-b']));
    const [left] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.count' AND state <> 'succeeded'`);
    expect(left!.n).toBe(0);
  });

  it('schedules a recurring slot once however many servers tick, and runs it once', async () => {
    let runs = 0;
    const worker = (name: string) => {
      const r = createJobRunner(log, db(), { now: () => at(90_000), worker: name });
      r.add({ name: 'test.every-minute', everyMs: 60_000, run: async () => runs++ });
      return r;
    };
    const [a, b] = [worker('w-1'), worker('w-2')];
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    const rows = await db().select().from(jobs).where(eq(jobs.kind, 'test.every-minute'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ uniqueKey: `test.every-minute@${at(60_000).toISOString()}`, state: 'succeeded' });
    expect(runs).toBe(1);
  });

  it('runs again a job whose worker died holding it, once its lease has run out', async () => {
    const id = (await enqueueJob(db(), 'test.lease', {}, { runAt: T0 }))!;
    // A worker claims it and is killed: the row stays `running` under its name.
    const [claimed] = await claimJobs(db(), { worker: 'w-killed', kinds: ['test.lease'], now: T0, limit: 1, leaseMs: () => 60_000 });
    expect(claimed).toMatchObject({ id, state: 'running', attempts: 1 });
    let clock = at(30_000);
    let ran = 0;
    const survivor = createJobRunner(log, db(), { now: () => clock, worker: 'w-survivor' });
    survivor.add({ name: 'test.lease', everyMs: 0, leaseMs: 60_000, run: async () => ran++ });
    expect(await survivor.tick()).toBe(0);
    clock = at(60_001);
    expect(await survivor.tick()).toBe(1);
    expect(ran).toBe(1);
    expect(await rowOf(id)).toMatchObject({ state: 'succeeded', attempts: 2, lockedBy: null });
    // The killed worker, were it to wake, cannot mark the job as its own result.
    expect(await completeJob(db(), { id }, 'w-killed', clock)).toBe(false);
  });

  it('buries a job whose lease ran out on its last attempt instead of running it again', async () => {
    const id = (await enqueueJob(db(), 'test.crasher', {}, { runAt: T0, maxAttempts: 1 }))!;
    await claimJobs(db(), { worker: 'w-crashed', kinds: ['test.crasher'], now: T0, limit: 1, leaseMs: () => 1_000 });
    let ran = 0;
    const r = createJobRunner(log, db(), { now: () => at(5_000), worker: 'w-next' });
    r.add({ name: 'test.crasher', everyMs: 0, run: async () => ran++ });
    expect(await r.tick()).toBe(0);
    expect(ran).toBe(0);
    expect(await rowOf(id)).toMatchObject({ state: 'dead', lastError: 'lease expired on the last attempt' });
  });

  it('purges only what has expired: sessions, idempotency rows, finished jobs and delivered outbox events', async () => {
    const userId = (await queryRows<{ id: string }>(db(), sql`SELECT id FROM users LIMIT 1`))[0]!.id;
    await db()
      .insert(sessions)
      .values([
        { idHash: 'p'.repeat(64), userId, csrfToken: 'x', expiresAt: new Date(Date.now() - 1_000) },
        { idHash: 'q'.repeat(64), userId, csrfToken: 'x', expiresAt: new Date(Date.now() + 3_600_000) },
      ]);
    await purgeExpiredSessions(db());
    const left = await db().select({ idHash: sessions.idHash }).from(sessions).where(sql`${sessions.idHash} IN (${'p'.repeat(64)}, ${'q'.repeat(64)})`);
    expect(left.map((s) => s.idHash)).toEqual(['q'.repeat(64)]);

    await db().execute(sql`INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES
      ('purge-test', 'old', 'h', now() - interval '25 hours'), ('purge-test', 'new', 'h', now() - interval '23 hours')`);
    expect(await purgeIdempotencyKeys(db(), 24)).toBeGreaterThanOrEqual(1);
    const keys = await queryRows<{ key: string }>(db(), sql`SELECT key FROM idempotency_keys WHERE scope = 'purge-test'`);
    expect(keys.map((k) => k.key)).toEqual(['new']);

    const now = new Date('2026-04-01T00:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    await db()
      .insert(jobs)
      .values([
        { kind: 'test.purge', runAt: days(9), state: 'succeeded', finishedAt: days(8), uniqueKey: 'purge-old' },
        { kind: 'test.purge', runAt: days(7), state: 'succeeded', finishedAt: days(6), uniqueKey: 'purge-recent' },
        { kind: 'test.purge', runAt: days(30), state: 'dead', finishedAt: days(30), uniqueKey: 'purge-dead' },
        { kind: 'test.purge', runAt: days(30), state: 'queued', uniqueKey: 'purge-waiting' },
      ]);
    // The earlier tests' jobs finished in March go too; the recent, the dead and the waiting stay.
    expect(await purgeFinishedJobs(db(), 7, now)).toBeGreaterThanOrEqual(1);
    const kept = await db().select({ key: jobs.uniqueKey }).from(jobs).where(eq(jobs.kind, 'test.purge'));
    expect(kept.map((k) => k.key).sort()).toEqual(['purge-dead', 'purge-recent', 'purge-waiting']);

    // Outbox: an event a consumer has not passed stays however old; once passed, an old one goes, and so does only a
    // prefix of the outbox (a young event keeps every later one), whose end is kept for the change feed's readers.
    await db().transaction((tx) => recordEvent(tx, { type: 'test.purged', aggregateType: 'test', aggregateId: 'a' }));
    await db().execute(sql`UPDATE outbox_events SET created_at = now() - interval '30 days'`);
    await db().execute(sql`INSERT INTO outbox_cursors (consumer) VALUES ('test.lagging')`);
    expect(await purgeOutbox(db(), 7)).toBe(0);
    await settled(db());
    await consumeOutbox(db(), 'test.lagging', async () => {}, 100_000);
    expect(await purgeOutbox(db(), 7)).toBeGreaterThanOrEqual(1);
    expect(await queryRows(db(), sql`SELECT id FROM outbox_events WHERE type = 'test.purged'`)).toEqual([]);
    const [purged] = await queryRows<{ txId: string; eventId: number }>(db(), sql`SELECT tx_id::text AS "txId", event_id AS "eventId" FROM outbox_purged`);
    expect(await purgedUpTo(db())).toEqual({ txId: purged!.txId, eventId: Number(purged!.eventId) });
    await db().transaction((tx) => recordEvent(tx, { type: 'test.young', aggregateType: 'test', aggregateId: 'b' }));
    await db().transaction((tx) => recordEvent(tx, { type: 'test.old', aggregateType: 'test', aggregateId: 'c' }));
    await db().execute(sql`UPDATE outbox_events SET created_at = now() - interval '30 days' WHERE type = 'test.old'`);
    await settled(db());
    await consumeOutbox(db(), 'test.lagging', async () => {}, 100_000);
    expect(await purgeOutbox(db(), 7)).toBe(0);
    expect((await queryRows<{ type: string }>(db(), sql`SELECT type FROM outbox_events WHERE type IN ('test.young', 'test.old') ORDER BY id`)).map((r) => r.type)).toEqual(['test.young', 'test.old']);
  });
});

describe('the runner in this process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('counts runs and failures of each job, run now or on schedule', async () => {
    const runner = createJobRunner(log, t.database.db);
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
    const runner = createJobRunner(log, t.database.db, { pollMs: 60_000 });
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
