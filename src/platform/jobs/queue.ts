import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { jobs } from './schema.js';

export type QueuedJob = typeof jobs.$inferSelect;

/** Backoff after a failed attempt: 30 s (JOB_BACKOFF_SECONDS) doubling each attempt, at most an hour. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * The wait before attempt `attempts + 1`: exponential, with "equal jitter" (half fixed, half random), so that
 * servers retrying the same failure do not all come back in the same second, yet never sooner than half the step.
 */
export function backoffMs(attempts: number, random: () => number = Math.random, baseMs = BACKOFF_BASE_MS): number {
  const step = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

export type EnqueueOptions = { runAt?: Date; maxAttempts?: number; uniqueKey?: string };

/** Adds a job; with `uniqueKey`, a second enqueue of the same key (by any server) adds nothing and returns null. */
export async function enqueueJob(db: Executor, kind: string, payload: Record<string, unknown> = {}, options: EnqueueOptions = {}): Promise<number | null> {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 5, uniqueKey: options.uniqueKey ?? null })
    .onConflictDoNothing({ target: jobs.uniqueKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/**
 * Puts the slot `at` of a recurring job in the queue, unless a row of that slot exists (another server made it)
 * or a run of the job is still waiting or running (a server that was down for hours runs its job once, not once
 * per missed slot).
 */
export async function scheduleSlot(db: Executor, kind: string, at: Date, maxAttempts: number): Promise<boolean> {
  const key = `${kind}@${at.toISOString()}`;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO jobs (kind, payload, run_at, max_attempts, unique_key)
        SELECT ${kind}::varchar, '{}'::jsonb, ${at.toISOString()}::timestamptz, ${maxAttempts}::int, ${key}::varchar
        WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE kind = ${kind} AND state IN ('queued', 'running'))
        ON CONFLICT (unique_key) DO NOTHING RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` due jobs of the given kinds for `worker` until `now + leaseMs`: queued ones whose time has
 * come, and running ones whose worker's lease ran out (it was killed or hung). `SKIP LOCKED` lets several servers
 * claim at once without waiting on one another or taking the same row; the row lock ends with this statement, the
 * lease keeps others off afterwards.
 */
export async function claimJobs(db: Executor, opts: { worker: string; kinds: string[]; now: Date; leaseMs: (kind: string) => number; limit: number }): Promise<QueuedJob[]> {
  if (!opts.kinds.length) return [];
  const now = opts.now.toISOString();
  const kinds = sql.join(
    opts.kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const leases = sql.join(
    opts.kinds.map((k) => sql`WHEN ${k} THEN ${opts.leaseMs(k)}::int`),
    sql` `,
  );
  return queryRows<QueuedJob>(
    db,
    sql`WITH due AS (
          SELECT id FROM jobs
          WHERE kind IN (${kinds}) AND run_at <= ${now}::timestamptz
            AND (state = 'queued' OR (state = 'running' AND locked_until < ${now}::timestamptz))
          ORDER BY run_at, id LIMIT ${opts.limit}::int
          FOR UPDATE SKIP LOCKED)
        UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, locked_by = ${opts.worker},
               locked_until = ${now}::timestamptz + make_interval(secs => (CASE j.kind ${leases} END) / 1000.0),
               updated_at = ${now}::timestamptz
        FROM due WHERE j.id = due.id
        RETURNING j.id, j.kind, j.payload, j.state, j.run_at AS "runAt", j.attempts, j.max_attempts AS "maxAttempts",
                  j.locked_by AS "lockedBy", j.locked_until AS "lockedUntil", j.last_error AS "lastError",
                  j.unique_key AS "uniqueKey", j.created_at AS "createdAt", j.updated_at AS "updatedAt", j.finished_at AS "finishedAt"`,
  );
}

/**
 * A claimed job whose lease ran out with every attempt spent is dead, not run again: a job that kills its worker
 * each time would otherwise take servers down forever.
 */
export async function buryExpired(db: Executor, now: Date): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ state: 'dead', lockedBy: null, lockedUntil: null, lastError: sql`coalesce(${jobs.lastError} || '; ', '') || 'lease expired on the last attempt'`, updatedAt: now, finishedAt: now })
    .where(and(eq(jobs.state, 'running'), lt(jobs.lockedUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Marks a run done; only while `worker` still holds it (a worker whose lease ran out must not overwrite a new run). */
export async function completeJob(db: Executor, job: Pick<QueuedJob, 'id'>, worker: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ state: 'succeeded', lockedBy: null, lockedUntil: null, lastError: null, updatedAt: now, finishedAt: now })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.lockedBy, worker)))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A failed run: queued again after a backoff, or dead once its attempts are spent. */
export async function failJob(
  db: Executor,
  job: Pick<QueuedJob, 'id' | 'attempts' | 'maxAttempts'>,
  worker: string,
  error: string,
  now: Date,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
): Promise<'retry' | 'dead' | 'lost'> {
  const dead = job.attempts >= job.maxAttempts;
  const rows = await db
    .update(jobs)
    .set({
      state: dead ? 'dead' : 'queued',
      runAt: dead ? undefined : new Date(now.getTime() + backoffMs(job.attempts, random, baseMs)),
      lockedBy: null,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      updatedAt: now,
      finishedAt: dead ? now : null,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.state, 'running'), eq(jobs.lockedBy, worker)))
    .returning({ id: jobs.id });
  if (!rows.length) return 'lost';
  return dead ? 'dead' : 'retry';
}

/** Finished jobs (succeeded) older than `keepDays` go; dead ones stay until an operator has looked at them. */
export async function purgeFinishedJobs(db: Executor, keepDays: number, now = new Date()): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.state, 'succeeded'), lt(jobs.finishedAt, new Date(now.getTime() - keepDays * 86_400_000))))
    .returning({ id: jobs.id });
  return rows.length;
}
