import { and, eq, ne } from 'drizzle-orm';
import type { ClientActor, CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { lockStream, withTransaction } from '../../../platform/db/tx.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { encodeCursor } from './cursor.js';
import { changesAfter, feedPosition } from './feed.js';
import { CHANGE_KINDS, MAX_ENDPOINTS, type WebhookKind } from './feed.shared.js';
import { fanOut } from './fanout.js';
import { outboundError } from './errors.js';
import { integrationClients } from '../schema.js';
import { webhookDeliveries, webhookEndpoints } from './schema.js';

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** Changes a replay turns into deliveries at most per call (the answer's `nextCursor` continues it). */
export const REPLAY_BATCH = 1000;

export const endpointView = (e: EndpointRow) => ({
  id: e.id,
  url: e.url,
  kinds: e.kinds as WebhookKind[],
  status: e.status,
  failuresInRow: e.failuresInRow,
  pausedAt: e.pausedAt,
  resumeCursor: e.resumeCursor,
  pausedReason: e.pausedReason,
  createdAt: e.createdAt,
});

/** A feed kind needs the feed in the client's scope, a holding alert the code operations (a market's, a shop's). */
function assertKindsInScope(client: ClientActor, kinds: readonly WebhookKind[]) {
  for (const k of kinds) {
    const needs = k === 'holding_alert' ? 'integration.codes' : 'integration.changes';
    if (!client.permissions.has(needs)) throw outboundError('KIND_OUT_OF_SCOPE', { kind: k });
  }
}

/** Loopback, private, link-local and unspecified addresses, and localhost: what a webhook must not reach in production. */
const PRIVATE_HOST = /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|0\.0\.0\.0|\[(::1?|f[cd][0-9a-f:]*|fe80:[0-9a-f:]*)\])$/i;

/**
 * A webhook URL: http(s), no credentials, and (unless allowed, as in development and tests) no address of the
 * server's own network, so that a client cannot make Tracenet call its neighbours. A public name that resolves to a
 * private address is not caught here (decisions.md).
 */
function checkedUrl(url: string, allowPrivate: boolean): string {
  const u = new URL(url);
  if (u.username || u.password || !/^https?:$/.test(u.protocol)) throw outboundError('ENDPOINT_URL_INVALID');
  if (!allowPrivate && PRIVATE_HOST.test(u.hostname)) throw outboundError('ENDPOINT_URL_PRIVATE');
  return u.toString();
}

export async function listEndpoints(db: Executor, clientId: string) {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.clientId, clientId), ne(webhookEndpoints.status, 'removed')))
    .orderBy(webhookEndpoints.createdAt);
  return { items: rows.map(endpointView) };
}

async function ownEndpoint(db: Executor, clientId: string, id: string): Promise<EndpointRow> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.clientId, clientId), ne(webhookEndpoints.status, 'removed')));
  if (!row) throw outboundError('ENDPOINT_NOT_FOUND');
  return row;
}

/** A client registers an endpoint: changes committed from now on are delivered to it (earlier ones by a replay). */
export async function registerEndpoint(db: Db, ctx: CommandContext, client: ClientActor, input: { url: string; kinds: WebhookKind[] }, allowPrivate: boolean) {
  const kinds = [...new Set(input.kinds)].sort();
  assertKindsInScope(client, kinds);
  const url = checkedUrl(input.url, allowPrivate);
  return withTransaction(db, ctx, async (tx) => {
    await lockStream(tx, `webhook-endpoints:${client.client.id}`);
    const live = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.clientId, client.client.id), ne(webhookEndpoints.status, 'removed')));
    if (live.length >= MAX_ENDPOINTS) throw outboundError('ENDPOINT_LIMIT');
    const [row] = await tx.insert(webhookEndpoints).values({ clientId: client.client.id, url, kinds }).returning();
    await recordAudit(tx, ctx, { action: 'integration.webhook_register', targetType: 'integration_client', targetId: client.client.id, regionCode: client.client.regionCode, after: { endpointId: row!.id, url, kinds } });
    return endpointView(row!);
  });
}

export async function removeEndpoint(db: Db, ctx: CommandContext, client: ClientActor, id: string) {
  const ep = await ownEndpoint(db, client.client.id, id);
  return withTransaction(db, ctx, async (tx) => {
    const [row] = await tx.update(webhookEndpoints).set({ status: 'removed', updatedAt: new Date() }).where(eq(webhookEndpoints.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'integration.webhook_remove', targetType: 'integration_client', targetId: client.client.id, regionCode: client.client.regionCode, before: { endpointId: id, url: ep.url, status: ep.status } });
    return endpointView(row!);
  });
}

/**
 * Replays the changes after `after` to one endpoint (new deliveries, marked as replays), and resumes it when paused:
 * from the `resumeCursor` it was paused at, nothing it missed is lost. At most REPLAY_BATCH changes a call; the
 * answer's `nextCursor` continues.
 */
export async function replayEndpoint(db: Db, ctx: CommandContext, client: ClientActor, id: string, after: string) {
  const ep = await ownEndpoint(db, client.client.id, id);
  const from = await feedPosition(db, after);
  const feedKinds = ep.kinds.filter((k) => (CHANGE_KINDS as readonly string[]).includes(k));
  return withTransaction(db, ctx, async (tx) => {
    const events = feedKinds.length && client.permissions.has('integration.changes') ? await changesAfter(tx, { regions: client.regions, kinds: feedKinds }, from, REPLAY_BATCH) : [];
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ status: 'active', failuresInRow: 0, pausedAt: null, resumeCursor: null, pausedReason: null, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    const made = await fanOut(tx, events, { endpointId: id, replay: true });
    const last = events[events.length - 1];
    const nextCursor = last ? encodeCursor({ txId: last.txId, eventId: last.id }) : encodeCursor(from);
    await recordAudit(tx, ctx, {
      action: 'integration.webhook_replay',
      targetType: 'integration_client',
      targetId: client.client.id,
      regionCode: client.client.regionCode,
      before: { endpointId: id, status: ep.status },
      after: { endpointId: id, status: 'active', after, deliveries: made.length, nextCursor },
    });
    return { endpoint: endpointView(row!), deliveries: made.length, nextCursor, more: events.length === REPLAY_BATCH };
  });
}

/**
 * The registrar's admin resumes a paused endpoint for its client (the console's button, once the partner has fixed
 * its receiver): a replay from the endpoint's resume cursor, in the client's scope as it is now, audited as the admin's.
 */
export async function resumeEndpoint(db: Db, ctx: CommandContext, clientId: string, id: string) {
  const ep = await ownEndpoint(db, clientId, id);
  if (ep.status !== 'paused' || !ep.resumeCursor) throw outboundError('ENDPOINT_NOT_PAUSED');
  const [c] = await db.select().from(integrationClients).where(eq(integrationClients.id, clientId));
  const client: ClientActor = {
    kind: 'client',
    userId: c!.id,
    username: c!.name,
    displayName: c!.name,
    client: { id: c!.id, kind: c!.kind, name: c!.name, regionCode: c!.regionCode },
    regions: c!.status === 'active' ? c!.regions : [],
    permissions: new Set(c!.operations),
    keyId: '',
  };
  return replayEndpoint(db, ctx, client, id, ep.resumeCursor);
}

/** A client's deliveries, newest first: the delivery log (the client itself, and its page in the console). */
export async function listDeliveries(db: Executor, clientId: string, q: { limit: number; cursor?: string | undefined; status?: 'pending' | 'delivered' | 'failed' | 'held' | undefined; endpointId?: string | undefined }) {
  const page = keyset({ sort: webhookDeliveries.createdAt, id: webhookDeliveries.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filters = and(
    eq(webhookDeliveries.clientId, clientId),
    q.status ? eq(webhookDeliveries.status, q.status) : undefined,
    q.endpointId ? eq(webhookDeliveries.endpointId, q.endpointId) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({ d: webhookDeliveries, url: webhookEndpoints.url })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    firstPageTotal(db, q.cursor, () =>
      db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId)).where(filters).$dynamic(),
    ),
  ]);
  const { items, nextCursor } = page.page(rows, (r) => [r.d.createdAt, r.d.id]);
  return {
    ...totalField(total),
    items: items.map(({ d, url }) => ({
      id: d.id,
      endpointId: d.endpointId,
      url,
      eventType: d.eventType,
      cursor: d.cursor,
      status: d.status as 'pending' | 'delivered' | 'failed' | 'held',
      replay: d.replay === 1,
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      createdAt: d.createdAt,
      lastAttemptAt: d.lastAttemptAt,
      deliveredAt: d.deliveredAt,
    })),
    nextCursor,
  };
}

