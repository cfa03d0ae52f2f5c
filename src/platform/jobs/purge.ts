import type { Db } from '../db/client.js';
import { purgeOutbox } from '../events/outbox.js';
import { purgeFinishedJobs } from './queue.js';
import type { Job } from './runner.js';

/** Succeeded jobs are kept a week for the operations page; dead ones until an operator retries them. */
export const JOB_KEEP_DAYS = 7;
/** Outbox events every consumer has passed are kept a week, for a consumer added late to catch up on. */
export const OUTBOX_KEEP_DAYS = 7;

export const jobQueuePurgeJob = (db: Db): Job => ({
  name: 'jobs.purge',
  everyMs: 60 * 60_000,
  run: async () => ({ jobs: await purgeFinishedJobs(db, JOB_KEEP_DAYS), outbox: await purgeOutbox(db, OUTBOX_KEEP_DAYS) }),
});
