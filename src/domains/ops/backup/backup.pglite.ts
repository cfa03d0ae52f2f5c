import { existsSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { BackupWriter } from './backup.cipher.js';
import { backupError } from './backup.errors.js';
import { writeFrame } from './backup.frames.js';
import { compareWithManifest, readManifest, type Comparison, type Manifest } from './backup.manifest.js';

const PIECE = 1 << 20;

/**
 * PGlite's own data-folder dump. It is taken inside a transaction: PGlite runs one transaction at a time, so no
 * write lands between the manifest's counts and the dump.
 */
export async function dumpPglite(pglite: PGlite, w: BackupWriter): Promise<Manifest> {
  const { manifest, dump } = await pglite.transaction(async (tx) => {
    const m = await readManifest(tx, 'pglite');
    return { manifest: m, dump: Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()) };
  });
  await writeFrame(w, 'M', Buffer.from(JSON.stringify(manifest)));
  for (let i = 0; i < dump.length; i += PIECE) await writeFrame(w, 'D', dump.subarray(i, i + PIECE));
  await writeFrame(w, 'E');
  await writeFrame(w, 'Z');
  return manifest;
}

/** Loads a dump into a scratch database in memory and compares it with the manifest. */
export async function verifyPgliteDump(manifest: Manifest, dump: Buffer): Promise<Comparison> {
  const scratch = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(dump)]) });
  try {
    return await scratch.transaction((tx) => compareWithManifest(tx, manifest));
  } finally {
    await scratch.close();
  }
}

/** The server's lock file (platform/db/client.ts) names a live process while a server uses the folder. */
export function refuseIfInUse(dataDir: string): void {
  const lock = path.join(dataDir, 'tracenet.lock');
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, 'utf8'));
  if (!pid || pid === process.pid) return;
  try {
    process.kill(pid, 0);
  } catch {
    return;
  }
  throw backupError('BACKUP_DATABASE_IN_USE', { pid });
}

/**
 * Unpacks a verified dump beside the data folder, then swaps folders; the old folder is kept, renamed, until the
 * operator removes it. Answers its new name.
 */
export async function replacePgliteFolder(dataDir: string, dump: Buffer): Promise<string | null> {
  refuseIfInUse(dataDir);
  const lock = path.join(dataDir, 'tracenet.lock');
  await writeFile(lock, String(process.pid));
  try {
    const target = path.join(dataDir, 'pglite');
    const staging = path.join(dataDir, 'pglite.restoring');
    await rm(staging, { recursive: true, force: true });
    const db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(dump)]) });
    // The folder carries the run that was writing this very backup, unfinished; it is closed so that it does not
    // show as running for ever. (PostgreSQL restores leave the live record of runs alone.)
    if ((await db.query<{ t: string | null }>(`SELECT to_regclass('backup_runs')::text AS t`)).rows[0]?.t) {
      await db.query(`UPDATE backup_runs SET ok = false, finished_at = now(), error = 'unfinished when this backup was taken (restored from it) 备份时尚未完成' WHERE ok IS NULL`);
    }
    await db.close();
    let kept: string | null = null;
    if (existsSync(target)) {
      kept = path.join(dataDir, `pglite.before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`);
      await rename(target, kept);
    }
    await rename(staging, target);
    return kept;
  } finally {
    await rm(lock, { force: true });
  }
}
