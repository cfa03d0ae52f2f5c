export { reportRoutes } from './routes.js';
export { reportsGrants } from './reports.permissions.js';
export { periodicReportsJob } from './report.job.js';
export { generateDueReports } from './report.service.js';
