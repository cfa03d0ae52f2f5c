export { monitoringRoutes } from './routes.js';
export type { MonitoringDeps } from './deps.js';
