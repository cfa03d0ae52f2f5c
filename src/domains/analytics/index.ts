export { analyticsRoutes } from './routes.js';
export { rollupFoldJob, foldAll } from './rollups/fold.js';
