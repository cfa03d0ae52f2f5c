export { monitorRoutes, monitorsGrants } from './monitors/index.js';
export { periodicReportsJob, reportRoutes, reportsGrants } from './reports/index.js';
export { analyticsRoutes } from './routes.js';
export { rollupFoldJob, foldAll } from './rollups/fold.js';

import type { DomainModule } from '../../platform/modules.js';
import { analyticsAudit } from './audit-actions.js';
import { analyticsGrants } from './permissions.js';
import { analyticsRoutes as analyticsRoutesOf } from './routes.js';
import { rollupFoldJob as foldJobOf } from './rollups/fold.js';
import { monitorRoutes as monitorRoutesOf } from './monitors/index.js';
import { monitorsGrants as monitorsGrantsOf } from './monitors/monitors.permissions.js';
import { periodicReportsJob as reportsJobOf, reportRoutes as reportRoutesOf } from './reports/index.js';
import { reportsGrants as reportsGrantsOf } from './reports/reports.permissions.js';

/** 大数据应用: statistics from rollups kept by the source domains' triggers, home pages, and the business monitors. */
export const analyticsModule: DomainModule = {
  name: 'analytics',
  permissions: [analyticsGrants, monitorsGrantsOf, reportsGrantsOf],
  audit: [analyticsAudit],
  routes: (ctx) => [analyticsRoutesOf(ctx), monitorRoutesOf(ctx), reportRoutesOf(ctx)],
  jobs: (ctx) => [foldJobOf(ctx.db), reportsJobOf(ctx.db)],
};
