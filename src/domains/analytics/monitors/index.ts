export { monitorRoutes } from './routes.js';
export { monitorsGrants } from './monitors.permissions.js';
export { indicatorValues } from './monitor.service.js';
export { registrationFigures, traceFigures, supervisionFigures, monitoringFigures, enforcementFigures } from './monitor.queries.js';
export { monthRange, thisMonth, previousMonth } from './period.js';
