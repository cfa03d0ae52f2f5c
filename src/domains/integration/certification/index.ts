export { certificationRoutes } from './routes.js';
