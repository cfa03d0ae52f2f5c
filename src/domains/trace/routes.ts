import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { errorResponses } from '../../platform/http/context.js';
import { whatIsCode } from './code.service.js';
import { codeDescriptionOut, codeParam, productClassOut, productClassQuery } from './contracts.js';
import { listProductClasses } from './product-class.service.js';

export function traceRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    const tags = ['trace 追溯'];

    app.get('/api/v1/trace/codes/:code', {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'What a code is: product code of any type, long compatibility code, subject identity or temporary code',
        description: 'Structure only (type, county, check digit); a mistyped code is a 400 CODE_INVALID naming the problem, with the corrected check digit as `suggestion` when only the last digit is wrong.',
        params: codeParam,
        response: { 200: codeDescriptionOut, ...errorResponses },
      },
      handler: async (request) => whatIsCode(request.params.code),
    });

    app.get('/api/v1/trace/product-classes', {
      config: { permission: 'public' },
      schema: { tags, summary: 'The traceable-product classification (after GB 2763-2021 Appendix A), one level at a time', querystring: productClassQuery, response: { 200: z.object({ items: z.array(productClassOut) }), ...errorResponses } },
      handler: async (request) => listProductClasses(deps.db, request.query.parent),
    });
  };
}
