import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../db/client.js';
import type { Job } from '../jobs/runner.js';
import { auditTips, type AuditCheckpoint, type AuditKey } from './audit.js';

// The chains' tips recorded outside the database (issue 19): a signed line appended to a file now and then, so that
// deleting the newest entries — which leaves a shorter chain that still links — is caught by `audit verify`. Keep
// the folder (AUDIT_CHECKPOINT_DIR) off the database's machine, or copied away with the backups.

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/** Appends the current signed tips when they moved since the last line; answers the checkpoint written, if any. */
export async function writeAuditCheckpoint(db: Executor, key: AuditKey, dir: string): Promise<AuditCheckpoint | null> {
  const checkpoint = await auditTips(db, key);
  const last = readLastCheckpoint(dir);
  if (last && JSON.stringify(last.tips) === JSON.stringify(checkpoint.tips) && last.legacyUntil === checkpoint.legacyUntil) return null;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, CHECKPOINT_FILE);
  appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return checkpoint;
}

/** The newest line of the checkpoint file (its signature is checked by verifyAuditChain), or null when none. */
export function readLastCheckpoint(dir: string): AuditCheckpoint | null {
  const file = path.join(dir, CHECKPOINT_FILE);
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const last = lines.at(-1);
  if (!last) return null;
  try {
    return JSON.parse(last) as AuditCheckpoint;
  } catch {
    // A line that is not JSON is an altered file: answered as a checkpoint whose signature fails.
    return { v: 1, at: 'unreadable', legacyUntil: null, tips: [], mac: '' };
  }
}

export const auditCheckpointJob = (db: Executor, key: AuditKey, dir: string, everyMinutes: number): Job => ({
  name: 'audit-checkpoint',
  everyMs: everyMinutes * 60_000,
  run: () => writeAuditCheckpoint(db, key, dir),
});
