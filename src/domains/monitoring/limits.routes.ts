import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { agencyActorOf, errorBody, errorResponses } from '../../platform/http/context.js';
import { analyteList, limitLookupOut, limitQuery } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { labOf, limitLookup, listAnalytes } from './limits.js';

/** 检测项目与限量: the analytes a lab may report and the seeded limit a result would be judged against. */
export function limitRoutes(deps: MonitoringDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['monitoring 监测业务'];

    app.get('/api/v1/monitoring/analytes', {
      config: { permission: 'monitoring.read' },
      schema: { tags, summary: 'Every analyte (pesticides, veterinary drugs; banned ones marked), for the lab bench’s picker', response: { 200: analyteList, ...errorResponses } },
      handler: async (request) => ({ items: await listAnalytes(deps.db, labOf(agencyActorOf(request))) }),
    });

    app.get('/api/v1/monitoring/limits', {
      config: { permission: 'monitoring.read' },
      schema: {
        tags,
        summary: 'The seeded residue limit of an analyte in a product class (and product name), with its standard, clause and source; null when none applies',
        description:
          'GB 2763 limits apply by category: a limit set for a class applies to every class below it; a limit on a commodity the class file does not hold applies when the product name (or class name) is that commodity; the most specific wins. Banned veterinary substances apply to whatever product they are tested in.',
        querystring: limitQuery,
        response: { 200: limitLookupOut, 422: errorBody, ...errorResponses },
      },
      handler: async (request) => limitLookup(deps.db, request.query, labOf(agencyActorOf(request))),
    });
  };
}
