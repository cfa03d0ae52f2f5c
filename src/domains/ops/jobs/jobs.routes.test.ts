import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createLogger } from '../../../platform/logger.js';
import { enqueueJob } from '../../../platform/jobs/queue.js';
import { createJobRunner } from '../../../platform/jobs/runner.js';
import { jobs } from '../../../platform/jobs/schema.js';

// The operations page's API: the queue by state, and an operator's retry of a dead job (audited, once).

describe('ops jobs', () => {
  let t: TestApp;
  let admin: Client;
  let deadId: number;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('ops-staff');
    // A job that fails its one attempt: dead.
    const runner = createJobRunner(createLogger('silent'), t.database.db, { worker: 'w-test' });
    let fixed = false;
    runner.add({ name: 'test.export', everyMs: 0, run: async () => (fixed ? 'ok' : Promise.reject(new Error('disk full'))) });
    deadId = (await enqueueJob(t.database.db, 'test.export', { file: 'a' }, { maxAttempts: 1 }))!;
    await enqueueJob(t.database.db, 'test.export', {}, { runAt: new Date(Date.now() + 3_600_000) });
    await runner.tick();
    fixed = true;
  });
  afterAll(() => t.close());

  it('lists jobs newest first, filtered by state and kind, a page at a time', async () => {
    const dead = await admin.get('/api/v1/ops/jobs?state=dead&kind=test.export');
    expect(dead.statusCode).toBe(200);
    expect(dead.json().items).toEqual([expect.objectContaining({ id: deadId, kind: 'test.export', state: 'dead', attempts: 1, maxAttempts: 1, lastError: 'disk full' })]);
    const all = await admin.get('/api/v1/ops/jobs?kind=test.export&limit=1');
    expect(all.json().items).toHaveLength(1);
    expect(all.json().items[0].id).toBeGreaterThan(deadId);
    const next = await admin.get(`/api/v1/ops/jobs?kind=test.export&limit=1&cursor=${all.json().nextCursor as string}`);
    expect(next.json().items.map((j: { id: number }) => j.id)).toEqual([deadId]);
    const bad = await admin.get('/api/v1/ops/jobs?state=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('is for operations (运维) only: not the ministry’s supervision, not a province', async () => {
    const ministry = await t.login('moa-admin');
    expect((await ministry.get('/api/v1/ops/jobs')).statusCode).toBe(403);
    const province = await t.login('sd-admin');
    expect((await province.get('/api/v1/ops/jobs')).statusCode).toBe(403);
    expect((await province.post(`/api/v1/ops/jobs/${deadId}/retry`, {})).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/ops/jobs')).statusCode).toBe(401);
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, deadId));
    expect(row!.state).toBe('dead');
  });

  it('sends a dead job back to the queue once, audited; a job not dead or not there is refused', async () => {
    const res = await admin.post(`/api/v1/ops/jobs/${deadId}/retry`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: deadId, state: 'queued', attempts: 0 });
    const audit = await queryRows<{ action: string; before: { lastError: string }; after: { state: string } }>(
      t.database.db,
      sql`SELECT action, before, after FROM audit_log WHERE target_type = 'job' AND target_id = ${String(deadId)}`,
    );
    expect(audit).toEqual([expect.objectContaining({ action: 'ops.job_retry', before: expect.objectContaining({ lastError: 'disk full' }), after: { state: 'queued', attempts: 0 } })]);

    const again = await admin.post(`/api/v1/ops/jobs/${deadId}/retry`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'JOB_NOT_DEAD', message: { zh: expect.stringContaining('等待执行') } });
    const missing = await admin.post('/api/v1/ops/jobs/999999999/retry', {});
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('JOB_NOT_FOUND');
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'job'`)) as [{ n: number }];
    expect(n).toBe(1);

    // The retried job runs at the next poll and succeeds.
    const runner = createJobRunner(createLogger('silent'), t.database.db, { worker: 'w-after' });
    runner.add({ name: 'test.export', everyMs: 0, run: async () => 'ok' });
    expect(await runner.tick()).toBe(1);
    const [row] = await t.database.db.select().from(jobs).where(eq(jobs.id, deadId));
    expect(row).toMatchObject({ state: 'succeeded', attempts: 1 });
  });
});
