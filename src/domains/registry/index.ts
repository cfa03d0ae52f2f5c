export { actorLoader } from './actor.loader.js';
export { authRoutes } from './auth.routes.js';
export { registryRoutes } from './routes.js';
export { subjectRoutes } from './subject.routes.js';
export { loadRegions } from './regions.loader.js';
export { seedDemo, DEMO_AGENCIES, DEMO_PASSWORD } from './demo.seed.js';
export type { RegistryDeps } from './deps.js';
export { bootstrapMinistry } from './bootstrap.service.js';
