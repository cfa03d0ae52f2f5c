export { supervisionRoutes } from './routes.js';
export type { PhotoHolder, SupervisionDeps } from './deps.js';
export { markOverdueRectifications } from './rectification.overdue.js';
export { takeTransfer, transferById } from './transfer.service.js';
