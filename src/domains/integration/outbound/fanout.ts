import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { OutboxConsumer, OutboxEvent } from '../../../platform/events/outbox.js';
import { jobs } from '../../../platform/jobs/schema.js';
import { encodeCursor } from './cursor.js';
import { changeOf } from './feed.js';
import { DELIVERY_ATTEMPTS, type ChangeKind } from './feed.shared.js';
import { webhookDeliveries } from './schema.js';

export const WEBHOOK_JOB = 'integration.webhook';
/** Jobs a delivery may take: its attempts, and two more for runs cut short by a killed server (lease expired). */
export const DELIVERY_JOB_ATTEMPTS = DELIVERY_ATTEMPTS + 2;

type Target = { id: string; clientId: string; kinds: string[]; regions: string[] };

const reaches = (t: Target, e: OutboxEvent) =>
  t.kinds.includes(e.aggregateType) && t.regions.some((r) => r === '' || (e.regionCode !== null && e.regionCode.startsWith(r)));

/** The body a receiver gets: the delivery id and the change as the feed shows it. */
export function deliveryBody(deliveryId: string, e: OutboxEvent) {
  return { deliveryId, change: changeOf({ ...e, aggregateType: e.aggregateType as ChangeKind }) };
}

/**
 * Makes the deliveries of `events` to every endpoint that wants them (active, of an active client whose scope holds
 * the feed, the event's kind and region), each with its job, in the caller's transaction: with the outbox cursor
 * moved in that same transaction, an event is fanned out exactly once, whatever server dies when.
 */
export async function fanOut(tx: Tx, events: readonly OutboxEvent[], only?: { endpointId: string; replay: true }): Promise<string[]> {
  const targets = await queryRows<Target>(
    tx,
    sql`SELECT e.id, e.client_id AS "clientId", e.kinds, c.regions
        FROM webhook_endpoints e JOIN integration_clients c ON c.id = e.client_id
        WHERE c.status = 'active' AND 'integration.changes' = ANY (c.operations)
          AND ${only ? sql`e.id = ${only.endpointId}::uuid AND e.status <> 'removed'` : sql`e.status = 'active'`}`,
  );
  if (!targets.length) return [];
  const rows = [];
  for (const e of events) {
    for (const t of targets) {
      if (!reaches(t, e)) continue;
      const id = randomUUID();
      rows.push({ id, endpointId: t.id, clientId: t.clientId, eventId: e.id, cursor: encodeCursor({ txId: e.txId, eventId: e.id }), eventType: e.type, body: deliveryBody(id, e), replay: only ? 1 : 0 });
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    await tx.insert(webhookDeliveries).values(part);
    await tx.insert(jobs).values(part.map((r) => ({ kind: WEBHOOK_JOB, payload: { deliveryId: r.id }, runAt: new Date(), maxAttempts: DELIVERY_JOB_ATTEMPTS, uniqueKey: `webhook:${r.id}` })));
  }
  return rows.map((r) => r.id);
}

export const webhookConsumer: OutboxConsumer = { name: 'integration.webhooks', handle: (events, tx) => fanOut(tx, events).then(() => undefined) };
