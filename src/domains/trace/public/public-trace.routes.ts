import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../platform/http/context.js';
import { httpError } from '../../../platform/http/errors.js';
import { createQuota } from '../../../platform/http/quota.js';
import { traceError } from '../errors.js';
import { resolverRoutes } from '../resolver/resolver.routes.js';
import { publicTraceOut, verifyIn, verifyOut } from './public-trace.contracts.js';
import { renderEntryPage } from './public-trace.page.js';
import { CACHE, MAX_CODE, pageErrorHandler, pageQuery, sendTracePage } from './public-trace.reply.js';
import { lookupPublicTrace, verifyCodes, type PublicTraceDeps } from './public-trace.service.js';

const tags = ['public trace 消费查询'];

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
 * 消费查询: the page behind every label (`/t/{code}`) and the JSON API for markets and online shops (the GS1 Digital
 * Link resolver, `/01/…`, is `resolver/`). Public, rate-limited per IP; pages need no script.
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
    await app.register(resolverRoutes(deps, rateLimit));

    // The box on a page that found nothing: a GET form, so it needs no script; the code goes to its own address.
    app.get('/t', {
      config: { permission: 'public', rateLimit },
      errorHandler: pageErrorHandler,
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
      errorHandler: pageErrorHandler,
      schema: { hide: true, params: z.object({ code: z.string() }), querystring: pageQuery },
      handler: async (request, reply) => sendTracePage(deps, request, reply, request.params.code, request.query.lang),
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
