import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countyNames } from '../../registry/index.js';
import { mod1110Valid } from '../check-digit.js';
import { normaliseGtin } from '../gtin.js';
import { renderPublicPage } from '../public-trace.page.js';
import { existingBatchCodes } from '../public-trace.queries.js';
import { CACHE, pageErrorHandler, pageQuery, sendTracePage } from '../public-trace.reply.js';
import { countyPlace, type PublicTraceDeps } from '../public-trace.service.js';
import { parseDigitalLink, requestedLink } from './digital-link.js';
import { chooseLink, gtinLevel, LINKSET_CONTEXT, linksetOf, lotLevel, type Level } from './linkset.js';
import { renderProductPage, renderUnknownGtinPage } from './product.page.js';
import { productOfGtin, type GtinProduct } from './resolver.queries.js';

/**
 * The GS1-Conformant resolver (GS1-Conformant Resolver standard 1.2.0) for Tracenet's labels: `/01/{gtin}` with its
 * key qualifiers, the product page each GTIN has (`/p/{gtin}`), and the resolver description file. Every answer
 * carries CORS headers, GET, HEAD and OPTIONS are answered, a trailing slash is tolerated, and the request's query
 * string goes on with each redirect. What each clause asks and the test that shows it: resolver.test.ts.
 */

const METHODS = 'GET, HEAD, OPTIONS';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': METHODS,
  'access-control-allow-headers': 'Accept, Accept-Language',
  'access-control-expose-headers': 'Link, Location, Content-Type',
};
const resolverQuery = pageQuery.extend({ lot: z.string().max(100).optional() });

type RateLimit = { max: number; timeWindow: number };

export function resolverRoutes(deps: PublicTraceDeps, rateLimit: RateLimit) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (_request, reply) => {
      void reply.headers(CORS);
    });
    const preflight = async (_request: FastifyRequest, reply: FastifyReply) => reply.status(204).header('allow', METHODS).header('access-control-max-age', '86400').send();
    const publicRoute = { config: { permission: 'public' as const, rateLimit }, errorHandler: pageErrorHandler };

    app.get('/.well-known/gs1resolver', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').send({
        name: '追溯一张网 Tracenet',
        resolverRoot: deps.config.publicUrl,
        supportedPrimaryKeys: ['01'],
        supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:' }],
        linkTypeDefaultCanBeLinkset: false,
        jsonLdContextLocation: LINKSET_CONTEXT,
      }),
    );
    app.options('/.well-known/gs1resolver', { config: { permission: 'public' }, schema: { hide: true } }, preflight);
    app.options('/01/*', { config: { permission: 'public' }, schema: { hide: true } }, preflight);
    app.options('/p/:gtin', { config: { permission: 'public' }, schema: { hide: true } }, preflight);

    app.get('/01/*', {
      ...publicRoute,
      schema: { hide: true, params: z.object({ '*': z.string() }), querystring: resolverQuery },
      handler: async (request, reply) => {
        const { lang } = request.query;
        const segments = request.params['*'].split('/');
        if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop(); // a trailing slash is tolerated
        const parsed = parseDigitalLink(segments);
        if ('problem' in parsed) {
          return reply.status(400).header('content-type', 'text/html; charset=utf-8').header('cache-control', CACHE).send(renderPublicPage({ kind: 'invalid', code: '' }, lang, request.url.split('?')[0]!));
        }
        const { gtin, lot } = parsed.path;
        const base = deps.config.publicUrl;
        const [product, known] = await Promise.all([productOfGtin(deps.db, gtin), lot !== undefined && /^\d{20}$/.test(lot) ? existingBatchCodes(deps.db, [lot]).then((r) => r[0]) : undefined]);
        // A Tracenet code is checked as one: a mistyped one gets its page with the suggestions (400), one printed under
        // another product's GTIN is a label that lies (400); neither walks up to a product it may not be.
        if (lot !== undefined && /^\d{20}$/.test(lot) && (!mod1110Valid(lot) || (known && known.gtin !== null && known.gtin !== gtin))) {
          return sendTracePage(deps, request, reply, known ? `${gtin}/${lot}` : lot, lang);
        }
        const levels: Level[] = [];
        if (known) levels.push(lotLevel(base, gtin, known.code, known.product_name));
        if (product) levels.push(gtinLevel(base, gtin, product.name));
        if (!levels.length) {
          return reply.status(404).header('content-type', 'text/html; charset=utf-8').header('cache-control', CACHE).send(renderUnknownGtinPage(gtin, lang, request.url.split('?')[0]!));
        }
        void reply.header('cache-control', CACHE).header('vary', 'Accept').header('link', `<${levels[0]!.anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`);
        const wanted = requestedLink(request.query.linkType, request.headers.accept);
        if ('linkset' in wanted) {
          return reply
            .header('content-type', 'application/linkset+json')
            .header('link', `<${LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`)
            .send(linksetOf(levels));
        }
        const link = chooseLink(levels, wanted.linkType);
        // An unknown lot walks up to the product, whose page says that lot is not one of its batches.
        const walkedUp = lot !== undefined && !known ? `lot=${encodeURIComponent(lot)}` : '';
        const query = [request.url.split('?')[1] ?? '', walkedUp].filter(Boolean).join('&');
        return reply.redirect(`${link.href.slice(base.length)}${query ? `?${query}` : ''}`, 307);
      },
    });

    app.get('/p/:gtin', {
      ...publicRoute,
      schema: { hide: true, params: z.object({ gtin: z.string().max(20) }), querystring: resolverQuery },
      handler: async (request, reply) => {
        const { lang, lot } = request.query;
        const path = request.url.split('?')[0]!;
        const g = normaliseGtin(request.params.gtin);
        if ('problem' in g) return reply.status(400).header('content-type', 'text/html; charset=utf-8').send(renderPublicPage({ kind: 'invalid', code: '' }, lang, path));
        const product = await productOfGtin(deps.db, g.gtin);
        if (!product) return reply.status(404).header('content-type', 'text/html; charset=utf-8').header('cache-control', CACHE).send(renderUnknownGtinPage(g.gtin, lang, path));
        // The page is asked to name a lot only when the resolver found none: a lot that is this product's batch
        // after all (recorded since) goes to its own page rather than being called unknown.
        const known = lot && /^\d{20}$/.test(lot) ? (await existingBatchCodes(deps.db, [lot]))[0] : undefined;
        if (known && known.gtin === g.gtin) return reply.redirect(`/t/${lot}${lang === 'en' ? '?lang=en' : ''}`, 307);
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', CACHE)
          .send(renderProductPage({ gtin: g.gtin, product, producer: await producerOf(deps, product), ...(lot ? { unknownLot: lot } : {}) }, lang, path));
      },
    });
  };
}

async function producerOf(deps: PublicTraceDeps, product: GtinProduct): Promise<{ name: string; region: string } | null> {
  const s = (await deps.subjects.get([product.subject_id])).get(product.subject_id);
  return s ? { name: s.name, region: countyPlace(await countyNames(deps.db), s.regionCode.slice(0, 6)) } : null;
}
