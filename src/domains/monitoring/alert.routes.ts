import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agencyActorOf, commandContext, errorResponses } from '../../platform/http/context.js';
import { listAlerts } from './alert.queries.js';
import { openCaseFromAlert, readAlert } from './alert.service.js';
import { alertCaseIn, alertListQuery, alertOut, alertPage, idParam } from './contracts.js';
import type { MonitoringDeps } from './deps.js';

/** 预警: the failed-sample alerts sent to my agency, read, and turned into an enforcement case in one step. */
export function alertRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.get('/api/v1/monitoring/alerts', {
      config: { permission: 'monitoring.alert_read' },
      schema: { tags, summary: 'The alerts sent to my agency (预警), newest first; `unread=true` for the unread', querystring: alertListQuery, response: { 200: alertPage, ...errorResponses } },
      handler: async (request) => listAlerts(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/monitoring/alerts/:id', {
      config: { permission: 'monitoring.alert_read' },
      schema: {
        tags,
        summary: 'An alert with the sample, its failing results and the recall list as it stood; marks it read',
        params: idParam,
        response: { 200: alertOut, ...errorResponses },
      },
      handler: async (request) => readAlert(deps, commandContext(request), request.params.id),
    });

    app.post('/api/v1/monitoring/alerts/:id/case', {
      config: { permission: 'enforcement.case' },
      schema: {
        tags,
        summary: 'Open an enforcement case from an alert sent to my agency (一键立案), once',
        description: 'Title and summary are drafted from the sample (product, failing analytes, recall count) unless given.',
        params: idParam,
        body: alertCaseIn,
        response: { 201: alertOut, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await openCaseFromAlert(deps, commandContext(request), request.params.id, request.body)),
    });
  };
}
