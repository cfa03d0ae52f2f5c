import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import { codeQuery, idParam, receiveIn, sampleFactsOut, sampleIn, sampleListQuery, sampleOut, samplePage } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { sampleSheetDocument } from './sample.documents.js';
import { factsOfCode, listSamples, sampleDetail } from './sample.queries.js';
import { createSample, receiveSample } from './sample.service.js';

const errors = { ...errorResponses, 422: errorBody };

/** 抽样: the sheet filled from a scanned code, the sample recorded under a task, its handover to the lab, the printed sheet. */
export function sampleRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.get('/api/v1/monitoring/facts', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'What the sampling sheet is filled from for a scanned code (any type: batch, trace code, market-entry voucher, long code)',
        querystring: codeQuery,
        response: { 200: sampleFactsOut, ...errorResponses },
      },
      handler: async (request) => factsOfCode(deps.db, request.query.code),
    });

    app.post('/api/v1/monitoring/samples', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'Record a sample (抽样) under a task my testing agency accepted',
        description:
          'Either `code` (scanned or typed; the sheet is filled from the platform) or `manual` (a product without a code: it gets a temporary product code, type 5). Photos uploaded first to POST /api/v1/supervision/photos. The place lies in the task’s region scope. Counts one done for my agency’s task. Send `Idempotency-Key` when retrying.',
        body: sampleIn,
        response: { 201: sampleOut, ...errors },
      },
      handler: async (request, reply) => reply.status(201).send(await createSample(deps, commandContext(request), request.body)),
    });

    app.get('/api/v1/monitoring/samples', {
      config: { permission: 'monitoring.read' },
      schema: {
        tags,
        summary: 'Samples I may read, newest first: my lab’s, those of tasks my agency published, and (supervision, enforcement) those sampled in or produced in my jurisdiction',
        querystring: sampleListQuery,
        response: { 200: samplePage, ...errorResponses },
      },
      handler: async (request) => listSamples(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/monitoring/samples/:id', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'One sample with every issued report version (newest first) and the alerts a failure sent', params: idParam, response: { 200: sampleOut, ...errorResponses } },
      handler: async (request) => sampleDetail(deps.db, agencyActorOf(request), request.params.id),
    });

    app.post('/api/v1/monitoring/samples/:id/receive', {
      config: { permission: 'monitoring.sample' },
      schema: { tags, summary: 'Receive a sample at the lab (样品交接): who, when, the state it arrived in; once', params: idParam, body: receiveIn, response: { 200: sampleOut, ...errors } },
      handler: async (request) => receiveSample(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/monitoring/samples/:id/sheet.pdf', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'The sampling sheet (抽样单) as a PDF, for signature on site', params: idParam, response: { 200: z.any().describe('PDF bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const { sample, pdf } = await sampleSheetDocument(deps, agencyActorOf(request), request.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="sample-${sample.sampleNo}.pdf"; filename*=UTF-8''${encodeURIComponent(`抽样单-${sample.sampleNo}.pdf`)}`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    });
  };
}
