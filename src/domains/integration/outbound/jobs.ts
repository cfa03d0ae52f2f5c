import type { Db } from '../../../platform/db/client.js';
import { deliverOutbox } from '../../../platform/events/outbox.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { webhookConsumer } from './fanout.js';

export const FANOUT_JOB = 'integration.webhooks';

/**
 * Turns the outbox's new changes into webhook deliveries, every few seconds (each a job of its own, so that one
 * slow receiver holds up no other). A slot every 5 s: the queue keeps one row a run, purged with finished jobs.
 */
export const webhookFanoutJob = (db: Db): Job => ({ name: FANOUT_JOB, everyMs: 5_000, maxAttempts: 1, leaseMs: 30_000, run: () => deliverOutbox(db, [webhookConsumer]) });
