import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { jobs, type JobState } from '../../../platform/jobs/schema.js';
import { jobError } from './jobs.errors.js';

const STATE_ZH: Record<JobState, string> = { queued: '等待执行', running: '执行中', succeeded: '已完成', dead: '已失败停用' };

/**
 * An operator sends a dead job back to the queue (after fixing what made it fail): its attempts start again and it
 * runs at the next poll. Only a dead job: one still queued or running is the workers' business, and a second click
 * on the same job finds it no longer dead and changes nothing.
 */
export async function retryDeadJob(db: Db, ctx: CommandContext, id: number) {
  const actor = agencyActorIn(ctx);
  return withTransaction(db, ctx, async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, id)).for('update');
    if (!job) throw jobError('JOB_NOT_FOUND', { id });
    if (job.state !== 'dead') throw jobError('JOB_NOT_DEAD', { id, state: job.state, stateZh: STATE_ZH[job.state] });
    const now = new Date();
    const [row] = await tx
      .update(jobs)
      .set({ state: 'queued', attempts: 0, runAt: now, lockedBy: null, lockedUntil: null, finishedAt: null, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.state, 'dead')))
      .returning({ id: jobs.id, kind: jobs.kind, state: jobs.state, runAt: jobs.runAt, attempts: jobs.attempts, maxAttempts: jobs.maxAttempts });
    await recordAudit(tx, ctx, {
      action: 'ops.job_retry',
      targetType: 'job',
      targetId: String(id),
      regionCode: actor.agency.regionCode,
      before: { kind: job.kind, state: job.state, attempts: job.attempts, lastError: job.lastError },
      after: { state: 'queued', attempts: 0 },
    });
    return row!;
  });
}
