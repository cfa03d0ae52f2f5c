import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import type { MonitoringDeps } from './deps.js';
import { analyteIn, analyteListQuery, limitIdParam, limitIn, referenceAnalyteList, referenceAnalyteOut, referenceLimitList, referenceLimitOut, referenceLimitPage, referenceLimitQuery } from './reference.contracts.js';
import { addAnalyte, addLimit, limitHistory, referenceAnalytes, referenceLimits, retireLimit } from './reference.service.js';

const tags = ['monitoring 监测业务'];
const errors = { ...errorResponses, 409: errorBody, 422: errorBody };

/** 检测参照数据 (issue 21 §2): the reference set with its versions, and a province's and a lab's additions. */
export function referenceRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/monitoring/reference/analytes', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'Analytes of the reference set, my province’s additions and those of my jurisdiction, with who added them', querystring: analyteListQuery, response: { 200: referenceAnalyteList, ...errors } },
      handler: async (request) => referenceAnalytes(deps.db, agencyActorOf(request), request.query.origin),
    });

    app.post('/api/v1/monitoring/reference/analytes', {
      config: { permission: 'monitoring.reference' },
      schema: {
        tags,
        summary: 'Add an analyte my lab tests for (or my province uses), with its method, unit and the standard it cites',
        description: 'A lab’s analyte is its own; a province’s reaches every lab of the province. One of the same name already usable is 409 ANALYTE_EXISTS with its code.',
        body: analyteIn,
        response: { 201: referenceAnalyteOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await addAnalyte(deps.db, commandContext(request), request.body)),
    });

    app.get('/api/v1/monitoring/reference/limits', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'Residue limits: the reference set (each row’s live version, or all with retired=yes) and additions, with how many results were judged against each', querystring: referenceLimitQuery, response: { 200: referenceLimitPage, ...errors } },
      handler: async (request) => referenceLimits(deps.db, agencyActorOf(request), request.query),
    });

    app.post('/api/v1/monitoring/reference/limits', {
      config: { permission: 'monitoring.reference' },
      schema: {
        tags,
        summary: 'Add a limit (value in mg/kg or μg/kg, or none for 不得检出) for an analyte in a product class, citing standard and clause',
        description: 'Used where the reference set has no limit for the analyte in the class: the province’s before the lab’s.',
        body: limitIn,
        response: { 201: referenceLimitOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await addLimit(deps.db, commandContext(request), request.body)),
    });

    app.post('/api/v1/monitoring/reference/limits/:id/retire', {
      config: { permission: 'monitoring.reference' },
      schema: { tags, summary: 'Withdraw a limit my agency added (results judged against it keep it)', params: limitIdParam, response: { 200: referenceLimitOut, ...errors } },
      handler: async (request) => retireLimit(deps.db, commandContext(request), request.params.id),
    });

    app.get('/api/v1/monitoring/reference/limits/:id/history', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'Every version of a reference limit, newest first, with the results judged against each', params: limitIdParam, response: { 200: referenceLimitList, ...errors } },
      handler: async (request) => limitHistory(deps.db, agencyActorOf(request), request.params.id),
    });
  };
}
