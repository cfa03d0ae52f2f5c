export { monitoringRoutes } from './routes.js';
export type { MonitoringDeps } from './deps.js';
export { loadResidueLimits } from './limits.loader.js';
export { publicSampleResults } from './public-results.queries.js';
