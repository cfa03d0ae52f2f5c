export { regionRoutes } from './routes.js';
export { loadRegions } from './regions.loader.js';
export { countyNames, findRegion, regionLevel, regionLevels, regionName, regionNameOf, regionNames, regionNameSql, regionPaths, townshipsOf } from './queries.js';

import type { DomainModule } from '../../platform/modules.js';
import { regionRoutes as regionRoutesOf } from './routes.js';

/** 行政区划: the reference every other domain files its records under. */
export const regionsModule: DomainModule = {
  name: 'regions',
  routes: (ctx) => [regionRoutesOf(ctx)],
};
