import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { agencyActorOf, errorResponses } from '../../platform/http/context.js';
import { listAudit } from './audit.queries.js';
import { listBackupRuns } from './backup/backup.queries.js';
import { feedbackRoutes } from './feedback/routes.js';
import { auditPage, auditQuery, backupRunsPage, backupRunsQuery } from './contracts.js';

export function opsRoutes(deps: { db: Db; files: FileStorage }) {
  return async (root: FastifyInstance) => {
    await root.register(feedbackRoutes(deps));
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/audit', {
      config: { permission: 'audit.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Audit log of my jurisdiction, newest first', querystring: auditQuery, response: { 200: auditPage, ...errorResponses } },
      handler: async (request) => listAudit(deps.db, agencyActorOf(request), request.query),
    });
    // Operations' view of 数据库备份; the ministry's supervision admins hold it until an operations agency kind exists.
    app.get('/api/v1/ops/backups', {
      config: { permission: 'backup.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Backup runs (scheduled and by hand), newest first', querystring: backupRunsQuery, response: { 200: backupRunsPage, ...errorResponses } },
      handler: async (request) => listBackupRuns(deps.db, request.query),
    });
  };
}
