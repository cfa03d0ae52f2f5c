import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf, commandContext, errorBody, errorResponses } from '../../../platform/http/context.js';
import { SIGNED_OR_SESSION } from '../../../platform/http/openapi.js';
import { recallWorkbook } from './recall.sheet.js';
import { recallOut, traceGraphOut, traceQuery } from './trace-graph.contracts.js';
import { recallList, traceGraph, type TraceGraphDeps } from './trace-graph.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 追溯 (backward and forward trace of a batch) and 召回清单 (the recall list of everyone downstream). */
export function traceGraphRoutes(deps: TraceGraphDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];
    const params = z.strictObject({ id: z.uuid() });

    app.get('/api/v1/trace/batches/:id/trace', {
      config: { permission: 'trace.graph', clients: true },
      schema: {
        tags,
        summary: 'Backward (where it came from) or forward (who received it) trace of a batch, up to 20 hops',
        description:
          'Every batch within `depth` hops, once each at its smallest depth, with the edges between them (trade, market, transform, split, merge) and each holder’s name and county; ' +
          'no phones or identity numbers. At most 5,000 batches (`truncated: true` beyond, nearest first). A subject’s accounts may trace a batch the subject holds or sold into; ' +
          'an agency a batch of its jurisdiction. Any other batch is 404 BATCH_NOT_FOUND, as if it did not exist. ' +
          'A client system (signed request) a batch of its regions (else 403 OUT_OF_SCOPE), every holder shown as the public page shows it.',
        security: SIGNED_OR_SESSION,
        params,
        querystring: traceQuery,
        response: { 200: traceGraphOut, ...errorResponses },
      },
      handler: async (request) => traceGraph(deps, callerOf(request), request.params.id, request.query),
    });

    const recallDescription =
      'Supervision agencies from the county up and enforcement agencies, for a batch of their jurisdiction; all downstream batches up to 20 hops, never cut ' +
      '(more than 100,000 is 422 RECALL_TOO_LARGE). Phones are given in full, so each list given out writes a `trace.recall` audit entry.';

    app.get('/api/v1/trace/batches/:id/recall', {
      config: { permission: 'trace.recall' },
      schema: {
        tags,
        summary: 'Recall list (召回清单): every downstream holder of a batch with contact, quantity received and stock left',
        description: recallDescription,
        params,
        response: { 200: recallOut, 422: errorBody, ...errorResponses },
      },
      handler: async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return recallList(deps, commandContext(request), request.params.id, 'json');
      },
    });

    app.get('/api/v1/trace/batches/:id/recall.xlsx', {
      config: { permission: 'trace.recall' },
      schema: {
        tags,
        summary: 'The recall list as an Excel workbook (召回清单.xlsx): the holders, and a summary sheet',
        description: recallDescription,
        params,
        response: { 200: z.any().describe('.xlsx bytes'), 422: errorBody, ...errorResponses },
      },
      handler: async (request, reply) => {
        const list = await recallList(deps, commandContext(request), request.params.id, 'xlsx');
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="recall-${list.batch.code}.xlsx"; filename*=UTF-8''${encodeURIComponent(`召回清单-${list.batch.code}.xlsx`)}`)
          .header('cache-control', 'no-store')
          .send(await recallWorkbook(list));
      },
    });
  };
}
