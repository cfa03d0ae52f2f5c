import type { FastifyInstance } from 'fastify';
import type { TasksDeps } from './deps.js';
import { taskRoutes } from './task.routes.js';

/** Tasks and notices sent down the tree: `/api/v1/supervision/tasks...` (the paths kept from when supervision held them). */
export function tasksRoutes(deps: TasksDeps) {
  return async (app: FastifyInstance) => {
    await app.register(taskRoutes(deps));
  };
}
