import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyActorOf, commandContext, errorBody, errorResponses, subjectActorOf } from '../../platform/http/context.js';
import { idParam, recallNoticeList, recallNoticeOut, recallOrderIn, recallOrderOut, recallReportIn, releaseIn } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { listNotices, orderDetail } from './recall.queries.js';
import { acknowledgeNotice, issueRecallOrder, releaseHolds, reportNotice, unansweredNotices } from './recall.service.js';
import { recallOrderWorkbook } from './recall.sheet.js';

/** 召回/下架: the county's recall order from a failed sample's alert, its release, and the holders' notices. */
export function recallRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.post('/api/v1/monitoring/alerts/:id/recall-order', {
      config: { permission: 'monitoring.alert' },
      schema: {
        tags,
        summary: 'Issue the recall order (召回/下架令) for the alert’s sample: every held batch’s holder is notified',
        description: 'The county supervision agency alerted (403 RECALL_NOT_ISSUER), once per sample (409 RECALL_ORDER_EXISTS), while batches are held (409 NOTHING_HELD).',
        params: idParam,
        body: recallOrderIn,
        response: { 201: recallOrderOut, ...errorResponses },
      },
      handler: async (request, reply) => reply.status(201).send(await issueRecallOrder(deps, commandContext(request), request.params.id, request.body)),
    });

    app.post('/api/v1/monitoring/alerts/:id/release', {
      config: { permission: 'monitoring.alert' },
      schema: {
        tags,
        summary: 'Release (解除) the batches the alert’s sample holds: they may be sold again; the recall order closes',
        params: idParam,
        body: releaseIn,
        response: { 200: z.object({ released: z.number() }), ...errorResponses },
      },
      handler: async (request) => releaseHolds(deps, commandContext(request), request.params.id, request.body.note),
    });

    app.get('/api/v1/monitoring/recall-orders/:id', {
      config: { permission: 'monitoring.alert' },
      schema: { tags, summary: 'A recall order: each holder’s answer, the totals, who has not answered', params: idParam, response: { 200: recallOrderOut, ...errorResponses } },
      handler: async (request) => orderDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.get('/api/v1/monitoring/recall-orders/:id.xlsx', {
      config: { permission: 'monitoring.alert' },
      schema: { tags, summary: 'A recall order as an Excel workbook (召回令.xlsx)', params: idParam, response: { 200: z.any().describe('xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const order = await orderDetail(deps.db, agencyActorOf(request), request.params.id);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="recall-order-${order.sampleNo}.xlsx"; filename*=UTF-8''${encodeURIComponent(`召回令-${order.sampleNo}.xlsx`)}`)
          .header('cache-control', 'no-store')
          .send(await recallOrderWorkbook(order));
      },
    });

    app.get('/api/v1/monitoring/recall-notices', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'My recall notices (召回通知): my held batches, and those I reach as a market operator', response: { 200: recallNoticeList, ...errorResponses } },
      handler: async (request) => ({ items: await listNotices(deps.db, subjectActorOf(request)) }),
    });

    app.get('/api/v1/monitoring/recall-notices/unanswered', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'How many of my open recall notices are not acknowledged', response: { 200: z.object({ count: z.number() }), ...errorResponses } },
      handler: async (request) => ({ count: await unansweredNotices(deps, commandContext(request)) }),
    });

    app.post('/api/v1/monitoring/recall-notices/:id/acknowledge', {
      config: { permission: 'trace.read' },
      schema: { tags, summary: 'Acknowledge (签收) a recall notice, once', params: idParam, response: { 200: recallNoticeOut, ...errorResponses } },
      handler: async (request) => acknowledgeNotice(deps, commandContext(request), request.params.id),
    });

    app.post('/api/v1/monitoring/recall-notices/:id/report', {
      config: { permission: 'trace.read' },
      schema: {
        tags,
        summary: 'Report the quantities withdrawn, destroyed and returned (at most what was held; 422 RECALL_QUANTITY_EXCEEDS)',
        params: idParam,
        body: recallReportIn,
        response: { 200: recallNoticeOut, 422: errorBody, ...errorResponses },
      },
      handler: async (request) => reportNotice(deps, commandContext(request), request.params.id, request.body),
    });
  };
}
