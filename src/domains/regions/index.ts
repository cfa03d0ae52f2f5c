export { regionRoutes } from './routes.js';
export { loadRegions } from './regions.loader.js';
export { countyNames, findRegion, regionLevel, regionLevels, regionName, regionNameOf, regionNames, regionNameSql, regionPaths, townshipsOf } from './queries.js';
