import type { Db } from '../../platform/db/client.js';
import type { Job } from '../../platform/jobs/runner.js';
import { purgeIntegration } from './key-store.js';

/** Expired nonces (the replay window is past) and calls over 30 days old, every 10 minutes on one server. */
export const integrationPurgeJob = (db: Db): Job => ({ name: 'integration.purge', everyMs: 10 * 60_000, run: () => purgeIntegration(db) });
