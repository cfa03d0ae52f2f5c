export { enforcementRoutes } from './routes.js';
export type { EnforcementDeps } from './deps.js';
export { photoHeldByCase } from './case.queries.js';
