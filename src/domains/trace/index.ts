export { traceRoutes } from './routes.js';
export { loadProductClasses } from './product-classes.loader.js';
