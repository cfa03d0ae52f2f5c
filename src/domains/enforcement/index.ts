export { enforcementRoutes } from './routes.js';
export type { EnforcementDeps } from './deps.js';
export { photoHeldByCase } from './case.queries.js';
export { openCase, type CaseOpening } from './case.service.js';
export type { CaseIn, CaseOut } from './contracts.js';
