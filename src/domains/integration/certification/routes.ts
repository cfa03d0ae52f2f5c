import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ClientActor } from '../../../platform/auth/actor.js';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { httpError } from '../../../platform/http/errors.js';
import { SIGNED_ONLY } from '../../../platform/http/openapi.js';
import { auditExport, sendSheet } from '../../../platform/sheets/list-export.js';
import { coverage, coverageHolders, createTraceCheck, listTraceChecks, pushCertificates, standingOf, traceCheckDetail, type CertificationDeps } from './certification.service.js';
import { traceCheckSheet } from './trace-check.sheet.js';
import {
  certificatePushIn,
  certificatePushOut,
  coverageHolderPage,
  coverageHoldersQuery,
  coverageOut,
  coverageQuery,
  standingByIdIn,
  standingKeyParam,
  standingOut,
  traceCheckIn,
  traceCheckListQuery,
  traceCheckOut,
  traceCheckPage,
  traceCheckParam,
} from './contracts.js';

const tags = ['integration 平台对接'];
const errors = { ...errorResponses, 409: errorBody, 422: errorBody };

function clientOf(request: FastifyRequest): ClientActor {
  if (!request.client) throw httpError('FORBIDDEN', { reason: 'CLIENTS_ONLY' });
  return request.client;
}

/** 三品一标 and 追溯挂钩 (issue 17 §4): certification systems' standing checks and pushes; agencies' checks and coverage. */
export function certificationRoutes(deps: CertificationDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/integration/subjects/:uscc/standing', {
      config: { permission: 'integration.standing', clients: true },
      schema: {
        tags,
        summary: 'For a certification system: a holder’s standing by its credit code — registered, status, certificates, traceability in the last 12 months (认证前置条件)',
        description: 'A holder outside the client’s scope is answered as not registered. A natural person is asked for with POST …/subjects/standing (the number stays out of URLs and logs).',
        security: SIGNED_ONLY,
        params: standingKeyParam,
        response: { 200: standingOut, ...errors },
      },
      handler: async (request) => standingOf(deps, clientOf(request), request.params.uscc),
    });

    app.post('/api/v1/integration/subjects/standing', {
      config: { permission: 'integration.standing', clients: true },
      schema: { tags, summary: 'For a certification system: a holder’s standing by credit code or resident ID number (in the body)', security: SIGNED_ONLY, body: standingByIdIn, response: { 200: standingOut, ...errors } },
      handler: async (request) => standingOf(deps, clientOf(request), request.body.idNumber),
    });

    app.post('/api/v1/integration/certificates', {
      config: { permission: 'integration.certificate_push', clients: true },
      schema: {
        tags,
        summary: 'For a certification system: push certificates (kind = the system’s scheme, number, holder, products, validity, 年检/续展 state), all or none',
        description: 'Kept under (scheme, number); a registered holder’s certificate shows on its page and public page as verified by the system; suspended or revoked ones are withdrawn there. The same push again changes nothing.',
        security: SIGNED_ONLY,
        body: certificatePushIn,
        response: { 200: certificatePushOut, ...errors },
      },
      handler: async (request) => pushCertificates(deps, commandContext(request), clientOf(request), request.body.certificates),
    });

    app.post('/api/v1/integration/trace-checks', {
      config: { permission: 'integration.trace_check' },
      schema: {
        tags,
        summary: '追溯挂钩: check a list of subjects (by credit code or ID number) for whether each implements traceability, with the evidence',
        body: traceCheckIn,
        response: { 201: traceCheckOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await createTraceCheck(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/integration/trace-checks', {
      config: { permission: 'integration.trace_check' },
      schema: { tags, summary: '追溯挂钩 checks of my agency and those below it, newest first', querystring: traceCheckListQuery, response: { 200: traceCheckPage, ...errors } },
      handler: async (request) => listTraceChecks(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/integration/trace-checks/:id', {
      config: { permission: 'integration.trace_check' },
      schema: { tags, summary: 'A 追溯挂钩 check with its findings per subject', params: traceCheckParam, response: { 200: traceCheckOut, ...errors } },
      handler: async (request) => traceCheckDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.get('/api/v1/integration/trace-checks/:id/export', {
      config: { permission: 'integration.trace_check' },
      schema: { tags, summary: 'A 追溯挂钩 check as an .xlsx workbook (audited as an export)', params: traceCheckParam, response: { ...errors } },
      handler: async (request, reply) => {
        const check = await traceCheckDetail(deps.db, agencyActorOf(request), request.params.id);
        await auditExport(deps.db, commandContext(request), 'integration.trace_checks', { id: check.id }, check.items.length);
        return sendSheet(reply, { ascii: `trace-check-${check.createdAt.toISOString().slice(0, 10)}`, zh: `追溯挂钩核查-${check.title}` }, traceCheckSheet(check));
      },
    });

    app.get('/api/v1/integration/coverage', {
      config: { permission: 'integration.coverage' },
      schema: { tags, summary: '认证主体覆盖: holders of valid 绿色/有机/地标/农垦 certificates in my jurisdiction (or a region of it) and how many are on the platform', querystring: coverageQuery, response: { 200: coverageOut, ...errors } },
      handler: async (request) => coverage(deps.db, agencyActorOf(request), request.query.region),
    });

    app.get('/api/v1/integration/coverage/holders', {
      config: { permission: 'integration.coverage' },
      schema: { tags, summary: 'The certified holders of one scheme in my jurisdiction, on the platform or not', querystring: coverageHoldersQuery, response: { 200: coverageHolderPage, ...errors } },
      handler: async (request) => coverageHolders(deps.db, agencyActorOf(request), request.query),
    });
  };
}
