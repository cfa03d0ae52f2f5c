import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

/** Serves the built console; unknown non-API GETs get index.html so the console's own routes work on reload. */
export async function installWebConsole(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: true, index: ['index.html'], maxAge: '1h', immutable: false });
  return true;
}

/** Paths of the pages rendered on the server (a label's trace page, a Digital Link, an identity card): never the console's. */
const SERVER_PAGES = /^\/(t|e|01)(\/|$)/;

export function wantsConsolePage(method: string, url: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !url.startsWith('/api/') && !SERVER_PAGES.test(url) && !/\.[a-z0-9]+(\?|$)/i.test(url);
}
