export { noticesRoutes } from './routes.js';
