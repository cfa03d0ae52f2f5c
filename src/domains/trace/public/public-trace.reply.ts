import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderPublicPage, renderTooManyPage, type Lang } from './public-trace.page.js';
import { lookupPublicTrace, type PublicLookup, type PublicTraceDeps } from './public-trace.service.js';

// How the public pages answer (the label's page and the Digital Link resolver alike): status by what the look-up
// found, a minute's caching, and errors as pages a phone can read.

/** Anything longer is no code of ours; it is refused before any work. */
export const MAX_CODE = 64;
export const pageQuery = z.object({ lang: z.enum(['zh', 'en']).catch('zh').default('zh'), linkType: z.string().max(100).optional() });
/** Found pages may be cached a minute (the look-up count on them is that old at most); warnings as long. */
export const CACHE = 'public, max-age=60';

const STATUS: Record<PublicLookup['kind'], number> = { found: 200, unknown: 404, mistyped: 400, invalid: 400 };

/** The page of a code (`/t/{code}`), with the status its look-up earned: 404 unknown, 400 mistyped or not a code. */
export async function sendTracePage(deps: PublicTraceDeps, request: FastifyRequest, reply: FastifyReply, code: string, lang: Lang) {
  const lookup = code.length > MAX_CODE ? ({ kind: 'invalid', code } as const) : await lookupPublicTrace(deps, code);
  return reply
    .status(STATUS[lookup.kind])
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', CACHE)
    .send(renderPublicPage(lookup, lang, request.url.split('?')[0]!));
}

/** A page's errors are pages too: a phone that hit the rate limit or sent junk gets words, not JSON. */
export function pageErrorHandler(err: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  const lang: Lang = (request.query as { lang?: string } | undefined)?.lang === 'en' ? 'en' : 'zh';
  const status = err.statusCode === 429 ? 429 : 400;
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(
    status === 429 ? renderTooManyPage(lang, request.url.split('?')[0]!) : renderPublicPage({ kind: 'invalid', code: '' }, lang, request.url.split('?')[0]!),
  );
}

