export { analyticsRoutes } from './routes.js';
export { rollupFoldJob, foldAll } from './rollups/fold.js';

import type { DomainModule } from '../../platform/modules.js';
import { analyticsGrants } from './permissions.js';
import { analyticsRoutes as analyticsRoutesOf } from './routes.js';
import { rollupFoldJob as foldJobOf } from './rollups/fold.js';

/** 大数据应用: statistics from rollups kept by the source domains' triggers, home pages, and the business monitors. */
export const analyticsModule: DomainModule = {
  name: 'analytics',
  permissions: [analyticsGrants],
  routes: (ctx) => [analyticsRoutesOf(ctx)],
  jobs: (ctx) => [foldJobOf(ctx.db)],
};
