import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { BackupWriter } from './backup.cipher.js';
import { backupError } from './backup.errors.js';
import { writeFrame, type Frame } from './backup.frames.js';
import { compareWithManifest, ident, listTables, migrationLevel, readManifest, type Comparison, type Manifest, type Sql } from './backup.manifest.js';

type Client = pg.PoolClient | pg.Client;
const sqlOf = (c: Client) => c as unknown as Sql;

/**
 * A logical dump through COPY in one REPEATABLE READ transaction on one connection: the manifest's counts and
 * checksums and every table's rows come from the same snapshot, while the server keeps serving. No pg_dump, so no
 * client binaries of the server's exact version are needed.
 */
export async function dumpPostgres(pool: pg.Pool, w: BackupWriter): Promise<Manifest> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const manifest = await readManifest(sqlOf(client), 'postgres');
    await writeFrame(w, 'M', Buffer.from(JSON.stringify(manifest)));
    for (const t of manifest.tables) {
      const stream = client.query(copyTo(`COPY (SELECT ${t.columns.map(ident).join(', ')} FROM ${ident(t.name)}) TO STDOUT`));
      for await (const chunk of stream) await writeFrame(w, 'D', chunk as Buffer);
      await writeFrame(w, 'E');
    }
    await client.query('COMMIT');
    await writeFrame(w, 'Z');
    return manifest;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Replaces every table's rows with the backup's, inside the caller's transaction, and compares the result with
 * the manifest; the caller commits only when they match. `frames` follows the manifest frame.
 */
export async function loadPostgres(client: Client, manifest: Manifest, frames: AsyncIterable<Frame>): Promise<Comparison> {
  const sql = sqlOf(client);
  const level = await migrationLevel(sql);
  if (level.count !== manifest.migrations.count || level.lastHash !== manifest.migrations.lastHash) {
    throw backupError('BACKUP_MIGRATION_MISMATCH', { backup: manifest.migrations.count, current: level.count });
  }
  const present = new Map((await listTables(sql)).map((t) => [t.name, t.columns.join(',')]));
  const same = present.size === manifest.tables.length && manifest.tables.every((t) => present.get(t.name) === t.columns.join(','));
  if (!same) throw backupError('BACKUP_MIGRATION_MISMATCH', { backup: manifest.migrations.count, current: level.count });

  // Our own triggers (derived tables, append-only guards) stay out of a restore: the backup holds their results.
  // Foreign keys stay on; the manifest's order loads referenced tables first.
  const { rows: triggered } = await client.query<{ name: string }>(
    `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname = 'public'`,
  );
  for (const { name } of triggered) await client.query(`ALTER TABLE ${ident(name)} DISABLE TRIGGER USER`);
  await client.query(`TRUNCATE ${manifest.tables.map((t) => ident(t.name)).join(', ')}`);

  let index = 0;
  let stream: ReturnType<typeof copyFrom> | null = null;
  const open = () => {
    const t = manifest.tables[index];
    if (!t) throw backupError('BACKUP_NOT_A_BACKUP');
    return client.query(copyFrom(`COPY ${ident(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`));
  };
  for await (const frame of frames) {
    if (frame.type === 'D') {
      stream ??= open();
      if (!stream.write(frame.payload)) await once(stream, 'drain');
    } else if (frame.type === 'E') {
      stream ??= open();
      stream.end();
      await finished(stream);
      stream = null;
      index++;
    } else if (frame.type === 'M') {
      throw backupError('BACKUP_NOT_A_BACKUP');
    }
  }
  if (index !== manifest.tables.length) throw backupError('BACKUP_TRUNCATED');
  for (const s of manifest.sequences) await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [ident(s.name), s.lastValue, s.isCalled]);
  for (const { name } of triggered) await client.query(`ALTER TABLE ${ident(name)} ENABLE TRIGGER USER`);
  return compareWithManifest(sql, manifest);
}
