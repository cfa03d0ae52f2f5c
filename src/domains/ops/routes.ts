import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.js';
import { agencyActorOf, errorResponses } from '../../platform/http/context.js';
import { listAudit } from './audit.queries.js';
import { auditPage, auditQuery } from './contracts.js';

export function opsRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/audit', {
      config: { permission: 'audit.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Audit log of my jurisdiction, newest first', querystring: auditQuery, response: { 200: auditPage, ...errorResponses } },
      handler: async (request) => listAudit(deps.db, agencyActorOf(request), request.query),
    });
  };
}
