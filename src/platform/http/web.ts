import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');
/** The console's source of public files: the favicon is read from here, so a server without a built console has it too. */
const WEB_PUBLIC = path.resolve(import.meta.dirname, '../../../web/public');

/** Vite names every file under assets/ by its content hash: a changed file is a new name, so it may be kept a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: a browser asks again every time (a 304 when nothing changed). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built console; unknown non-API GETs get index.html so the console's own routes work on reload. The
 * build leaves a brotli and a gzip copy beside every text file (web/vite.config.ts), sent to a browser that takes
 * them: a field phone on 3G downloads the main chunk at a third of its size.
 */
export async function installWebConsole(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      void reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}

/**
 * The first path segment of every console page (each web/src/domains/<d>/index.ts; web.test.ts fails when a route there is missing
 * here). Any other address is no page of the console and gets a 404, not the console's page with 200: a resolver or
 * a crawler must be able to tell an unknown address from a page (GS1 resolver standard 1.2, §2: no error with 200).
 */
export const CONSOLE_SECTIONS = new Set([
  '', 'account', 'agencies', 'allocate', 'analytics', 'applications', 'audit', 'change-requests', 'coverage', 'enforcement', 'feedback', 'help', 'home', 'identity',
  'import', 'inbox', 'integration', 'market', 'monitoring', 'my-subject', 'notices', 'ops', 'rectifications', 'register', 'scan', 'subjects', 'supervision', 'trace', 'trace-checks', 'users',
]);

/**
 * The CSP sources (`'sha256-…'`) of the scripts written inline in the built index.html (web/boot.js, which starts a
 * cold page's reads without waiting a round trip for a file of its own), so `script-src` allows these and no other
 * inline script. Read once at start: a console rebuilt under a running server needs a restart, as its assets do.
 */
export function consoleInlineScriptHashes(dist = WEB_DIST): string[] {
  const file = path.join(dist, 'index.html');
  if (!existsSync(file)) return [];
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs = '']) => !/\ssrc=/.test(attrs) && !/type="application\/json"/.test(attrs))
    .map(([, , body = '']) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

export function wantsConsolePage(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split(/[?#]/)[0]!;
  return CONSOLE_SECTIONS.has(path.split('/')[1] ?? '') && !/\.[a-z0-9]+$/i.test(path);
}

/** The icon is not named by its content, but changes about never: a week in the browser, then a 304 by its ETag. */
const ICON_CACHE = 'public, max-age=604800';

/**
 * `/favicon.svg`, the one icon of the console and of the pages rendered on the server (a label's trace page, an
 * identity card), which link it. Served by a route of its own rather than the console's static files: those may be
 * absent (an API-only server) and are sent for revalidation on every visit.
 */
export function installFavicon(app: FastifyInstance): void {
  const file = path.join(WEB_PUBLIC, 'favicon.svg');
  if (!existsSync(file)) return;
  const svg = readFileSync(file);
  const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 16)}"`;
  app.get('/favicon.svg', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    void reply.header('cache-control', ICON_CACHE).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('image/svg+xml').send(svg);
  });
}

/** What a person who typed a wrong address reads (a program gets the JSON error): where to go instead. */
export const NOT_FOUND_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>页面不存在 Page not found</title><link rel="icon" type="image/svg+xml" href="/favicon.svg"></head>
<body style="font:15px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem">
<h1>页面不存在</h1><p>请核对地址，或回到<a href="/">首页</a>。查询产品追溯信息请输入标签上的<a href="/t">追溯码</a>。</p>
<p lang="en">Page not found: check the address, or go to the <a href="/">home page</a>; to look up a product, type the <a href="/t?lang=en">trace code</a> on its label.</p>
</body></html>`;
