export { epcisRoutes } from './routes.js';
export { epcisGrants, EPCIS_PERMISSIONS } from './permissions.js';
