export { integrationRoutes } from './routes.js';
export { createKeyStore, purgeIntegration, type KeyStore } from './key-store.js';
export { integrationPurgeJob } from './purge.job.js';
