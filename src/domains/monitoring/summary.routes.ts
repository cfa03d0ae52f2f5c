import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyActorOf, errorResponses } from '../../platform/http/context.js';
import { XLSX } from '../../platform/sheets/workbook.js';
import { summaryOut, taskIdParam } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { taskSummary } from './summary.queries.js';
import { summaryWorkbook } from './summary.sheet.js';

/** 数据汇总分析: a monitoring task's figures by recipient, product class, analyte and county, also as Excel. */
export function summaryRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.get('/api/v1/monitoring/tasks/:taskId/summary', {
      config: { permission: 'monitoring.read' },
      schema: {
        tags,
        summary: 'A task’s sampling figures (the publisher sees every recipient, a recipient its own), with a line for the completion report',
        params: taskIdParam,
        response: { 200: summaryOut, ...errorResponses },
      },
      handler: async (request) => taskSummary(deps.db, agencyActorOf(request), request.params.taskId),
    });

    app.get('/api/v1/monitoring/tasks/:taskId/summary.xlsx', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'The same summary as an Excel workbook (监测汇总.xlsx)', params: taskIdParam, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const summary = await taskSummary(deps.db, agencyActorOf(request), request.params.taskId);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="monitoring-summary.xlsx"; filename*=UTF-8''${encodeURIComponent(`监测汇总-${summary.taskTitle}.xlsx`)}`)
          .header('cache-control', 'no-store')
          .send(await summaryWorkbook(summary));
      },
    });
  };
}
