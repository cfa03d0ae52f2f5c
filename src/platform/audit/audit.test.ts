import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness.js';
import { adminQuery, TEST_SECRET, testDatabaseUrl, withDatabase } from '../../../test/template.js';
import { buildApp } from '../../app.js';
import { migrateDatabase } from '../../bootstrap.js';
import { loadConfig } from '../config.js';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { MIGRATIONS_FOLDER } from '../db/migrate.js';
import { pgErrorCode, queryRows } from '../db/rows.js';
import { createLogger } from '../logger.js';
import { auditKeyOf, auditTips, checkpointIsSigned, legacyEntryHash, recordAudit, recordAuditBatch, verifyAuditChain } from './audit.js';
import { CHECKPOINT_FILE, readLastCheckpoint, writeAuditCheckpoint } from './checkpoint.js';
import { auditKeyBoundary, auditLog } from './schema.js';

const key = auditKeyOf(TEST_SECRET);

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
    const result = await verifyAuditChain(t.database.db, key);
    expect(result.firstBad).toBeNull();
    expect(result.checked).toBeGreaterThanOrEqual(7);
  });

  it('keeps one unbroken chain per stream when many transactions write to it at once', { timeout: 60_000 }, async () => {
    const [before] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    // On PostgreSQL these run side by side on the pool (each waits for the stream's lock); PGlite runs them in turn.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.database.db.transaction((tx) =>
          recordAuditBatch(
            tx,
            { actor: null, meta: { requestId: `parallel-${i}`, ip: '127.0.0.1' } },
            Array.from({ length: 1 + (i % 3) }, (_, k) => ({ action: 'agency.create', targetType: 'agency', targetId: `p${i}-${k}`, regionCode: i % 2 ? '3702' : '5101' })),
          ),
        ),
      ),
    );
    const [after] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(after!.n - before!.n).toBe(48);
    const result = await verifyAuditChain(t.database.db, key);
    expect(result.firstBad).toBeNull();
    expect(result.checked).toBe(after!.n);
  });

  it('refuses UPDATE and DELETE (append-only)', async () => {
    await expect(t.database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_log WHERE id = 1`)).rejects.toThrow();
  });

  it('names the first entry changed by hand, and then a broken link after a deletion', async () => {
    const [target] = await queryRows<{ id: number }>(t.database.db, sql`SELECT id FROM audit_log WHERE action = 'user.create' ORDER BY id LIMIT 1 OFFSET 1`);
    await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await t.database.db.execute(sql`UPDATE audit_log SET after = jsonb_set(after, '{role}', '"staff"') WHERE id = ${target!.id}`);
    const tampered = await verifyAuditChain(t.database.db, key);
    expect(tampered.firstBad).toMatchObject({ id: target!.id, stream: '37', reason: 'content does not match its keyed hash' });

    await t.database.db.execute(sql`DELETE FROM audit_log WHERE id = ${target!.id}`);
    const deleted = await verifyAuditChain(t.database.db, key);
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
      const env = { ...process.env, DATA_DIR: dataDir, SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent' };
      const { rows } = await pg.query<{ id: number }>(`SELECT id FROM audit_log WHERE action = 'agency.create' ORDER BY id DESC LIMIT 1`);
      await pg.close();
      const clean = await run('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env });
      expect(clean.stdout).toMatch(/audit chain OK: \d+ entries/);
      expect(clean.stdout).toContain('no checkpoint');
      const checkpoint = await run('npx', ['tsx', 'src/cli.ts', 'audit', 'checkpoint'], { env });
      expect(checkpoint.stdout).toContain('checkpoint written');

      const cut = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
      await cut.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
        DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log);
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`);
      await cut.close();
      const truncated = await run('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], { env }).catch((e: { code: number; stderr: string }) => e);
      expect((truncated as { code: number }).code).toBe(1);
      expect((truncated as { stderr: string }).stderr).toMatch(/audit chain BROKEN at entry #\d+ \(stream 37\): truncated/);

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

// Issue 19, finding 2: the chain is keyed (an HMAC over every column with a key derived from SECRET_KEY), its tips
// are recorded outside the table (signed checkpoints), and the application's PostgreSQL role cannot rewrite it.
describe('a forger with database access', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < 2; i++) await allocateCity(t, i);
    dir = mkdtempSync(path.join(tmpdir(), 'tn-checkpoints-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const db = () => t.database.db;
  const asOwner = async (statements: SQL[]) => {
    await db().execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    try {
      for (const s of statements) await db().execute(s);
    } finally {
      await db().execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    }
  };
  type Row = typeof auditLog.$inferSelect;
  const rowsOf = (stream: string) => db().select().from(auditLog).where(eq(auditLog.stream, stream)).orderBy(asc(auditLog.id));

  /** What the forger of the issue did: change an entry and chain everything after it again with the public hash. */
  async function rechainFrom(stream: string, fromId: number, change: (r: Row) => Partial<Row>, keyVersion: number | null) {
    const rows = await rowsOf(stream);
    let prev = rows.find((r) => r.id < fromId && r.id === Math.max(...rows.filter((x) => x.id < fromId).map((x) => x.id)))?.hash ?? '0'.repeat(64);
    const updates: SQL[] = [];
    for (const r of rows.filter((x) => x.id >= fromId)) {
      const next = { ...r, ...(r.id === fromId ? change(r) : {}), prevHash: prev };
      const hash = legacyEntryHash(next);
      updates.push(sql`UPDATE audit_log SET actor_name = ${next.actorName}, ip = ${next.ip}, request_id = ${next.requestId}, after = ${JSON.stringify(next.after)}::jsonb,
        prev_hash = ${prev}, hash = ${hash}, key_version = ${keyVersion ?? r.keyVersion} WHERE id = ${r.id}`);
      prev = hash;
    }
    await asOwner(updates);
  }

  it('catches a change to actor_name, ip or request_id (every column is hashed)', async () => {
    const [entry] = (await rowsOf('37')).slice(-1);
    for (const [column, value] of [
      ['actor_name', 'someone-else'],
      ['ip', '10.9.9.9'],
      ['request_id', 'forged-request'],
    ] as const) {
      const original = await db().select().from(auditLog).where(eq(auditLog.id, entry!.id));
      await asOwner([sql`UPDATE audit_log SET ${sql.identifier(column)} = ${value} WHERE id = ${entry!.id}`]);
      expect((await verifyAuditChain(db(), key)).firstBad, column).toMatchObject({ id: entry!.id, reason: 'content does not match its keyed hash' });
      await asOwner([sql`UPDATE audit_log SET actor_name = ${original[0]!.actorName}, ip = ${original[0]!.ip}, request_id = ${original[0]!.requestId} WHERE id = ${entry!.id}`]);
    }
    expect((await verifyAuditChain(db(), key)).firstBad).toBeNull();
  });

  it('catches re-chaining with the old public hash, whether the entries keep their key version or claim the old one', async () => {
    const rows = await rowsOf('37');
    const [boundary] = await db().select().from(auditKeyBoundary);
    const victim = rows.at(-2)!;
    const saved = rows.filter((r) => r.id >= victim.id);
    const restore = () =>
      asOwner(
        saved.map(
          (r) =>
            sql`UPDATE audit_log SET actor_name = ${r.actorName}, ip = ${r.ip}, request_id = ${r.requestId}, after = ${JSON.stringify(r.after)}::jsonb, prev_hash = ${r.prevHash}, hash = ${r.hash}, key_version = ${r.keyVersion} WHERE id = ${r.id}`,
        ),
      );
    await rechainFrom('37', victim.id, (r) => ({ after: { ...(r.after as object), role: 'admin', forged: true } }), null);
    expect((await verifyAuditChain(db(), key)).firstBad).toMatchObject({ id: victim.id, reason: 'content does not match its keyed hash' });
    await rechainFrom('37', victim.id, (r) => ({ after: { ...(r.after as object), forged: true } }), 0);
    expect((await verifyAuditChain(db(), key)).firstBad).toMatchObject({ id: victim.id, reason: 'chained with the public hash after the key boundary (re-chained)' });
    await asOwner([sql`UPDATE audit_key_boundary SET legacy_until = ${victim.id + 100}`]);
    expect((await verifyAuditChain(db(), key)).firstBad?.reason).toBe('the key boundary was moved (its seal does not match)');
    await asOwner([sql`UPDATE audit_key_boundary SET legacy_until = ${boundary!.legacyUntil}`]);
    await restore();
    expect((await verifyAuditChain(db(), key)).firstBad).toBeNull();
    // Another SECRET_KEY (a forger's guess) verifies nothing.
    expect((await verifyAuditChain(db(), auditKeyOf('another-secret-key-another-secret-key-00'))).firstBad).not.toBeNull();
  });

  it('reports truncation: the newest entries deleted after a signed checkpoint', async () => {
    const written = await writeAuditCheckpoint(db(), key, dir);
    expect(written?.tips.find((tip) => tip.stream === '37')).toBeTruthy();
    const checkpoint = readLastCheckpoint(dir)!;
    expect(checkpointIsSigned(key, checkpoint)).toBe(true);
    expect((await verifyAuditChain(db(), key, { checkpoint })).firstBad).toBeNull();
    // The tips a backup's manifest would hold are the same, signed.
    expect((await auditTips(db(), key)).tips).toEqual(checkpoint.tips);

    const newest = (await rowsOf('37')).slice(-2);
    await asOwner([sql`DELETE FROM audit_log WHERE id IN (${newest[0]!.id}, ${newest[1]!.id})`]);
    // Without the checkpoint the shorter chain still links: that was the attack.
    expect((await verifyAuditChain(db(), key)).firstBad).toBeNull();
    expect((await verifyAuditChain(db(), key, { checkpoint })).firstBad).toMatchObject({ id: newest[1]!.id, stream: '37', reason: expect.stringContaining('truncated') });

    // A checkpoint edited to match the shorter chain no longer carries a valid signature.
    const edited = { ...checkpoint, tips: checkpoint.tips.map((tip) => (tip.stream === '37' ? { ...tip, id: newest[0]!.id - 1 } : tip)) };
    expect((await verifyAuditChain(db(), key, { checkpoint: edited })).firstBad?.reason).toContain('not signed with this key');
    const file = path.join(dir, CHECKPOINT_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"id":${newest[1]!.id}`, `"id":${newest[0]!.id - 1}`));
    expect((await verifyAuditChain(db(), key, { checkpoint: readLastCheckpoint(dir) })).firstBad?.reason).toContain('not signed with this key');
  });

  it('refuses TRUNCATE even by hand (statement trigger)', async () => {
    await expect(db().execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });
});

describe('a chain written before the key (migration 0019)', () => {
  it('still verifies, keyed entries continue it, and an old-style entry appended later is caught', { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tn-migrations-'));
    const url = testDatabaseUrl();
    const name = `tn_legacy_${randomBytes(5).toString('hex')}`;
    let database: Database | undefined;
    try {
      cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
      const journalFile = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
      journal.entries = journal.entries.filter((e) => e.idx < 19);
      writeFileSync(journalFile, JSON.stringify(journal));
      if (url) {
        await adminQuery(url, `CREATE DATABASE ${name}`);
        database = await openPostgres(withDatabase(url, name), 2);
        await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: folder });
      } else {
        database = await openPglite(undefined);
        await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
      }
      const db = database.db;
      // Three entries the way releases before 0019 wrote them: SHA-256 over some columns, no key.
      let prev = '0'.repeat(64);
      for (let i = 0; i < 3; i++) {
        const e = { stream: '37', at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), actorId: null, action: 'agency.create', targetType: 'agency', targetId: `a${i}`, regionCode: '3702', before: null, after: { i }, prevHash: prev };
        const hash = legacyEntryHash(e);
        await db.execute(sql`INSERT INTO audit_log (stream, at, actor_id, actor_name, action, target_type, target_id, region_code, before, after, request_id, ip, prev_hash, hash)
          VALUES (${e.stream}, ${e.at}, NULL, 'sd-admin', ${e.action}, ${e.targetType}, ${e.targetId}, ${e.regionCode}, NULL, ${JSON.stringify(e.after)}::jsonb, 'r', '127.0.0.1', ${prev}, ${hash})`);
        prev = hash;
      }
      await migrateDatabase(database, loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, ...(url ? { DATABASE_URL: withDatabase(url, name) } : {}) }));
      expect(await verifyAuditChain(db, key)).toMatchObject({ checked: 3, firstBad: null });
      await db.transaction((tx) => recordAudit(tx, { actor: null, meta: { requestId: 'r2', ip: '127.0.0.1' } }, { action: 'agency.create', targetType: 'agency', targetId: 'a3', regionCode: '3702', after: { i: 3 } }));
      expect(await verifyAuditChain(db, key)).toMatchObject({ checked: 4, firstBad: null });
      // The old public hash cannot be used to append (or re-chain) past the boundary.
      const [tip] = await queryRows<{ hash: string }>(db, sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
      const e = { stream: '37', at: new Date(), actorId: null, action: 'agency.delete', targetType: 'agency', targetId: 'a0', regionCode: '3702', before: null, after: null, prevHash: tip!.hash };
      const [forged] = await queryRows<{ id: number }>(
        db,
        sql`INSERT INTO audit_log (stream, at, action, target_type, target_id, region_code, prev_hash, hash, key_version) VALUES ('37', ${e.at}, ${e.action}, 'agency', 'a0', '3702', ${tip!.hash}, ${legacyEntryHash(e)}, 0) RETURNING id`,
      );
      expect((await verifyAuditChain(db, key)).firstBad).toMatchObject({ id: forged!.id, reason: 'chained with the public hash after the key boundary (re-chained)' });
    } finally {
      await database?.close();
      if (url) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!testDatabaseUrl())('the application role on PostgreSQL', () => {
  it('may INSERT and SELECT audit entries but not UPDATE, DELETE or TRUNCATE them, and runs the app', { timeout: 60_000 }, async () => {
    const url = testDatabaseUrl()!;
    const role = `tn_app_${randomBytes(4).toString('hex')}`;
    const t = await createTestApp();
    const dbName = new URL(((t.database.db as unknown as { $client: { options: { connectionString: string } } }).$client.options.connectionString)).pathname.slice(1);
    await adminQuery(url, `CREATE ROLE ${role} LOGIN PASSWORD 'app-role-test-password'`);
    let app: Database | undefined;
    try {
      const ownerUrl = withDatabase(url, dbName);
      const appUrl = new URL(ownerUrl);
      appUrl.username = role;
      appUrl.password = 'app-role-test-password';
      // What a start with MIGRATION_DATABASE_URL does: migrate and grant as the owner.
      app = await openPostgres(appUrl.toString(), 2);
      await migrateDatabase(app, loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, DATABASE_URL: appUrl.toString(), MIGRATION_DATABASE_URL: ownerUrl }));
      const denied = async (statement: SQL) => {
        const err = await app!.db.execute(statement).then(
          () => null,
          (e: unknown) => e,
        );
        expect(pgErrorCode(err), String(err)).toBe('42501');
      };
      await denied(sql`UPDATE audit_log SET action = 'x' WHERE id = (SELECT max(id) FROM audit_log)`);
      await denied(sql`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`);
      await denied(sql`TRUNCATE audit_log`);
      await denied(sql`UPDATE audit_key_boundary SET legacy_until = 0`);
      await denied(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      // The application itself works under the role: a command writes its row and its audit entry.
      const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, DEMO_SEED: 'no', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tn-approle-')) });
      const server = await buildApp(config, app, createLogger('silent'));
      try {
        const login = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sd-admin', password: DEMO_PASSWORD } });
        expect(login.statusCode, login.body).toBe(200);
        const cookie = login.cookies.find((c) => c.name === 'tn_session')!;
        const created = await server.inject({
          method: 'POST',
          url: '/api/v1/agencies',
          headers: { cookie: `tn_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken, 'idempotency-key': 'role-1' },
          payload: { name: '青岛市农业农村局', kind: 'supervision', level: 'city', regionCode: '3702', account: { username: 'qd-role', displayName: '青岛', password: 'Strong#Pass2026' } },
        });
        expect(created.statusCode, created.body).toBe(201);
      } finally {
        await server.close();
        rmSync(config.dataDir, { recursive: true, force: true });
      }
      expect((await verifyAuditChain(app.db, key)).firstBad).toBeNull();
    } finally {
      await app?.close();
      await t.close();
      await adminQuery(url, `DROP ROLE IF EXISTS ${role}`);
    }
  });
});
