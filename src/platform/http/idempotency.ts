import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { decodeResult, withoutSecrets } from '../db/tx.js';
import type { Job } from '../jobs/runner.js';
import { httpError } from './errors.js';
import { idempotencyKeys } from './schema.js';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Top-level fields of this route's answer that are secrets shown once (a new API token): they are never
     * written to the replay storage, and a retried request is told the command was done instead of a replay.
     */
    idempotencySecrets?: readonly string[];
  }
}

/**
 * `Idempotency-Key` on POST: a completed request with the same key and body is replayed; the same key with
 * another body is refused. The key itself is claimed by withTransaction, in the command's own transaction, with the
 * command's result; a key whose command committed but whose answer was never saved (the server died in between)
 * runs its route again with that result, which rebuilds the answer from the committed rows without writing.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  const preHandler: preHandlerAsyncHookHandler = async (request, reply) => {
    const key = request.headers[HEADER];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw httpError('VALIDATION_FAILED', { issues: [{ where: 'headers', path: 'Idempotency-Key', message: '1–200 printable ASCII characters' }] });
    }
    const scope = request.actor?.userId ?? request.client?.userId ?? `anon:${request.ip}`.slice(0, 64);
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const secrets = request.routeOptions.config.idempotencySecrets;
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (existing) {
      if (existing.requestHash !== requestHash) throw httpError('IDEMPOTENCY_KEY_REUSED');
      const committed = existing.statusCode !== null || existing.result !== null;
      if (committed && secrets?.length) {
        const done = existing.statusCode !== null ? existing.response : withoutSecrets(decodeResult(existing.result), secrets);
        throw httpError('IDEMPOTENCY_SECRET_WITHHELD', { fields: secrets, done });
      }
      if (existing.statusCode === null) {
        if (existing.result === null) throw httpError('IDEMPOTENCY_IN_PROGRESS');
        request.meta.idempotency = { scope, key, requestHash, claimed: false, replay: existing.result };
        return;
      }
      // The stored body is already the serialized response; it must not pass through the route's serializer again.
      return reply
        .status(existing.statusCode)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .serializer((payload) => payload as string)
        .send(JSON.stringify(existing.response));
    }
    request.meta.idempotency = { scope, key, requestHash, claimed: false, ...(secrets?.length ? { secrets } : {}) };
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
      .set({ statusCode: reply.statusCode, response: withoutSecrets(body, idem.secrets) })
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

/** Forgets keys older than the replay window: a retry is expected within minutes, the table must not grow forever. */
export async function purgeIdempotencyKeys(db: Db, windowHours: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`WITH gone AS (DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => ${windowHours}::int) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return row?.n ?? 0;
}

export const idempotencyPurgeJob = (db: Db, windowHours: number): Job => ({
  name: 'idempotency-purge',
  everyMs: 60 * 60_000,
  run: () => purgeIdempotencyKeys(db, windowHours),
});
