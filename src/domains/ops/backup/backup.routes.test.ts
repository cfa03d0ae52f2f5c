import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { runManualBackup } from './backup.schedule.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

describe('GET /api/v1/ops/backups', () => {
  it("shows each run's time, file, size, duration and result to operations (运维)", async () => {
    const admin = await t.login('ops-admin');
    const empty = await admin.get('/api/v1/ops/backups');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ items: [], nextCursor: null, total: { value: 0, capped: false } });

    const ok = await runManualBackup({ database: t.database, config: t.config }, path.join(t.config.dataDir, 'backups'));
    expect(ok.ok).toBe(true);
    // A folder that cannot be made (a file is in the way) fails the run, and the failure is recorded.
    const failed = await runManualBackup({ database: t.database, config: t.config }, path.join(ok.file!, 'sub'));
    expect(failed.ok).toBe(false);

    const res = await admin.get('/api/v1/ops/backups?limit=1');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ trigger: 'manual', ok: false, file: null, error: expect.any(String) });
    const next = (await admin.get(`/api/v1/ops/backups?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items[0]).toMatchObject({ trigger: 'manual', ok: true, error: null, file: path.basename(ok.file!), durationMs: expect.any(Number) });
    expect(next.items[0].bytes).toBeGreaterThan(1000);
    expect(next.items[0].file).not.toContain('/');
  }, 120_000);

  it('is refused to a province supervision admin and to the ministry’s supervision (operations watch backups)', async () => {
    expect((await (await t.login('moa-admin')).get('/api/v1/ops/backups')).statusCode).toBe(403);
    const province = await t.login('sd-admin');
    const res = await province.get('/api/v1/ops/backups');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'backup.read' } });
  });
});
