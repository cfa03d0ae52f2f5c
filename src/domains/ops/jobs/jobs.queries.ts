import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { jobs } from '../../../platform/jobs/schema.js';
import type { jobsQuery } from '../contracts.js';

/** The queue's jobs, newest first, of one state and kind when asked. Not regional: jobs serve the whole system. */
export async function listJobs(db: Executor, q: z.infer<typeof jobsQuery>) {
  const page = keyset({ sort: jobs.id, id: jobs.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [q.state ? eq(jobs.state, q.state) : undefined, q.kind ? eq(jobs.kind, q.kind) : undefined];
  const rows = db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      state: jobs.state,
      runAt: jobs.runAt,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      lockedBy: jobs.lockedBy,
      lockedUntil: jobs.lockedUntil,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(and(...filters, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const [found, total] = await Promise.all([rows, firstPageTotal(db, q.cursor, () => db.select({ id: jobs.id }).from(jobs).where(and(...filters)).$dynamic())]);
  return { ...page.page(found, (r) => [r.id, r.id]), ...totalField(total) };
}
