import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../platform/config.js';
import { openPglite, openPostgres, type Database } from '../../../platform/db/client.js';
import { createLogger } from '../../../platform/logger.js';
import { DEMO_PASSWORD } from '../../registry/index.js';
import { adminQuery, TEST_SECRET, testDatabaseUrl, withDatabase } from '../../../../test/template.js';
import { recordAudit, useAuditKey } from '../../../platform/audit/audit.js';
import type { AuditAction } from '../../../platform/audit/catalog.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/http/errors.js';
import { fixTextSettings, listTables, tableStats, type Manifest, type Sql } from './backup.manifest.js';
import { createBackup, restoreBackup, type RestoreTarget } from './backup.service.js';
import { runScheduledBackup } from './backup.schedule.js';

const url = testDatabaseUrl();
const dir = mkdtempSync(path.join(tmpdir(), 'tracenet-backup-'));
let dbName = '';
let database: Database;
let target: RestoreTarget;

const open = (): Promise<Database> =>
  url ? openPostgres(withDatabase(url, dbName), 3) : openPglite(path.join(dir, 'data'));

/** Every table's count and checksum, read the way a backup's manifest reads them. */
async function state(db: Database): Promise<Record<string, string>> {
  const read = async (sql: Sql) => {
    await fixTextSettings(sql);
    const out: Record<string, string> = {};
    for (const t of await listTables(sql)) out[t.name] = (await tableStats(sql, t.name)).checksum;
    return out;
  };
  if (db.pglite) return db.pglite.transaction((tx) => read(tx));
  return db.db.transaction(async (tx) => read({ query: async (text: string) => ({ rows: await rowsOf(tx, text) }) }));
}

const rowsOf = async (db: Pick<Database['db'], 'execute'>, text: string) => ((await db.execute(text)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** Writes through the real app (a login: a session, a failed login's counter) and one audit entry per call. */
async function login(db: Database, username = 'sd-admin') {
  // The audit key is the process's (buildApp sets it too); this entry is written before the app is built.
  useAuditKey(TEST_SECRET);
  await withTransaction(db.db, null, (tx) =>
    recordAudit(tx, { actor: null, meta: { requestId: 'backup-test', ip: '127.0.0.1' } }, { action: 'test.write' as AuditAction, targetType: 'system', targetId: username, regionCode: '37' }),
  );
  const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET, LOG_LEVEL: 'silent', DATA_DIR: dir });
  const app = await buildApp(config, db, createLogger('silent'));
  await app.ready();
  const failed = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'not-the-password' } });
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  await app.close();
  expect([failed.statusCode, res.statusCode]).toEqual([401, 200]);
}

const count = async (db: Database, table: string) => Number((await rowsOf(db.db, `SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  if (url) {
    dbName = `tn_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${dbName} TEMPLATE ${inject('pgTemplate')}`);
    database = await open();
    target = { kind: 'postgres', url: withDatabase(url, dbName) };
  } else {
    database = await openPglite(path.join(dir, 'data'), new Blob([readFileSync(inject('pgliteTemplate'))]));
    target = { kind: 'pglite', dataDir: path.join(dir, 'data') };
  }
}, 60_000);

afterAll(async () => {
  await database?.close();
  if (url && dbName) await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  let file = '';
  let manifest: Manifest;
  let atBackup: Record<string, string>;

  it('backs up, and a restore after more writes returns the state of the backup', async () => {
    await login(database);
    // A scheduled run in progress while the backup is taken (the run that writes it).
    await rowsOf(database.db, `INSERT INTO backup_runs (trigger, started_at) VALUES ('schedule', now())`);
    const result = await createBackup(database, TEST_SECRET, path.join(dir, 'out'));
    file = result.file;
    manifest = result.manifest;
    atBackup = await state(database);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.checksum]))).toEqual(atBackup);
    expect(manifest.tables.find((t) => t.name === 'audit_log')!.rows).toBeGreaterThan(0);
    expect(Object.keys(manifest.auditTips).length).toBeGreaterThan(0);
    expect(manifest.migrations.count).toBeGreaterThan(18);
    const sessionsThen = await count(database, 'sessions');
    const auditThen = await count(database, 'audit_log');

    await login(database, 'moa-admin');
    await rowsOf(database.db, `UPDATE backup_runs SET ok = true`);
    await rowsOf(database.db, `INSERT INTO backup_runs (trigger, started_at, ok) VALUES ('manual', now(), true)`);
    expect(await count(database, 'audit_log')).toBeGreaterThan(auditThen);
    expect(await state(database)).not.toEqual(atBackup);

    if (target.kind === 'pglite') await database.close();
    const report = await restoreBackup(file, TEST_SECRET, target, false);
    expect(report).toMatchObject({ restored: true, comparison: { ok: true, problems: [] } });
    if (target.kind === 'pglite') database = await open();

    expect(await state(database)).toEqual(atBackup);
    const runs = await rowsOf(database.db, `SELECT trigger, ok FROM backup_runs ORDER BY id`);
    // PostgreSQL keeps the live record of runs; PGlite's folder brings its own, the unfinished run closed.
    if (target.kind === 'postgres') expect(runs).toEqual([{ trigger: 'schedule', ok: true }, { trigger: 'manual', ok: true }]);
    else expect(runs).toEqual([{ trigger: 'schedule', ok: false }]);
    expect(await count(database, 'sessions')).toBe(sessionsThen);
    expect(await count(database, 'audit_log')).toBe(auditThen);
    const newest = await rowsOf(database.db, `SELECT DISTINCT ON (stream) stream, hash FROM audit_log ORDER BY stream, id DESC`);
    expect(Object.fromEntries(newest.map((r) => [r.stream, r.hash]))).toEqual(manifest.auditTips);
    // The restored database takes writes again, its sequences past the restored rows.
    await login(database, 'moa-admin');
    // The test's own entry, the failed login and the login (DESIGN.md §12: logins and failed logins are audited).
    expect(await count(database, 'audit_log')).toBe(auditThen + 3);
    expect(await count(database, 'sessions')).toBe(sessionsThen + 1);
  }, 120_000);

  it('restore --verify loads a scratch database, reports a match and leaves the current data alone', async () => {
    const before = await state(database);
    const report = await restoreBackup(file, TEST_SECRET, target, true);
    expect(report.restored).toBe(false);
    expect(report.comparison).toMatchObject({ ok: true, problems: [], tables: manifest.tables.length });
    expect(report.comparison.rows).toBe(manifest.tables.reduce((n, t) => n + t.rows, 0));
    expect(await state(database)).toEqual(before);
  }, 120_000);

  it('refuses a corrupted byte, a truncated file and a wrong SECRET_KEY, changing nothing', async () => {
    const before = await state(database);
    if (target.kind === 'pglite') await database.close();
    const bad = path.join(dir, 'bad.tnbak');
    const size = statSync(file).size;

    copyFileSync(file, bad);
    const bytes = readFileSync(bad);
    bytes[Math.floor(size / 2)]! ^= 0x40;
    writeFileSync(bad, bytes);
    const corrupt = await refused(restoreBackup(bad, TEST_SECRET, target, false));
    expect(corrupt.code).toBe('BACKUP_CORRUPT');
    expect(corrupt.messages.zh).toContain('备份文件已损坏');

    copyFileSync(file, bad);
    truncateSync(bad, size - 7);
    const cut = await refused(restoreBackup(bad, TEST_SECRET, target, false));
    expect(cut.code).toBe('BACKUP_TRUNCATED');
    expect(cut.messages.en).toContain('truncated');

    const wrong = await refused(restoreBackup(file, 'another-secret-key-another-secret-key-000', target, false));
    expect(wrong.code).toBe('BACKUP_KEY_MISMATCH');
    expect(wrong.messages.zh).toContain('SECRET_KEY');

    if (target.kind === 'pglite') {
      // The lock file of a running server refuses a restore into its folder.
      writeFileSync(path.join(target.dataDir, 'tracenet.lock'), String(process.ppid));
      expect((await refused(restoreBackup(file, TEST_SECRET, target, false))).code).toBe('BACKUP_DATABASE_IN_USE');
      rmSync(path.join(target.dataDir, 'tracenet.lock'));
      database = await open();
    }
    expect(await state(database)).toEqual(before);
  }, 120_000);

  it('scheduled backups: one server takes each slot, each run is recorded, BACKUP_KEEP files are kept', async () => {
    const backupDir = path.join(dir, 'scheduled');
    const config = { secretKey: TEST_SECRET, backupCron: '0 * * * *', backupDir, backupKeep: 2 };
    const hour = (h: number) => new Date(Date.UTC(2026, 0, 5, h, 10));
    expect(await runScheduledBackup({ database, config }, hour(1))).toBe('ok');
    expect(await runScheduledBackup({ database, config }, hour(1))).toBe('taken');
    expect(await runScheduledBackup({ database, config }, hour(2))).toBe('ok');
    expect(await runScheduledBackup({ database, config }, hour(3))).toBe('ok');
    expect(await runScheduledBackup({ database, config }, hour(4))).toBe('ok');
    expect(readdirSync(backupDir).filter((f) => f.endsWith('.tnbak'))).toHaveLength(2);
    const runs = await rowsOf(database.db, `SELECT ok, file, bytes, duration_ms, error FROM backup_runs WHERE scheduled_for IS NOT NULL ORDER BY id`);
    expect(runs).toHaveLength(4);
    for (const r of runs) expect(r).toMatchObject({ ok: true, error: null });
    expect(Number(runs[0]!.bytes)).toBeGreaterThan(1000);
  }, 180_000);
});
