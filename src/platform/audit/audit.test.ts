import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';
import { verifyAuditChain } from './audit.js';

const run = promisify(execFile);

async function allocateCity(t: TestApp, i: number) {
  const sd = await t.login('sd-admin');
  const res = await sd.post('/api/v1/agencies', {
    name: `青岛市农业农村局${i}`,
    kind: 'supervision',
    level: 'city',
    regionCode: ['3702', '3703', '3704'][i]!,
    account: { username: `qd-admin-${i}`, displayName: '青岛管理员', password: 'Strong#Pass2026' },
  });
  expect(res.statusCode).toBe(201);
}

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 3; i++) await allocateCity(t, i);
  });
  afterAll(() => t.close());

  it('records each write with actor, action, target, region and after-image, in the same transaction', async () => {
    // The demo producers of 370783 were registered by the seed, with no actor; these are the test's own writes.
    const rows = await queryRows<{ action: string; actor_name: string; region_code: string; after: { username?: string } }>(
      t.database.db,
      sql`SELECT action, actor_name, region_code, after FROM audit_log WHERE region_code LIKE '370%' AND actor_name IS NOT NULL ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['agency.create', 'user.create', 'agency.create', 'user.create', 'agency.create', 'user.create']);
    expect(rows.every((r) => r.actor_name === 'sd-admin')).toBe(true);
    expect(rows[1]!.after.username).toBe('qd-admin-0');
  });

  it('chains entries so that verification passes on an untouched log', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.firstBad).toBeNull();
    expect(result.checked).toBeGreaterThanOrEqual(7);
  });

  it('refuses UPDATE and DELETE (append-only)', async () => {
    await expect(t.database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow();
  });

  it('names the first entry changed by hand, and then a broken link after a deletion', async () => {
    const [target] = await queryRows<{ id: number }>(t.database.db, sql`SELECT id FROM audit_log WHERE action = 'user.create' ORDER BY id LIMIT 1 OFFSET 1`);
    await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await t.database.db.execute(sql`UPDATE audit_log SET after = jsonb_set(after, '{role}', '"staff"') WHERE id = ${target!.id}`);
    const tampered = await verifyAuditChain(t.database.db);
    expect(tampered.firstBad).toMatchObject({ id: target!.id, stream: '37', reason: 'content does not match its hash' });

    await t.database.db.execute(sql`DELETE FROM audit_log WHERE id = ${target!.id}`);
    const deleted = await verifyAuditChain(t.database.db);
    expect(deleted.firstBad?.reason).toBe('broken link to the previous entry');
    expect(deleted.firstBad!.id).toBeGreaterThan(target!.id);
    await t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
});

describe('npm run cli -- audit verify', () => {
  it('exits 0 on a clean log and 1 naming the tampered entry', { timeout: 120_000 }, async () => {
    if (process.env.TEST_DATABASE_URL) return; // the command is the same on PostgreSQL; the data folder is PGlite's
    const t = await createTestApp();
    await allocateCity(t, 0);
    const dump = await t.database.pglite!.dumpDataDir('gzip');
    await t.close();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-audit-'));
    try {
      const pg = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: dump });
      const env = { ...process.env, DATA_DIR: dataDir, SECRET_KEY: 'k'.repeat(32), LOG_LEVEL: 'silent' };
      const { rows } = await pg.query<{ id: number }>(`SELECT id FROM audit_log WHERE action = 'agency.create' ORDER BY id DESC LIMIT 1`);
      await pg.close();
      const clean = await run('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env });
      expect(clean.stdout).toMatch(/audit chain OK: \d+ entries/);

      const again = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
      await again.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
        UPDATE audit_log SET target_id = 'forged' WHERE id = ${rows[0]!.id};`);
      await again.close();
      const broken = await run('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env }).catch((e: { code: number; stderr: string }) => e);
      expect((broken as { code: number }).code).toBe(1);
      expect((broken as { stderr: string }).stderr).toContain(`audit chain BROKEN at entry #${rows[0]!.id}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
