import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyActorOf, commandContext, errorBody, errorResponses } from '../../platform/http/context.js';
import { correctionIn, idParam, reportVersionParam, resultsIn, sampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { correctResults, enterResults } from './result.service.js';
import { testReportDocument } from './sample.documents.js';

const errors = { ...errorResponses, 422: errorBody };

/** 检测结果: the lab's results judged against residue limits, corrections as new versions, the printed test report. */
export function resultRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.post('/api/v1/monitoring/samples/:id/results', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'Enter the results of a received sample; each is judged against the residue limit and the report (version 1) is issued',
        description:
          'One result per analyte (value and limit of detection in mg/kg or μg/kg). The limit is the seeded one for the analyte and the product’s class, or `limitOverride` with the standard it cites (422 LIMIT_REQUIRED when there is neither). A failing verdict marks the batch, takes its recall list and alerts the supervision and enforcement agencies of the producer’s county, in the same transaction. Judged once (409 SAMPLE_ALREADY_JUDGED): a change is a correction.',
        params: idParam,
        body: resultsIn,
        response: { 200: sampleOut, ...errors },
      },
      handler: async (request) => enterResults(deps, commandContext(request), request.params.id, request.body),
    });

    app.post('/api/v1/monitoring/samples/:id/corrections', {
      config: { permission: 'monitoring.sample' },
      schema: {
        tags,
        summary: 'Correct a tested sample’s results: the next report version, with its reason; issued versions never change',
        params: idParam,
        body: correctionIn,
        response: { 200: sampleOut, ...errors },
      },
      handler: async (request) => correctResults(deps, commandContext(request), request.params.id, request.body),
    });

    app.get('/api/v1/monitoring/samples/:id/reports/:version.pdf', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'One issued version of the test report (检测报告) as a PDF', params: reportVersionParam, response: { 200: z.any().describe('PDF bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const { sample, pdf } = await testReportDocument(deps, agencyActorOf(request), request.params.id, request.params.version);
        const name = `${sample.sampleNo}-v${request.params.version}`;
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="report-${name}.pdf"; filename*=UTF-8''${encodeURIComponent(`检测报告-${name}.pdf`)}`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    });
  };
}
