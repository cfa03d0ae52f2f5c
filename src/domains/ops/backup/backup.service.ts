import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { openPostgres, poolOf, type Database } from '../../../platform/db/client.js';
import { migrate } from '../../../platform/db/migrate.js';
import { BackupWriter, decryptBackup } from './backup.cipher.js';
import { backupError } from './backup.errors.js';
import { readFrames, type Frame } from './backup.frames.js';
import { codeMigrationCount, type Comparison, type Manifest } from './backup.manifest.js';
import { dumpPglite, replacePgliteFolder, verifyPgliteDump } from './backup.pglite.js';
import { dumpPostgres, loadPostgres } from './backup.postgres.js';

export type BackupResult = { file: string; bytes: number; durationMs: number; manifest: Manifest };

export const BACKUP_FILE = /^tracenet-(postgres|pglite)-\d{8}T\d{9}Z\.tnbak$/;

/** Writes one encrypted backup file into `dir`; a half-written file keeps its `.partial` name and is removed. */
export async function createBackup(database: Database, secret: string, dir: string): Promise<BackupResult> {
  const started = Date.now();
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('.', '');
  const file = path.join(dir, `tracenet-${database.kind}-${stamp}.tnbak`);
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  const w = await BackupWriter.create(partial, secret);
  try {
    const pool = poolOf(database.db);
    const manifest = database.kind === 'postgres' && pool ? await dumpPostgres(pool, w) : await dumpPglite(database.pglite!, w);
    await w.finish();
    await rename(partial, file);
    return { file, bytes: w.bytes, durationMs: Date.now() - started, manifest };
  } catch (err) {
    await w.abort();
    await rm(partial, { force: true });
    throw err;
  }
}

/** Decrypts the whole file and reads every frame, so nothing is touched unless the file is complete and intact. */
async function checkFile(file: string, secret: string): Promise<{ manifest: Manifest; sha256: string; data: Buffer[] | null; keepData: boolean }> {
  let sha256 = '';
  let manifest: Manifest | null = null;
  const data: Buffer[] = [];
  for await (const f of readFrames(decryptBackup(file, secret, (h) => (sha256 = h)))) {
    if (f.type === 'M') manifest = parseManifest(f.payload);
    else if (f.type === 'D' && manifest?.kind === 'pglite') data.push(Buffer.from(f.payload));
  }
  if (!manifest) throw backupError('BACKUP_NOT_A_BACKUP');
  return { manifest, sha256, data: manifest.kind === 'pglite' ? data : null, keepData: manifest.kind === 'pglite' };
}

function parseManifest(payload: Buffer): Manifest {
  try {
    const m = JSON.parse(payload.toString('utf8')) as Manifest;
    if (m.format !== 1 || !Array.isArray(m.tables)) throw new Error('format');
    return m;
  } catch {
    throw backupError('BACKUP_NOT_A_BACKUP');
  }
}

export type RestoreTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
export type RestoreReport = { file: string; manifest: Manifest; comparison: Comparison; restored: boolean; scratch: string; keptFolder?: string | null };

/**
 * `verify`: restores into a scratch database (PostgreSQL: a new database, dropped afterwards; PGlite: in memory)
 * and reports how it compares with the manifest. Otherwise replaces the target's data, only after the whole file
 * has been authenticated and only when the restored data matches the manifest.
 */
export async function restoreBackup(file: string, secret: string, target: RestoreTarget, verify: boolean): Promise<RestoreReport> {
  const checked = await checkFile(file, secret);
  const { manifest } = checked;
  if (manifest.kind !== target.kind) throw backupError('BACKUP_KIND_MISMATCH', { backup: manifest.kind, target: target.kind });
  const code = codeMigrationCount();
  if (target.kind === 'pglite') {
    // An older embedded backup is fine: the server migrates the folder forward at its next start.
    if (manifest.migrations.count > code) throw backupError('BACKUP_MIGRATION_MISMATCH', { backup: manifest.migrations.count, current: code });
    const dump = Buffer.concat(checked.data!);
    const comparison = await verifyPgliteDump(manifest, dump);
    if (verify) return { file, manifest, comparison, restored: false, scratch: 'in memory 内存中' };
    if (!comparison.ok) throw backupError('BACKUP_VERIFY_FAILED', { problems: comparison.problems.join('; ') });
    const keptFolder = await replacePgliteFolder(target.dataDir, dump);
    return { file, manifest, comparison, restored: true, scratch: 'in memory 内存中', keptFolder };
  }
  if (manifest.migrations.count !== code) throw backupError('BACKUP_MIGRATION_MISMATCH', { backup: manifest.migrations.count, current: code });
  const frames = async function* (): AsyncGenerator<Frame> {
    let sha = '';
    for await (const f of readFrames(decryptBackup(file, secret, (h) => (sha = h)))) if (f.type !== 'M') yield f;
    if (sha !== checked.sha256) throw backupError('BACKUP_FILE_CHANGED');
  };
  if (verify) {
    const scratch = `tracenet_verify_${randomBytes(5).toString('hex')}`;
    await adminQuery(target.url, `CREATE DATABASE ${scratch}`);
    try {
      const url = withDatabase(target.url, scratch);
      const database = await openPostgres(url, 1);
      try {
        await migrate(database);
        const comparison = await inTransaction(poolOf(database.db)!, (c) => loadPostgres(c, manifest, frames()), false);
        return { file, manifest, comparison, restored: false, scratch };
      } finally {
        await database.close();
      }
    } finally {
      await adminQuery(target.url, `DROP DATABASE IF EXISTS ${scratch}`);
    }
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 1 });
  try {
    const comparison = await inTransaction(pool, async (c) => {
      const result = await loadPostgres(c, manifest, frames());
      if (!result.ok) throw backupError('BACKUP_VERIFY_FAILED', { problems: result.problems.join('; ') });
      return result;
    }, true);
    return { file, manifest, comparison, restored: true, scratch: 'none' };
  } finally {
    await pool.end();
  }
}

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, commit: boolean): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The report `restore` prints. */
export function formatReport(r: RestoreReport): string {
  const m = r.manifest;
  const lines = [
    `backup      ${r.file}`,
    `made        ${m.createdAt} by Tracenet ${m.tracenetVersion} (${m.kind}, ${m.migrations.count} migrations)`,
    `restored    ${r.restored ? 'into the current database 已恢复到当前数据库' : `into a scratch database 临时数据库: ${r.scratch}`}`,
    `tables      ${r.comparison.tables}, rows ${r.comparison.rows}; audit streams ${r.comparison.streams}`,
  ];
  if (r.keptFolder) lines.push(`old folder  kept as ${r.keptFolder}`);
  lines.push(r.comparison.ok ? 'result      OK: counts, checksums and audit chain tips match the manifest 与清单一致' : 'result      MISMATCH 与清单不一致：');
  for (const p of r.comparison.problems) lines.push(`  - ${p}`);
  return lines.join('\n');
}
