import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../db/client.js';
import { httpError } from './errors.js';
import { idempotencyKeys } from './schema.js';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on POST: a completed request with the same key and body is replayed; the same key with
 * another body is refused. The key itself is claimed by withTransaction, in the command's own transaction.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  const preHandler: preHandlerAsyncHookHandler = async (request, reply) => {
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw httpError('VALIDATION_FAILED', { issues: [{ where: 'headers', path: 'Idempotency-Key', message: '1–200 printable ASCII characters' }] });
    }
    const scope = request.actor?.userId ?? `anon:${request.ip}`.slice(0, 64);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (existing) {
      if (existing.requestHash !== requestHash) throw httpError('IDEMPOTENCY_KEY_REUSED');
      if (existing.statusCode === null) throw httpError('IDEMPOTENCY_IN_PROGRESS');
      // The stored body is already the serialized response; it must not pass through the route's serializer again.
      return reply
        .status(existing.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .serializer((payload) => payload as string)
        .send(JSON.stringify(existing.response));
    }
    request.meta.idempotency = { scope, key, requestHash, claimed: false };
  };

  const onSend: onSendAsyncHookHandler = async (request, reply, payload) => {
    const idem = request.meta?.idempotency;
    if (!idem?.claimed) return payload;
    let body: unknown = null;
    if (typeof payload === 'string') {
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
    }
    await db
      .update(idempotencyKeys)
      .set({ statusCode: reply.statusCode, response: body })
      .where(and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key)));
    return payload;
  };

  // Only POST routes get the hooks: every other request (the public look-ups above all) would pay two promises.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST')) return;
    route.preHandler = [...hooksOf(route.preHandler), preHandler];
    route.onSend = [...hooksOf(route.onSend), onSend];
  });
}

const hooksOf = <T>(hook: T | T[] | undefined): T[] => (hook === undefined ? [] : Array.isArray(hook) ? hook : [hook]);
