// The analytics domain's public surface. This branch (monitors) adds the business monitors and the periodic reports;
// the statistics and home pages (branch analytics) join here when merged.
export { monitorRoutes, monitorsGrants } from './monitors/index.js';
export { periodicReportsJob, reportRoutes, reportsGrants } from './reports/index.js';
