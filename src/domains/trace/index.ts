export { traceRoutes } from './routes.js';
export { labelRoutes } from './label.routes.js';
export { loadProductClasses } from './product-classes.loader.js';
export { traceGraphRoutes } from './trace-graph.routes.js';
