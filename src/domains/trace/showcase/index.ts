export { showcaseRoutes } from './showcase.routes.js';
