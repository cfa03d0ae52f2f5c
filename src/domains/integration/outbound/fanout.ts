import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { regionWithin } from '../../../platform/auth/visibility.js';
import type { Tx } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { OutboxConsumer, OutboxEvent } from '../../../platform/events/outbox.js';
import { jobs } from '../../../platform/jobs/schema.js';
import { encodeCursor } from './cursor.js';
import { changeOf } from './feed.js';
import { ALERTING_BATCH_STATES, DELIVERY_ATTEMPTS, type ChangeKind } from './feed.shared.js';
import { webhookDeliveries } from './schema.js';

export const WEBHOOK_JOB = 'integration.webhook';
/** Jobs a delivery may take: its attempts, and two more for runs cut short by a killed server (lease expired). */
export const DELIVERY_JOB_ATTEMPTS = DELIVERY_ATTEMPTS + 2;

/** An endpoint with what its client's scope lets it receive: the feed's changes, holding alerts (a market's, a shop's). */
type Target = { id: string; clientId: string; kinds: string[]; regions: string[]; changes: boolean; codes: boolean; startTx: string };

const reaches = (t: Target, e: OutboxEvent) =>
  t.changes &&
  t.kinds.includes(e.aggregateType) && t.regions.some((r) => r === '' || regionWithin(e.regionCode, r));

/** The body a receiver gets: the delivery id and the change as the feed shows it. */
export function deliveryBody(deliveryId: string, e: OutboxEvent) {
  return { deliveryId, change: changeOf({ ...e, aggregateType: e.aggregateType as ChangeKind }) };
}

/**
 * For batches of `events` that turned failed, held or recalled: the codes of them each target's client recorded
 * purchases of (key `clientId:batchId`).
 */
async function holdingsOf(tx: Tx, events: readonly OutboxEvent[], targets: readonly Target[]): Promise<Map<string, string[]>> {
  const batchIds = events
    .filter((e) => e.aggregateType === 'batch' && e.type === 'batch.updated' && (ALERTING_BATCH_STATES as readonly unknown[]).includes(e.payload.status))
    .map((e) => e.aggregateId);
  const clients = [...new Set(targets.filter((t) => t.codes && t.kinds.includes('holding_alert')).map((t) => t.clientId))];
  const out = new Map<string, string[]>();
  if (!batchIds.length || !clients.length) return out;
  const rows = await queryRows<{ clientId: string; batchId: string; codes: string[] }>(
    tx,
    sql`SELECT client_id AS "clientId", batch_id AS "batchId", array_agg(DISTINCT code ORDER BY code) AS codes FROM partner_purchases
        WHERE batch_id IN (${sql.join(
          batchIds.map((b) => sql`${b}::uuid`),
          sql`, `,
        )}) AND client_id IN (${sql.join(
          clients.map((c) => sql`${c}::uuid`),
          sql`, `,
        )})
        GROUP BY client_id, batch_id`,
  );
  for (const r of rows) out.set(`${r.clientId}:${r.batchId}`, r.codes);
  return out;
}

/**
 * Makes the deliveries of `events` to every endpoint that wants them (active, of an active client whose scope holds
 * the feed, the event's kind and region), each with its job, in the caller's transaction: with the outbox cursor
 * moved in that same transaction, an event is fanned out exactly once, whatever server dies when.
 */
export async function fanOut(tx: Tx, events: readonly OutboxEvent[], only?: { endpointId: string; replay: true }): Promise<string[]> {
  const targets = await queryRows<Target>(
    tx,
    sql`SELECT e.id, e.client_id AS "clientId", e.kinds, c.regions, e.start_tx::text AS "startTx",
               'integration.changes' = ANY (c.operations) AS changes, 'integration.codes' = ANY (c.operations) AS codes
        FROM webhook_endpoints e JOIN integration_clients c ON c.id = e.client_id
        WHERE c.status = 'active'
          AND ${only ? sql`e.id = ${only.endpointId}::uuid AND e.status <> 'removed'` : sql`e.status = 'active'`}`,
  );
  if (!targets.length) return [];
  const holdings = await holdingsOf(tx, events, targets);
  const rows: (typeof webhookDeliveries.$inferInsert & { id: string })[] = [];
  const add = (t: Target, e: OutboxEvent, type: string, body: (id: string) => Record<string, unknown>) => {
    const id = randomUUID();
    rows.push({ id, endpointId: t.id, clientId: t.clientId, eventId: e.id, cursor: encodeCursor({ txId: e.txId, eventId: e.id }), eventType: type, body: body(id), replay: only ? 1 : 0 });
  };
  for (const e of events) {
    for (const t of targets) {
      if (!only && BigInt(e.txId) <= BigInt(t.startTx)) continue;
      if (reaches(t, e)) add(t, e, e.type, (id) => deliveryBody(id, e));
      const codes = holdings.get(`${t.clientId}:${e.aggregateId}`);
      if (codes && t.codes && t.kinds.includes('holding_alert')) {
        add(t, e, `holding_alert.${String(e.payload.status)}`, (id) => ({ ...deliveryBody(id, e), holding: { status: e.payload.status, codes } }));
      }
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
