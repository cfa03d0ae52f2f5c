import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Executor } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/context.js';
import { regionCode, regionDetailOut, regionListQuery, regionPage } from './contracts.js';
import { listRegions, regionDetail } from './queries.js';

/** 区划级联: public reads of the administrative divisions, for cascading pickers everywhere (no login needed). */
export function regionRoutes(deps: { db: Executor }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const regionTags = ['regions 行政区划'];

    app.get('/api/v1/regions', {
      config: { permission: 'public' },
      schema: { tags: regionTags, summary: 'Children of a region (provinces without `parent`), for cascading pickers', querystring: regionListQuery, response: { 200: regionPage, ...errorResponses } },
      handler: async (request) => listRegions(deps.db, request.query),
    });

    app.get('/api/v1/regions/:code', {
      config: { permission: 'public' },
      schema: { tags: regionTags, summary: 'A region with its path from the province', params: z.strictObject({ code: regionCode }), response: { 200: regionDetailOut, ...errorResponses } },
      handler: async (request) => regionDetail(deps.db, request.params.code),
    });
  };
}
