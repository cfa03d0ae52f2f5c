import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, errorResponses } from '../../platform/http/context.js';
import type { Db } from '../../platform/db/client.js';
import { shellNoticesOut } from './contracts.js';
import { shellNotices } from './shell.queries.js';


/**
 * What the console's shell asks once when it loads: the 系统公告 banners for this account and the inbox's unread
 * count, in one small answer with an ETag, so a phone on 3G revalidates it (304) instead of downloading it again.
 */
export function shellNoticeRoutes(deps: { db: Db }) {
  return async (root: FastifyInstance) => {
    root.withTypeProvider<ZodTypeProvider>().get('/api/v1/shell/notices', {
      config: { permission: 'authenticated' },
      schema: { tags: ['notices 公告与通知'], summary: 'The banners I see now and my unread notices (ETag; answers 304 to If-None-Match)', response: { 200: shellNoticesOut, 304: z.null(), ...errorResponses } },
      handler: async (request, reply) => {
        const body = await shellNotices(deps.db, actorOf(request));
        const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
        // Private to the account, and checked again on every load: a withdrawn banner must go at the next page load.
        void reply.header('cache-control', 'private, no-cache').header('etag', etag);
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
        return body;
      },
    });
  };
}
