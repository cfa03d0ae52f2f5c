import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyActorOf, commandContext, errorResponses } from '../../../platform/http/context.js';
import {
  checkIn,
  closeIn,
  consentIn,
  escalateIn,
  extensionDecisionIn,
  extensionIn,
  incidentIdParam,
  incidentListQuery,
  incidentOut,
  incidentPage,
  liaisonIn,
  liaisonOut,
  liaisonsOut,
  noticeIdParam,
  noticesOut,
  progressIn,
  recoverIn,
  reportIn,
  writeCheckParams,
  writeOut,
  writesPage,
  writesQuery,
} from './contracts.js';
import { incidentDetail, listIncidents } from './incident.queries.js';
import { closeIncident, consentToTell, decideExtension, escalateIncident, type IncidentDeps, recoverIncident, reportIncident, reportProgress, requestExtension } from './incident.service.js';
import { listLiaisons, myNotices, myProvinceLiaison, readNotice, setLiaison } from './liaison.service.js';
import { checkWrite, listWrites } from './recovery-checks.js';

const tags = ['ops 运行维护'];
const step = { params: incidentIdParam, response: { 200: incidentOut, ...errorResponses } };

/** 应急响应: reported and handled by operations, consented by 安全中心, read by the ministry and the provinces told. */
export function incidentRoutes(deps: IncidentDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/incidents', {
      config: { permission: 'incident.read' },
      schema: { tags, summary: 'Incidents (突发事件) I may see, newest first: all for operations and the ministry, a province’s once it is told', querystring: incidentListQuery, response: { 200: incidentPage, ...errorResponses } },
      handler: async (request) => listIncidents(deps.db, agencyActorOf(request), request.query),
    });
    app.post('/api/v1/incidents', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Report an incident: 时间、地点、现象、影响范围及趋势、措施、恢复预期, its level (一级 mildest) and provinces', body: reportIn, response: { 201: incidentOut, ...errorResponses } },
      handler: async (request, reply) => reply.status(201).send(await reportIncident(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/incidents/liaisons', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Every province’s liaison (联络员)', response: { 200: liaisonsOut, ...errorResponses } },
      handler: async () => listLiaisons(deps.db),
    });
    app.get('/api/v1/incidents/liaison', {
      config: { permission: 'incident.liaison' },
      schema: { tags, summary: 'My province’s liaison and the accounts I may name', response: { 200: z.object({ liaison: liaisonOut, candidates: z.array(z.object({ id: z.string(), displayName: z.string() })) }), ...errorResponses } },
      handler: async (request) => myProvinceLiaison(deps.db, agencyActorOf(request)),
    });
    app.post('/api/v1/incidents/liaison', {
      config: { permission: 'incident.liaison' },
      schema: { tags, summary: 'Name my province’s liaison, an account of my agency (audited)', body: liaisonIn, response: { 200: liaisonOut, ...errorResponses } },
      handler: async (request) => setLiaison(deps.db, commandContext(request), request.body),
    });
    app.get('/api/v1/incidents/notices', {
      config: { permission: 'incident.read' },
      schema: { tags, summary: 'Incident notices to my province, if I am its liaison, newest first', response: { 200: noticesOut, ...errorResponses } },
      handler: async (request) => myNotices(deps.db, agencyActorOf(request)),
    });
    app.post('/api/v1/incidents/notices/:id/read', {
      config: { permission: 'incident.read' },
      schema: { tags, summary: 'Mark a notice to my province read (the liaison’s receipt)', params: noticeIdParam, response: { 200: noticesOut, ...errorResponses } },
      handler: async (request) => readNotice(deps.db, commandContext(request), request.params.id),
    });

    app.get('/api/v1/incidents/:id', {
      config: { permission: 'incident.read' },
      schema: { tags, summary: 'One incident with its timeline', ...step },
      handler: async (request) => incidentDetail(deps.db, agencyActorOf(request), request.params.id),
    });
    app.post('/api/v1/incidents/:id/progress', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Report progress (处理进度)', body: progressIn, ...step },
      handler: async (request) => reportProgress(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/incidents/:id/consent', {
      config: { permission: 'incident.consent' },
      schema: { tags, summary: '安全中心 consents to telling the provinces of a level 1 incident (they see it from then on)', body: consentIn, ...step },
      handler: async (request) => consentToTell(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/incidents/:id/escalate', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Raise the level by hand, with the reason (the deadline job does it when time is up)', body: escalateIn, ...step },
      handler: async (request) => escalateIncident(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/incidents/:id/extension', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Ask 安全中心 for more time on a level 2 incident', body: extensionIn, ...step },
      handler: async (request) => requestExtension(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/incidents/:id/extension/decision', {
      config: { permission: 'incident.consent' },
      schema: { tags, summary: '安全中心 approves or refuses the extension asked', body: extensionDecisionIn, ...step },
      handler: async (request) => decideExtension(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/incidents/:id/recover', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'The platform runs normally again: the recovery notice (to the provinces told)', body: recoverIn, ...step },
      handler: async (request) => recoverIncident(deps, commandContext(request), request.params.id, request.body),
    });
    app.post('/api/v1/incidents/:id/close', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Close with the 处置记录 (level 1) or 处置报告 and 分析评估 (levels 2, 3)', body: closeIn, ...step },
      handler: async (request) => closeIncident(deps, commandContext(request), request.params.id, request.body),
    });
    app.get('/api/v1/incidents/:id/writes', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: '后期恢复: the business writes from `hours` before the failure to the recovery, in the provinces concerned, to re-check', params: incidentIdParam, querystring: writesQuery, response: { 200: writesPage, ...errorResponses } },
      handler: async (request) => listWrites(deps.db, agencyActorOf(request), request.params.id, request.query),
    });
    app.post('/api/v1/incidents/:id/writes/:auditId/check', {
      config: { permission: 'incident.report' },
      schema: { tags, summary: 'Mark one of those writes re-checked (核对)', params: writeCheckParams, body: checkIn, response: { 200: writeOut.pick({ auditId: true, checkedAt: true, checkedByName: true, note: true }), ...errorResponses } },
      handler: async (request) => checkWrite(deps.db, commandContext(request), request.params.id, request.params.auditId, request.body),
    });
  };
}
