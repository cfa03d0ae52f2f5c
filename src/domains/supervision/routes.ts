import type { FastifyInstance } from 'fastify';
import type { SupervisionDeps } from './deps.js';
import { inspectionRoutes } from './inspection.routes.js';

/** 监管业务: `/api/v1/supervision/...` (tasks, under the same prefix, are the tasks domain's). */
export function supervisionRoutes(deps: SupervisionDeps) {
  return async (app: FastifyInstance) => {
    await app.register(inspectionRoutes(deps));
  };
}
