import type { FastifyInstance } from 'fastify';
import { subjectActorOf } from '../../platform/http/context.js';
import { tradeDetail } from './trade.queries.js';
import type { TradeDeps } from './trade.service.js';

const HEARTBEAT_MS = 20_000;

/**
 * The live notification stream (Server-Sent Events): a subject's console hears at once of a trade addressed to
 * it and of its trades being decided, without reloading. Each event carries the trade as the listener may see it.
 */
export function notificationRoutes(deps: TradeDeps) {
  return async (app: FastifyInstance) => {
    // A stream never ends by itself: the server's shutdown must end them, or closing would wait for the clients.
    const open = new Set<{ end(): void }>();
    app.addHook('preClose', async () => {
      for (const res of open) res.end();
    });
    app.get('/api/v1/trace/notifications/stream', {
      config: { permission: 'trace.read' },
      schema: {
        tags: ['trace 追溯'],
        summary: 'Live notifications (text/event-stream): event `trade` with {type: trade.created|trade.confirmed|trade.rejected|trade.cancelled|trade.returned, trade}; `recall` with {type: recall.notice, id} (a recall notice to read at /api/v1/monitoring/recall-notices); `ready` once listening',
      },
      handler: async (request, reply) => {
        const actor = subjectActorOf(request);
        const send = (event: string, data: unknown) => reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        const stop = await deps.notifier.subscribe(`subject:${actor.subject.id}`, (notice) => {
          // A recall notice (monitoring's recall order) is the console's to read with its own permissions.
          if (notice.type.startsWith('recall.')) return send('recall', { type: notice.type, id: notice.id });
          tradeDetail(deps.db, deps.pii, actor, notice.id).then(
            (trade) => send('trade', { type: notice.type, trade }),
            (err: unknown) => request.log.warn({ err, notice }, 'notification for a trade that cannot be read'),
          );
        });
        reply.hijack();
        reply.raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          // A proxy buffering the stream would hold notifications back.
          'x-accel-buffering': 'no',
          'x-request-id': request.id,
        });
        reply.raw.write('retry: 3000\n\n');
        send('ready', { subjectId: actor.subject.id });
        open.add(reply.raw);
        const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
        request.raw.on('close', () => {
          clearInterval(heartbeat);
          open.delete(reply.raw);
          stop();
        });
      },
    });
  };
}
