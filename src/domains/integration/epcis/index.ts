export { epcisRoutes } from './routes.js';
export { epcisGrants, EPCIS_PERMISSIONS } from './permissions.js';
export { epcisSubscriptionsJob } from './jobs.js';
