import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countyNames } from '../../regions/index.js';
import { mod1110Valid } from '../codes/check-digit.js';
import { normaliseGtin } from '../codes/gtin.js';
import type { Lang } from '../public/public-trace.page.js';
import { existingBatchCodes } from '../public/public-trace.queries.js';
import { CACHE, pageErrorHandler, pageQuery, sendTracePage } from '../public/public-trace.reply.js';
import { countyPlace, type PublicTraceDeps } from '../public/public-trace.service.js';
import { decompress, looksCompressed } from './compressed.js';
import { parseDigitalLink, requestedLink, type DigitalLinkPath } from './digital-link.js';
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
        const segments = request.params['*'].split('/');
        if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop(); // a trailing slash is tolerated
        // `/01/{gtin}/{compressed}`: the primary key as it is, its qualifiers and attributes compressed.
        const tail = segments.length === 2 && looksCompressed(segments[1]!) ? decompress(segments[1]!) : null;
        if (tail) return resolveDecompressed(deps, request, reply, new Map([['01', segments[0]!], ...tail.ais]), tail.other);
        const parsed = parseDigitalLink(segments);
        if ('problem' in parsed) {
          return pageErrorHandler({ statusCode: 400 }, request, reply);
        }
        return resolve(deps, request, reply, parsed.path, request.url.split('?')[1] ?? '');
      },
    });

    app.get('/p/:gtin', {
      ...publicRoute,
      schema: { hide: true, params: z.object({ gtin: z.string().max(20) }), querystring: resolverQuery },
      handler: async (request, reply) => {
        const { lang, lot } = request.query;
        const path = request.url.split('?')[0]!;
        const g = normaliseGtin(request.params.gtin);
        if ('problem' in g) return pageErrorHandler({ statusCode: 400 }, request, reply);
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

/**
 * Answers for one Digital Link (as typed, or decompressed): the mistyped or lying Tracenet code as its error page,
 * the linkset, or a redirect to the link asked for, the request's query string (`query`) passed on. A compressed
 * request names its uncompressed form in `sameAs` (resolver standard 1.2: a Link with rel owl:sameAs).
 */
async function resolve(deps: PublicTraceDeps, request: FastifyRequest, reply: FastifyReply, path: DigitalLinkPath, query: string, sameAs?: string) {
  const { gtin, lot } = path;
  // A compressed link reaches here from the not-found handler, with its query string unchecked by a route schema.
  const asked = resolverQuery.safeParse(request.query ?? {});
  const { lang, linkType } = asked.success ? asked.data : { lang: 'zh' as Lang, linkType: undefined };
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
  const links = [`<${levels[0]!.anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`, ...(sameAs ? [`<${sameAs}>; rel="owl:sameAs"`] : [])];
  void reply.header('cache-control', CACHE).header('vary', 'Accept');
  const wanted = requestedLink(linkType, request.headers.accept);
  if ('linkset' in wanted) {
    links.push(`<${LINKSET_CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`);
    return reply.header('link', links.join(', ')).header('content-type', 'application/linkset+json').send(linksetOf(levels));
  }
  void reply.header('link', links.join(', '));
  const link = chooseLink(levels, wanted.linkType);
  // An unknown lot walks up to the product, whose page says that lot is not one of its batches.
  const walkedUp = lot !== undefined && !known ? `lot=${encodeURIComponent(lot)}` : '';
  const target = [query, walkedUp].filter(Boolean).join('&');
  return reply.redirect(`${link.href.slice(base.length)}${target ? `?${target}` : ''}`, 307);
}

const QUALIFIER_AIS = ['22', '10', '21'];

/** A decompressed link, answered as its uncompressed form would be, which the answer names (owl:sameAs). */
function resolveDecompressed(deps: PublicTraceDeps, request: FastifyRequest, reply: FastifyReply, ais: Map<string, string>, other: Map<string, string>) {
  const segments = [ais.get('01') ?? '', ...QUALIFIER_AIS.flatMap((ai) => (ais.has(ai) ? [ai, encodeURIComponent(ais.get(ai)!)] : []))];
  const parsed = parseDigitalLink(segments);
  if ('problem' in parsed) return pageErrorHandler({ statusCode: 400 }, request, reply);
  const attributes = [...[...ais].filter(([ai]) => ai !== '01' && !QUALIFIER_AIS.includes(ai)), ...other].map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  const sameAs = `${deps.config.publicUrl}/01/${segments.join('/')}${attributes.length ? `?${attributes.join('&')}` : ''}`;
  const query = [...attributes, request.url.split('?')[1] ?? ''].filter(Boolean).join('&');
  return resolve(deps, request, reply, parsed.path, query, sameAs);
}

/**
 * The not-found handler's turn for a compressed Digital Link (`/{compressed}`, one segment that decodes to a GTIN):
 * answered like its uncompressed form, with CORS. Anything else is left to the handler's 404 (null).
 */
export function compressedLinkResolver(deps: PublicTraceDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const segments = request.url.split('?')[0]!.split('/').filter(Boolean);
    if (segments.length !== 1 || !looksCompressed(segments[0]!)) return null;
    const link = decompress(segments[0]!);
    if (!link?.ais.has('01')) return null;
    void reply.headers(CORS);
    return resolveDecompressed(deps, request, reply, link.ais, link.other);
  };
}

async function producerOf(deps: PublicTraceDeps, product: GtinProduct): Promise<{ name: string; region: string } | null> {
  const s = (await deps.subjects.get([product.subject_id])).get(product.subject_id);
  return s ? { name: s.name, region: countyPlace(await countyNames(deps.db), s.regionCode.slice(0, 6)) } : null;
}
