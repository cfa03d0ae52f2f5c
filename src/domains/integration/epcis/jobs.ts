import type { Db } from '../../../platform/db/client.js';
import type { Config } from '../../../platform/config.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { deliverSubscriptions } from './subscriptions.service.js';

/** Subscriptions are delivered every minute (a stream's events reach it within a minute of being recorded). */
export function epcisSubscriptionsJob(db: Db, config: Pick<Config, 'publicUrl'>): Job {
  return { name: 'epcis.subscriptions', everyMs: 60_000, run: () => deliverSubscriptions(db, { publicUrl: config.publicUrl }) };
}
