import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../../platform/config.js';
import { commandContext, errorResponses } from '../../../platform/http/context.js';
import { regionNames } from '../../regions/index.js';
import { listProductClasses } from '../master-data/product-class.service.js';
import { pageErrorHandler } from '../public/public-trace.reply.js';
import { showcaseIn, showcaseOut, showcasePage, showcaseQuery } from './showcase.contracts.js';
import { renderShowcase } from './showcase.page.js';
import { showcasePage as readShowcase, setShowcased, type ShowcaseDeps } from './showcase.service.js';

const tags = ['public trace 消费查询'];

/** 在线展示, 产销对接 (issue 17 §6): the public catalogue of traced products, and the producer's choice to show one. */
export function showcaseRoutes(deps: ShowcaseDeps & { config: Config }) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    await app.register(fastifyRateLimit, { global: false, addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false } });
    const rateLimit = { max: deps.config.publicRateLimit, timeWindow: 60_000 };

    app.get('/showcase', {
      config: { permission: 'public', rateLimit },
      errorHandler: pageErrorHandler,
      schema: { hide: true, querystring: showcaseQuery },
      handler: async (request, reply) => {
        const { lang, cursor, ...filter } = request.query;
        const [page, classes, regionName] = await Promise.all([
          readShowcase(deps, filter, cursor),
          listProductClasses(deps.db, undefined),
          filter.region ? regionNames(deps.db, filter.region) : Promise.resolve(null),
        ]);
        const top = classes.items.map((c) => ({ code: c.code, zh: c.nameZh, en: c.nameEn }));
        return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(renderShowcase(page, filter, lang, top, regionName));
      },
    });

    app.get('/api/v1/public/showcase', {
      config: { permission: 'public', rateLimit },
      schema: { tags, summary: '在线展示: traced products their producers chose to show, by region, product class and certificate (no personal data)', querystring: showcaseQuery.omit({ lang: true }), response: { 200: showcasePage, ...errorResponses } },
      handler: async (request, reply) => {
        const { cursor, ...filter } = request.query;
        void reply.header('cache-control', 'public, max-age=60');
        return readShowcase(deps, filter, cursor);
      },
    });

    app.post('/api/v1/trace/products/:id/showcase', {
      config: { permission: 'trace.write' },
      schema: { tags: ['trace 追溯'], summary: 'Show one of my products in the public showcase, or stop showing it', params: showcaseOut.pick({ id: true }).strict(), body: showcaseIn, response: { 200: showcaseOut, ...errorResponses } },
      handler: async (request) => setShowcased(deps.db, commandContext(request), request.params.id, request.body.shown),
    });
  };
}
