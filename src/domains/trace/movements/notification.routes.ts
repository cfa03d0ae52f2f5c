import type { FastifyInstance } from 'fastify';
import type { SubjectActor } from '../../../platform/auth/actor.js';
import { REVOKED_NOTICE, revocationCovers, revocationTopic } from '../../../platform/auth/session.js';
import { subjectActorOf } from '../../../platform/http/context.js';
import { tradeDetail } from './trade.queries.js';
import type { TradeDeps } from './trade.service.js';

const HEARTBEAT_MS = 20_000;
/** setTimeout's longest delay; a credential lasting longer is re-checked by the events themselves. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The live notification stream (Server-Sent Events): a subject's console hears at once of a trade addressed to
 * it and of its trades being decided, without reloading. Each event carries the trade as the listener may see it.
 *
 * A stream lives as long as the credential it was opened with: it ends when that session logs out, when the
 * account's credentials are revoked (disabled, password reset or changed elsewhere: a notice from any server), and
 * when the session or token expires; and before each event the credential and the account are checked again, so
 * nothing is sent to someone who may no longer read it.
 */
export function notificationRoutes(deps: TradeDeps) {
  return async (app: FastifyInstance) => {
    // A stream never ends by itself: the server's shutdown must end them, or closing would wait for the clients.
    const open = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of open) end();
    });
    app.get('/api/v1/trace/notifications/stream', {
      config: { permission: 'trace.read' },
      schema: {
        tags: ['trace 追溯'],
        summary:
          'Live notifications (text/event-stream): event `trade` with {type: trade.created|trade.confirmed|trade.rejected|trade.cancelled|trade.returned, trade}; `recall` with {type: recall.notice, id} (a recall notice to read at /api/v1/monitoring/recall-notices); `ready` once listening; `ended` {reason} before the server closes it (logged out, credentials revoked or expired)',
      },
      handler: async (request, reply) => {
        const actor = subjectActorOf(request);
        const credential = request.credential!;
        const subjectId = actor.subject.id;
        const send = (event: string, data: unknown) => reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
        const cleanups: (() => void)[] = [];
        let closed = false;
        const end = (reason?: string) => {
          if (closed) return;
          closed = true;
          for (const cleanup of cleanups) cleanup();
          open.delete(end);
          if (reason) send('ended', { reason });
          reply.raw.end();
        };
        // Who may still read, asked again for each event: the stream's opener, unless their credential or account ended.
        const stillAllowed = async (): Promise<SubjectActor | null> => {
          const now = await request.reauthenticate();
          if (!now || now.kind !== 'subject' || now.subject.id !== subjectId || now.mustChangePassword || !now.permissions.has('trace.read')) return null;
          return now;
        };
        // Events are handled one after another, so they reach the client in the order they were committed.
        let queue = Promise.resolve();
        cleanups.push(
          await deps.notifier.subscribe(`subject:${subjectId}`, (notice) => {
            queue = queue
              .then(async () => {
                if (closed) return;
                const reader = await stillAllowed();
                if (!reader) return end('revoked');
                // A recall notice (monitoring's recall order) is the console's to read with its own permissions.
                if (notice.type.startsWith('recall.')) {
                  send('recall', { type: notice.type, id: notice.id });
                  return;
                }
                const trade = await tradeDetail(deps.db, deps.pii, reader, notice.id);
                if (!closed) send('trade', { type: notice.type, trade });
              })
              .catch((err: unknown) => request.log.warn({ err, notice }, 'notification for a trade that cannot be read'));
          }),
        );
        cleanups.push(
          await deps.notifier.subscribe(revocationTopic(actor.userId), (notice) => {
            if (notice.type === REVOKED_NOTICE && revocationCovers(notice.id, credential.hash)) end('revoked');
          }),
        );
        const expiry = setTimeout(() => end('expired'), Math.max(0, Math.min(credential.expiresAt.getTime() - Date.now(), MAX_TIMER_MS)));
        cleanups.push(() => clearTimeout(expiry));
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
        send('ready', { subjectId });
        open.add(end);
        const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
        cleanups.push(() => clearInterval(heartbeat));
        request.raw.on('close', () => end());
      },
    });
  };
}
