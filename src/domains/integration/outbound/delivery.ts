import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { publishNotice } from '../../../platform/notify/notifier.js';
import type { Logger } from '../../../platform/logger.js';
import type { Pii } from '../../../platform/pii/pii.js';
import type { Job } from '../../../platform/jobs/runner.js';
import { isLive } from '../keys.js';
import { integrationClients, integrationKeys } from '../schema.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { DELIVERY_ATTEMPTS, PAUSE_AFTER_FAILURES } from './feed.shared.js';
import { WEBHOOK_JOB } from './fanout.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';
import { deliveryHeaders } from './signing.js';

export type DeliveryDeps = { db: Db; pii: Pii; log: Logger; timeoutMs?: number; pauseAfter?: number };

/** The system's own acts (a pause) in the audit log: no person, no request. */
const SYSTEM = { actor: null, meta: { requestId: WEBHOOK_JOB, ip: '' } };

/** What one attempt came to. */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'held' | 'done';

/** The client's newest key that signs (during a rotation's overlap the new one: the partner has it by then). */
async function signingKey(deps: DeliveryDeps, clientId: string) {
  const keys = await deps.db.select().from(integrationKeys).where(and(eq(integrationKeys.clientId, clientId), isNull(integrationKeys.revokedAt))).orderBy(desc(integrationKeys.createdAt));
  const key = keys.find((k) => isLive(k));
  return key ? { id: key.id, secret: deps.pii.decrypt(key.secret) } : null;
}

/**
 * Where a paused endpoint resumes: just before the earliest change it has not received (its deliveries pending or
 * held, in commit order), so that a replay from there sends every one of them again.
 */
async function resumeCursorOf(tx: Tx, endpointId: string, failing: string): Promise<string> {
  const rows = await tx
    .select({ cursor: webhookDeliveries.cursor })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), inArray(webhookDeliveries.status, ['pending', 'held'])));
  const earliest = [failing, ...rows.map((r) => r.cursor)]
    .map(decodeCursor)
    .reduce((a, b) => (BigInt(b.txId) < BigInt(a.txId) || (b.txId === a.txId && b.eventId < a.eventId) ? b : a));
  return encodeCursor({ txId: earliest.txId, eventId: Math.max(0, earliest.eventId - 1) });
}

/**
 * A failed attempt, under the endpoint's row lock: one more failure in a row; at `pauseAfter` the endpoint is paused
 * (it resumes from the change that failed), its client's registrar is told (a live notice to the agency and an
 * audit entry), and the delivery is held instead of retried.
 */
async function recordFailure(deps: DeliveryDeps, tx: Tx, d: typeof webhookDeliveries.$inferSelect, status: number | null, error: string): Promise<AttemptOutcome> {
  const [ep] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, d.endpointId)).for('update');
  const failures = ep!.failuresInRow + 1;
  const pause = ep!.status === 'active' && failures >= (deps.pauseAfter ?? PAUSE_AFTER_FAILURES);
  const resumeCursor = pause ? await resumeCursorOf(tx, d.endpointId, d.cursor) : null;
  await tx
    .update(webhookEndpoints)
    .set({ failuresInRow: failures, ...(pause ? { status: 'paused' as const, pausedAt: new Date(), resumeCursor, pausedReason: error.slice(0, 300) } : {}), updatedAt: new Date() })
    .where(eq(webhookEndpoints.id, d.endpointId));
  const attempts = d.attempts + 1;
  const outcome: AttemptOutcome = pause || ep!.status !== 'active' ? 'held' : attempts >= DELIVERY_ATTEMPTS ? 'failed' : 'retry';
  await tx
    .update(webhookDeliveries)
    .set({ attempts, lastStatus: status, lastError: error.slice(0, 300), lastAttemptAt: new Date(), status: outcome === 'retry' ? 'pending' : outcome === 'held' ? 'held' : 'failed' })
    .where(eq(webhookDeliveries.id, d.id));
  if (pause) {
    const [client] = await tx.select().from(integrationClients).where(eq(integrationClients.id, d.clientId));
    await publishNotice(tx, { topic: `agency:${client!.registeredByAgency}`, type: 'integration.webhook_paused', id: d.endpointId });
    await recordAudit(tx, SYSTEM, {
      action: 'integration.webhook_pause',
      targetType: 'integration_client',
      targetId: d.clientId,
      regionCode: client!.regionCode,
      before: { endpointId: d.endpointId, status: 'active' },
      after: { endpointId: d.endpointId, status: 'paused', failuresInRow: failures, resumeCursor, lastError: error.slice(0, 300) },
    });
  }
  return outcome;
}

/**
 * One attempt of a delivery: POST the body fixed when it was made, signed now with the client's key. At least
 * once: a server killed after the receiver's answer and before this records it sends it again, with the same
 * delivery id, when the job's lease runs out.
 */
export async function attemptDelivery(deps: DeliveryDeps, deliveryId: string): Promise<AttemptOutcome> {
  const [d] = await deps.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!d || d.status !== 'pending') return 'done';
  const [ep] = await deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, d.endpointId));
  if (ep!.status !== 'active') {
    await deps.db.update(webhookDeliveries).set({ status: 'held' }).where(eq(webhookDeliveries.id, d.id));
    return 'held';
  }
  const key = await signingKey(deps, d.clientId);
  let status: number | null = null;
  let error = '';
  if (!key) error = 'the client has no live key to sign with';
  else {
    const body = JSON.stringify(d.body);
    try {
      const res = await fetch(ep!.url, { method: 'POST', headers: deliveryHeaders(key, ep!.url, d.id, body), body, signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000), redirect: 'manual' });
      status = res.status;
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) {
        await deps.db.transaction(async (tx) => {
          await tx.update(webhookDeliveries).set({ status: 'delivered', attempts: sql`${webhookDeliveries.attempts} + 1`, lastStatus: status, lastError: null, lastAttemptAt: new Date(), deliveredAt: new Date() }).where(eq(webhookDeliveries.id, d.id));
          await tx.update(webhookEndpoints).set({ failuresInRow: 0 }).where(and(eq(webhookEndpoints.id, d.endpointId), sql`${webhookEndpoints.failuresInRow} > 0`));
        });
        return 'delivered';
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }
  return deps.db.transaction((tx) => recordFailure(deps, tx, d, status, error));
}

/** The delivery job: a retry is a thrown error, so the queue runs it again after its backoff. */
export const webhookJob = (deps: DeliveryDeps): Job => ({
  name: WEBHOOK_JOB,
  everyMs: 0,
  // Three times an attempt's timeout: a server killed mid-attempt has its deliveries taken up again half a minute on.
  leaseMs: 30_000,
  run: async (payload) => {
    const outcome = await attemptDelivery(deps, String(payload.deliveryId));
    if (outcome === 'retry') throw new Error(`delivery ${String(payload.deliveryId)} failed; retrying`);
    return outcome;
  },
});
