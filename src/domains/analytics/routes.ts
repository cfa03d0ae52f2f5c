import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { actorOf, agencyActorOf, errorResponses } from '../../platform/http/context.js';
import { XLSX } from '../../platform/sheets/workbook.js';
import { homeOut, statisticsOut, statisticsQuery } from './contracts.js';
import { home } from './home.queries.js';
import { statistics } from './statistics.queries.js';
import { statisticsWorkbook } from './statistics.sheet.js';

const tags = ['analytics 统计分析'];

export function analyticsRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.get('/api/v1/analytics/statistics', {
      config: { permission: 'analytics.statistics' },
      schema: { tags, summary: 'Figures of a region node of my jurisdiction for a period, against the previous period and the same period last year, with its child regions', querystring: statisticsQuery, response: { 200: statisticsOut, ...errorResponses } },
      handler: async (request) => statistics(deps.db, agencyActorOf(request), request.query),
    });

    app.get('/api/v1/analytics/statistics.xlsx', {
      config: { permission: 'analytics.statistics' },
      schema: { tags, summary: 'The same figures as an Excel workbook', querystring: statisticsQuery, response: { 200: z.any().describe('.xlsx bytes'), ...errorResponses } },
      handler: async (request, reply) => {
        const s = await statistics(deps.db, agencyActorOf(request), request.query);
        const name = `统计-${s.node.name}-${s.period.from}-${s.period.to}.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="statistics-${s.node.code || 'all'}-${s.period.from}-${s.period.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .header('cache-control', 'no-store')
          .send(await statisticsWorkbook(s));
      },
    });

    app.get('/api/v1/analytics/home', {
      config: { permission: 'authenticated' },
      schema: { tags, summary: 'My home page (首页): what waits in my jurisdiction, this month against last, a twelve-month trend', response: { 200: homeOut, ...errorResponses } },
      handler: async (request, reply) => {
        void reply.header('cache-control', 'private, no-cache');
        return home(deps.db, actorOf(request));
      },
    });
  };
}
