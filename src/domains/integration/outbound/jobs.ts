import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { deliverOutbox } from '../../../platform/events/outbox.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { webhookConsumer } from './fanout.js';
import { webhookDeliveries } from './schema.js';

export const FANOUT_JOB = 'integration.webhooks';

/**
 * Turns the outbox's new changes into webhook deliveries, every few seconds (each a job of its own, so that one
 * slow receiver holds up no other). A slot every 5 s: the queue keeps one row a run, purged with finished jobs.
 */
export const webhookFanoutJob = (db: Db): Job => ({ name: FANOUT_JOB, everyMs: 5_000, maxAttempts: 1, leaseMs: 30_000, run: () => deliverOutbox(db, [webhookConsumer]) });

/** Deliveries are the client page's log, kept 30 days once done (delivered, or attempts spent), as its calls are. */
export const DELIVERY_KEEP_DAYS = 30;

export async function purgeDeliveries(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ['delivered', 'failed']), lt(webhookDeliveries.createdAt, new Date(now.getTime() - DELIVERY_KEEP_DAYS * 86_400_000))))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

export const deliveryPurgeJob = (db: Db): Job => ({ name: 'integration.webhooks.purge', everyMs: 60 * 60_000, run: () => purgeDeliveries(db) });
