import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { eq } from 'drizzle-orm';
import type { Config } from '../../../platform/config.js';
import type { Database } from '../../../platform/db/client.js';
import type { Job } from '../../../platform/jobs/runner.js';
import type { Logger } from '../../../platform/logger.js';
import { backupRuns } from '../schema.js';
import { BACKUP_FILE, createBackup } from './backup.service.js';

type Deps = { database: Database; config: Pick<Config, 'secretKey' | 'backupCron' | 'backupDir' | 'backupKeep'>; log?: Logger };

/**
 * The backup job, queued at each slot of BACKUP_CRON (checked every minute); none without BACKUP_CRON. Its lease is
 * long: a large database takes a while, and another server must not start the same backup meanwhile.
 */
export function backupJob(deps: Deps): Job | null {
  if (!deps.config.backupCron) return null;
  return { name: 'backup', everyMs: 60_000, cron: deps.config.backupCron, leaseMs: 3 * 60 * 60_000, maxAttempts: 1, run: () => runScheduledBackup(deps) };
}

/**
 * Runs the latest slot of the schedule that is due, unless a server has taken it: the slot is claimed by inserting
 * its row, which the unique `scheduled_for` lets only one server do. A slot missed while no server ran is caught up
 * once, the older ones are not.
 */
export async function runScheduledBackup(deps: Deps, now = new Date()): Promise<'taken' | 'ok' | 'failed'> {
  const slot = CronExpressionParser.parse(deps.config.backupCron!, { currentDate: new Date(now.getTime() + 1) }).prev().toDate();
  const db = deps.database.db;
  const [claimed] = await db
    .insert(backupRuns)
    .values({ trigger: 'schedule', scheduledFor: slot, startedAt: now })
    .onConflictDoNothing({ target: backupRuns.scheduledFor })
    .returning({ id: backupRuns.id });
  if (!claimed) return 'taken';
  const ok = await recordRun(deps, claimed.id);
  if (ok) await keepNewest(deps.config.backupDir, deps.config.backupKeep);
  return ok ? 'ok' : 'failed';
}

/** A backup by hand (the command line), recorded like a scheduled one. */
export async function runManualBackup(deps: Deps, dir: string): Promise<{ ok: boolean; file: string | null; error: string | null }> {
  const [row] = await deps.database.db.insert(backupRuns).values({ trigger: 'manual', startedAt: new Date() }).returning({ id: backupRuns.id });
  await recordRun({ ...deps, config: { ...deps.config, backupDir: dir } }, row!.id);
  const [done] = await deps.database.db.select().from(backupRuns).where(eq(backupRuns.id, row!.id));
  return { ok: done!.ok === true, file: done!.file, error: done!.error };
}

async function recordRun(deps: Deps, id: number): Promise<boolean> {
  const started = Date.now();
  try {
    const r = await createBackup(deps.database, deps.config.secretKey, deps.config.backupDir);
    await deps.database.db
      .update(backupRuns)
      .set({ finishedAt: new Date(), file: r.file, bytes: r.bytes, durationMs: r.durationMs, ok: true })
      .where(eq(backupRuns.id, id));
    deps.log?.info({ file: r.file, bytes: r.bytes, durationMs: r.durationMs }, 'backup written');
    return true;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await deps.database.db.update(backupRuns).set({ finishedAt: new Date(), durationMs: Date.now() - started, ok: false, error }).where(eq(backupRuns.id, id));
    deps.log?.error({ err }, 'backup failed');
    return false;
  }
}

/** Retention: the newest `keep` backup files of the folder stay (names sort by time), older ones go. */
export async function keepNewest(dir: string, keep: number): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => BACKUP_FILE.test(f)).sort((a, b) => timeOf(b).localeCompare(timeOf(a)));
  const gone = files.slice(keep);
  for (const f of gone) await rm(path.join(dir, f), { force: true });
  return gone;
}

const timeOf = (name: string) => name.replace(/^tracenet-[a-z]+-/, '');
