export { traceRoutes } from './routes.js';
export { labelRoutes } from './label.routes.js';
export { loadProductClasses } from './product-classes.loader.js';
export { traceGraphRoutes } from './trace-graph.routes.js';
export { publicTraceRoutes } from './public-trace.routes.js';
export { createLookupCounter } from './public-lookups.js';
export { seedDemoTrace } from './demo.seed.js';
export { subjectRecordsRoutes } from './subject-records.routes.js';
