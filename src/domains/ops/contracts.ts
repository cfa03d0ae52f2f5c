import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { JOB_STATES } from './job-states.shared.js';

const auditFilter = {
  action: z.string().max(80).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(80).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
};
export const auditQuery = z.strictObject({ ...pageQuery, ...auditFilter });
export const auditFilterQuery = z.strictObject(auditFilter);

export const auditEntryOut = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Where the operator works now: its agency's name, or its subject's (null for the system). */
  actorAffiliation: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  regionCode: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const auditPage = countedPageOf(auditEntryOut);

export const backupRunsQuery = z.strictObject({ ...pageQuery });

export const backupRunOut = z.object({
  id: z.number().int(),
  trigger: z.enum(['schedule', 'manual']),
  scheduledFor: z.date().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  file: z.string().nullable(),
  bytes: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** null while the run is still going (or its server stopped during it). */
  ok: z.boolean().nullable(),
  error: z.string().nullable(),
});

export const backupRunsPage = countedPageOf(backupRunOut);

export { JOB_STATES };

export const jobsQuery = z.strictObject({
  ...pageQuery,
  state: z.enum(JOB_STATES).optional(),
  kind: z.string().min(1).max(80).optional(),
});

export const jobOut = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  runAt: z.date(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** The worker (host:pid:tag) holding a running job, and until when. */
  lockedBy: z.string().nullable(),
  lockedUntil: z.date().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const jobsPage = countedPageOf(jobOut);

export const jobIdParams = z.strictObject({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

export const retriedJobOut = z.object({
  id: z.number().int(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  runAt: z.date(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
});
