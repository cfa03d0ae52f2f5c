import type { FastifyInstance } from 'fastify';
import { announcementRoutes } from './announcements/routes.js';
import type { NoticeDeps } from './producer-notices/notice.service.js';
import { producerNoticeRoutes } from './producer-notices/routes.js';
import { shellNoticeRoutes } from './shell.routes.js';

export function noticesRoutes(deps: NoticeDeps) {
  return async (app: FastifyInstance) => {
    await app.register(shellNoticeRoutes(deps));
    await app.register(announcementRoutes(deps));
    await app.register(producerNoticeRoutes(deps));
  };
}
