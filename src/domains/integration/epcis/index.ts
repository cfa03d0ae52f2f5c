export { epcisRoutes } from './routes.js';
export { epcisGrants, EPCIS_PERMISSIONS } from './permissions.js';
export { epcisSubscriptionsJob } from './jobs.js';
export { capturedChainEvents } from './outside-events.queries.js';
