import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agencyActorOf, commandContext, errorResponses } from '../../platform/http/context.js';
import { labSettingsIn, labSettingsOut, reportVersionParam, returnIn, sampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { labSettings, updateLabSettings } from './lab.service.js';
import { approveReport, returnReport, reviewReport } from './review.service.js';

/** 检验 → 审核 → 批准 of a report draft, and the lab's settings (CMA number, approvers) set by its admin. */
export function reviewRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.post('/api/v1/monitoring/samples/:id/reports/:version/review', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'Review (审核) a report draft: any user of the lab but the one who entered it (403 SAME_PERSON)',
        params: reportVersionParam,
        response: { 200: sampleOut, ...errorResponses },
      },
      handler: async (request) => reviewReport(deps, commandContext(request), request.params.id, request.params.version),
    });

    app.post('/api/v1/monitoring/samples/:id/reports/:version/approve', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'Approve (批准) a reviewed draft: issues it — verdict, alerts, batch marks and holds, public page and summary follow',
        description: 'By one of the lab’s approvers (403 NOT_AN_APPROVER) who neither entered nor reviewed it (403 SAME_PERSON).',
        params: reportVersionParam,
        response: { 200: sampleOut, ...errorResponses },
      },
      handler: async (request) => approveReport(deps, commandContext(request), request.params.id, request.params.version),
    });

    app.post('/api/v1/monitoring/samples/:id/reports/:version/return', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'Send a draft back (退回) with a reason: a reviewer before review, an approver after; it is entered again',
        params: reportVersionParam,
        body: returnIn,
        response: { 200: sampleOut, ...errorResponses },
      },
      handler: async (request) => returnReport(deps, commandContext(request), request.params.id, request.params.version, request.body.reason),
    });

    app.get('/api/v1/monitoring/lab', {
      config: { permission: 'monitoring.sample' },
      schema: { tags, summary: 'My lab’s settings: CMA number and approvers (members to choose from: admin only)', response: { 200: labSettingsOut, ...errorResponses } },
      handler: async (request) => labSettings(deps.db, agencyActorOf(request)),
    });

    app.post('/api/v1/monitoring/lab', {
      config: { permission: 'monitoring.sample' },
      schema: { tags, summary: 'Set my lab’s CMA number and approvers (the lab’s admin)', body: labSettingsIn, response: { 200: labSettingsOut, ...errorResponses } },
      handler: async (request) => updateLabSettings(deps, commandContext(request), request.body),
    });
  };
}
