import type { FastifyInstance } from 'fastify';
import type { SupervisionDeps } from './deps.js';
import { inspectionRoutes } from './inspection.routes.js';
import { taskRoutes } from '../tasks/task.routes.js';

/** 监管业务: `/api/v1/supervision/...`. */
export function supervisionRoutes(deps: SupervisionDeps) {
  return async (app: FastifyInstance) => {
    await app.register(taskRoutes(deps));
    await app.register(inspectionRoutes(deps));
  };
}
