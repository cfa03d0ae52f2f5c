import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import { addCaseRecord, advanceCase, commissionTest, openCase } from './case.service.js';
import { caseDetail, listCases } from './case.queries.js';
import { advanceIn, caseIn, caseListQuery, caseOut, casePage, commissionIn, idParam, recordIn } from './contracts.js';
import type { EnforcementDeps } from './deps.js';

const errors = { ...errorResponses, 422: errorBody };

/** 执法业务: `/api/v1/enforcement/...` — cases through 立案, 调查取证, 处罚决定, 结案. */
export function enforcementRoutes(deps: EnforcementDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['enforcement 执法业务'];

    app.post('/api/v1/enforcement/cases', {
      config: { permission: 'enforcement.case' },
      schema: {
        tags,
        summary: 'Open a case (立案): from a transfer sent to my agency, a task it received, or on its own',
        body: caseIn,
        response: { 201: caseOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await openCase(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/enforcement/cases', {
      config: { permission: 'enforcement.read' },
      schema: { tags, summary: 'Cases my agency handles or of my jurisdiction, newest first', querystring: caseListQuery, response: { 200: casePage, ...errors } },
      handler: async (request) => listCases(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/enforcement/cases/:id', {
      config: { permission: 'enforcement.read' },
      schema: { tags, summary: 'A case with its stages’ history, records and where it came from', params: idParam, response: { 200: caseOut, ...errors } },
      handler: async (request) => caseDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.post('/api/v1/enforcement/cases/:id/records', {
      config: { permission: 'enforcement.case' },
      schema: { tags, summary: 'Add a record (笔录, 现场检查, 证据) with photos uploaded to /supervision/photos', params: idParam, body: recordIn, response: { 200: caseOut, ...errors } },
      handler: async (request) => addCaseRecord(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/enforcement/cases/:id/commissions', {
      config: { permission: 'enforcement.case' },
      schema: {
        tags,
        summary: 'Send a supervisory-sampling sheet or a monitoring task to a testing agency for this case (委托检测)',
        description: 'It reaches the lab as a task (inbox, accept, report); the case shows its status and report.',
        params: idParam,
        body: commissionIn,
        response: { 200: caseOut, ...errors },
      },
      handler: async (request) => commissionTest(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/enforcement/cases/:id/advance', {
      config: { permission: 'enforcement.case' },
      schema: {
        tags,
        summary: 'Move the case to its next stage (never over one); 处罚决定 with legal basis and penalty',
        description: 'Closing a case with a penalty adds to the subject’s bad-conduct record.',
        params: idParam,
        body: advanceIn,
        response: { 200: caseOut, ...errors },
      },
      handler: async (request) => advanceCase(deps, commandContext(request), request.params.id, request.body),
    });
  };
}
