import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/http/context.js';
import { httpError } from '../../platform/http/errors.js';
import { createQuota } from '../../platform/http/quota.js';
import { traceError } from './errors.js';
import { normaliseGtin } from './gtin.js';
import { publicTraceOut, verifyIn, verifyOut } from './public-trace.contracts.js';
import { existingBatchCodes } from './public-trace.queries.js';
import { renderEntryPage, renderPublicPage, renderTooManyPage, type Lang } from './public-trace.page.js';
import { lookupPublicTrace, verifyCodes, type PublicLookup, type PublicTraceDeps } from './public-trace.service.js';

const tags = ['public trace 消费查询'];
/** Anything longer is no code of ours; it is refused before any work. */
const MAX_CODE = 64;
const pageQuery = z.object({ lang: z.enum(['zh', 'en']).catch('zh').default('zh'), linkType: z.string().max(100).optional() });
/** Found pages may be cached a minute (the look-up count on them is that old at most); warnings as long. */
const CACHE = 'public, max-age=60';

const STATUS: Record<PublicLookup['kind'], number> = { found: 200, unknown: 404, mistyped: 400, invalid: 400 };

/**
 * What a person typed in the box of a page (`/t?code=…`) as the code to look up: full-width digits (a Chinese
 * keyboard) as digits, spaces and dashes (a code copied in groups) dropped, a pasted label link (…/t/{code} or a
 * Digital Link …/10/{code}) as its code. Anything else is looked up as typed, and its page says what is wrong.
 */
export function typedCode(typed: string): string {
  const text = typed.normalize('NFKC').trim();
  const link = /\/(?:t|10)\/([^/?#\s]+)/.exec(text);
  return (link ? link[1]! : text).replace(/[\s-]+/g, '');
}

/**
 * 消费查询: the page behind every label (`/t/{code}`), the GS1 Digital Link resolver (`/01/{gtin}/10/{code}`), and the
 * JSON API for markets and online shops. Public, rate-limited per IP; pages need no script.
 */
export function publicTraceRoutes(deps: PublicTraceDeps) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();
    // The limit's headers go on the 429 only: on every answer of the busiest route they were three headers more to
    // write, for clients that have no use for them until they are refused.
    await app.register(fastifyRateLimit, {
      global: false,
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    });
    const rateLimit = { max: deps.config.publicRateLimit, timeWindow: 60_000 };
    // The bulk verify is limited by codes too: a request of 1,000 codes is a thousand look-ups (issue 19).
    const verifyQuota = createQuota({ max: deps.config.publicVerifyCodesPerMinute, windowMs: 60_000 });

    const sendPage = async (request: FastifyRequest, reply: FastifyReply, code: string, lang: Lang) => {
      const lookup = code.length > MAX_CODE ? ({ kind: 'invalid', code } as const) : await lookupPublicTrace(deps, code);
      return reply
        .status(STATUS[lookup.kind])
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', CACHE)
        .send(renderPublicPage(lookup, lang, request.url.split('?')[0]!));
    };
    // A page's errors are pages too: a phone that hit the rate limit or sent junk gets words, not JSON.
    const pageErrors = (err: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      const lang: Lang = (request.query as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'zh';
      const status = err.statusCode === 429 ? 429 : 400;
      return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(
        status === 429 ? renderTooManyPage(lang, request.url.split('?')[0]!) : renderPublicPage({ kind: 'invalid', code: '' }, lang, request.url.split('?')[0]!),
      );
    };

    // The box on a page that found nothing: a GET form, so it needs no script; the code goes to its own address.
    app.get('/t', {
      config: { permission: 'public', rateLimit },
      errorHandler: pageErrors,
      schema: { hide: true, querystring: pageQuery.extend({ code: z.string().max(200).optional() }) },
      handler: async (request, reply) => {
        const { lang } = request.query;
        const code = typedCode(request.query.code ?? '');
        if (!code) return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', CACHE).send(renderEntryPage(lang, '/t'));
        return reply.redirect(`/t/${encodeURIComponent(code.slice(0, MAX_CODE + 1))}${lang === 'en' ? '?lang=en' : ''}`, 303);
      },
    });

    app.get('/t/:code', {
      config: { permission: 'public', rateLimit },
      errorHandler: pageErrors,
      schema: { hide: true, params: z.object({ code: z.string() }), querystring: pageQuery },
      handler: async (request, reply) => sendPage(request, reply, request.params.code, request.query.lang),
    });

    // GS1 Digital Link (resolver rules): the default link is this page; linkType=all (or asking for a linkset) lists
    // the links; a link type we have goes there; any other goes to the default.
    app.get('/01/:gtin/10/:code', {
      config: { permission: 'public', rateLimit },
      errorHandler: pageErrors,
      schema: { hide: true, params: z.object({ gtin: z.string(), code: z.string() }), querystring: pageQuery },
      handler: async (request, reply) => {
        const { gtin, code } = request.params;
        const g = normaliseGtin(gtin);
        const lang = request.query.lang;
        // Only a well-formed GTIN and a 20-digit code are resolved; anything else gets the page that says what is wrong.
        if ('problem' in g) return sendPage(request, reply, `${gtin}/${code}`.slice(0, MAX_CODE + 1), lang);
        // The resolver answers for batches of this GTIN only; a code it cannot send on gets its page here (4xx).
        const [known] = /^\d{20}$/.test(code) ? await existingBatchCodes(deps.db, [code]) : [];
        if (!known || (known.gtin !== null && known.gtin !== g.gtin)) return sendPage(request, reply, known ? `${g.gtin}/${code}` : code, lang);
        const page = `/t/${code}${lang === 'en' ? '?lang=en' : ''}`;
        const api = `/api/v1/public/trace/${code}`;
        const linkType = request.query.linkType?.replace(/^https:\/\/gs1\.org\/voc\//, 'gs1:');
        const wantsLinkset = linkType === 'all' || (request.headers.accept ?? '').includes('application/linkset+json');
        if (wantsLinkset) {
          const base = deps.config.publicUrl;
          const anchor = `${base}/01/${g.gtin}/10/${code}`;
          return reply
            .header('content-type', 'application/linkset+json')
            .header('cache-control', CACHE)
            .send({
              linkset: [
                {
                  anchor,
                  'https://gs1.org/voc/defaultLink': [{ href: `${base}/t/${code}`, title: '产品追溯 Product trace', type: 'text/html', hreflang: ['zh', 'en'] }],
                  'https://gs1.org/voc/pip': [{ href: `${base}/t/${code}`, title: '产品追溯 Product trace', type: 'text/html', hreflang: ['zh', 'en'] }],
                  'https://gs1.org/voc/traceability': [{ href: `${base}${api}`, title: 'Trace facts (JSON)', type: 'application/json' }],
                },
              ],
            });
        }
        return reply
          .header('cache-control', CACHE)
          .header('link', `<${deps.config.publicUrl}/01/${g.gtin}/10/${code}?linkType=all>; rel="linkset"; type="application/linkset+json"`)
          .redirect(linkType === 'gs1:traceability' ? api : page, 307);
      },
    });

    app.get('/api/v1/public/trace/:code', {
      config: { permission: 'public', rateLimit },
      schema: {
        tags,
        summary: 'The public facts of a code (any type): product, producer, batch, chain, look-ups, warnings',
        params: z.object({ code: z.string().max(MAX_CODE) }),
        response: { 200: publicTraceOut, ...errorResponses },
      },
      handler: async (request, reply) => {
        const lookup = await lookupPublicTrace(deps, request.params.code);
        if (lookup.kind === 'mistyped') throw traceError('CODE_INVALID', { problem: 'CHECK_DIGIT', suggestions: lookup.suggestions, ...(lookup.suggestions[0] ? { suggestion: lookup.suggestions[0] } : {}) });
        if (lookup.kind === 'invalid') throw traceError('CODE_INVALID', { problem: 'NOT_A_CODE' });
        if (lookup.kind === 'unknown') throw traceError('CODE_UNKNOWN', { issued: lookup.issued });
        void reply.header('cache-control', CACHE);
        return lookup.facts;
      },
    });

    app.post('/api/v1/public/trace/verify', {
      config: { permission: 'public', rateLimit: { max: Math.max(1, Math.ceil(deps.config.publicRateLimit / 10)), timeWindow: 60_000 } },
      schema: { tags, summary: 'Check up to 1,000 codes at once (a market receiving goods, an online shop listing them)', body: verifyIn, response: { 200: verifyOut, ...errorResponses } },
      handler: async (request) => {
        if (!verifyQuota.take(request.ip, request.body.codes.length)) throw httpError('RATE_LIMITED', { codesPerMinute: deps.config.publicVerifyCodesPerMinute });
        return { items: await verifyCodes(deps.db, request.body.codes) };
      },
    });
  };
}
