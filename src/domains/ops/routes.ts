import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/client.js';
import { z } from 'zod';
import type { FileStorage } from '../../platform/files/storage.js';
import { agencyActorOf, commandContext, errorResponses } from '../../platform/http/context.js';
import { auditExport, exportRows, sendSheet } from '../../platform/sheets/list-export.js';
import { auditSheet, listAudit } from './audit.queries.js';
import { listBackupRuns } from './backup/backup.queries.js';
import { feedbackRoutes } from './feedback/routes.js';
import { incidentRoutes } from './incidents/routes.js';
import { auditFilterQuery, auditPage, auditQuery, backupRunsPage, backupRunsQuery, jobIdParams, jobsPage, jobsQuery, retriedJobOut } from './contracts.js';
import { listJobs } from './jobs/jobs.queries.js';
import { retryDeadJob } from './jobs/jobs.service.js';

export function opsRoutes(deps: { db: Db; files: FileStorage }) {
  return async (root: FastifyInstance) => {
    await root.register(feedbackRoutes(deps));
    await root.register(incidentRoutes(deps));
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.get('/api/v1/audit', {
      config: { permission: 'audit.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Audit log of my jurisdiction, newest first', querystring: auditQuery, response: { 200: auditPage, ...errorResponses } },
      handler: async (request) => listAudit(deps.db, agencyActorOf(request), request.query),
    });
    app.get('/api/v1/audit.xlsx', {
      config: { permission: 'audit.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Audit entries of my jurisdiction, same filter, as an Excel workbook (at most 10,000 rows; the export is itself audited)', querystring: auditFilterQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const actor = agencyActorOf(request);
        const first = await listAudit(deps.db, actor, { ...request.query, limit: 1 });
        const rows = await exportRows(first.total!, (cursor, limit) => listAudit(deps.db, actor, { ...request.query, cursor, limit }));
        await auditExport(deps.db, commandContext(request), 'ops.audit', request.query, rows.length);
        return sendSheet(reply, { ascii: 'audit-log', zh: '审计日志' }, auditSheet(rows));
      },
    });
    // Operations' view of 数据库备份 (the operations agency, 运维).
    app.get('/api/v1/ops/backups', {
      config: { permission: 'backup.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Backup runs (scheduled and by hand), newest first', querystring: backupRunsQuery, response: { 200: backupRunsPage, ...errorResponses } },
      handler: async (request) => listBackupRuns(deps.db, request.query),
    });
    // 作业队列: what the servers' workers have run, are running and gave up on; watched by the same operators.
    app.get('/api/v1/ops/jobs', {
      config: { permission: 'job.read' },
      schema: { tags: ['ops 运行维护'], summary: 'Jobs of the queue, newest first, by state and kind', querystring: jobsQuery, response: { 200: jobsPage, ...errorResponses } },
      handler: async (request) => listJobs(deps.db, request.query),
    });
    app.post('/api/v1/ops/jobs/:id/retry', {
      config: { permission: 'job.retry' },
      schema: { tags: ['ops 运行维护'], summary: 'Send a dead job back to the queue (audited)', params: jobIdParams, response: { 200: retriedJobOut, ...errorResponses } },
      handler: async (request) => retryDeadJob(deps.db, commandContext(request), request.params.id),
    });
  };
}
