import { and, asc, eq, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { CommandContext, Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { epcisError } from './errors.js';
import { namedQuery } from './named-queries.service.js';
import { syncOwnEvents } from './own/sync.js';
import type { Ids } from './own/identifiers.js';
import { queryDocument } from './query-document.js';
import { parseEventQuery } from './query.params.js';
import { queryVisibleEvents } from './query.queries.js';
import { epcisQueries, epcisSubscriptions } from './schema.js';
import { nextRun, parseSchedule } from './subscription-schedule.js';
import { eventsVisibleToReader, readerOf } from './visibility.js';

export type Subscription = typeof epcisSubscriptions.$inferSelect;
export type SubscribeBody = { dest?: unknown; signatureToken?: unknown; reportIfEmpty?: unknown; stream?: unknown; schedule?: unknown; initialRecordTime?: unknown };

/** Most events one delivery carries; a stream sends the rest at its next pass. */
const DELIVERY_EVENTS = 1000;
const SEND_TIMEOUT_MS = 10_000;

const bad = (field: string) => epcisError('EPCIS_SUBSCRIPTION', { field });

/**
 * Subscribes to a named query (EPCIS 2.0 §8.2.7.2, REST `POST /queries/{name}/subscriptions`): `dest` an http(s)
 * URL, and either `stream: true` (each new event soon after it is recorded) or a `schedule`; from now on, so
 * events already there are not sent unless `initialRecordTime` says from when.
 */
export async function subscribe(db: Db, ctx: CommandContext, name: string, body: SubscribeBody, now = new Date()): Promise<Subscription> {
  const query = await namedQuery(db, ctx.actor!, name);
  let dest: URL;
  try {
    dest = new URL(String(body?.dest ?? ''));
  } catch {
    throw bad('dest');
  }
  if (dest.protocol !== 'https:' && dest.protocol !== 'http:') throw bad('dest');
  const stream = body.stream === true;
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw bad('stream');
  if (stream === (body.schedule !== undefined)) throw bad(stream ? 'schedule' : 'stream or schedule');
  const schedule = body.schedule === undefined ? null : parseSchedule(body.schedule);
  if (schedule && 'bad' in schedule) throw bad(schedule.bad);
  const next = schedule ? nextRun(schedule, now) : null;
  if (schedule && !next) throw bad('schedule');
  if (body.signatureToken !== undefined && (typeof body.signatureToken !== 'string' || body.signatureToken.length > 200)) throw bad('signatureToken');
  if (body.reportIfEmpty !== undefined && typeof body.reportIfEmpty !== 'boolean') throw bad('reportIfEmpty');
  let from: Date | null = null;
  if (body.initialRecordTime !== undefined) {
    from = new Date(String(body.initialRecordTime));
    if (Number.isNaN(from.getTime())) throw bad('initialRecordTime');
  }
  return withTransaction(db, ctx, async (tx) => {
    // Delivery starts after the last event recorded before the start time (now, or initialRecordTime).
    const [start] = await queryRows<{ seq: number | string | null }>(tx, sql`SELECT max(seq) AS seq FROM epcis_events WHERE record_time < ${(from ?? now).toISOString()}::timestamptz`);
    const [row] = await tx
      .insert(epcisSubscriptions)
      .values({
        queryId: query.id,
        dest: dest.toString(),
        signatureToken: (body.signatureToken as string | undefined) ?? null,
        stream,
        schedule: (body.schedule as Record<string, string> | undefined) ?? null,
        reportIfEmpty: body.reportIfEmpty === true,
        userId: ctx.actor!.userId,
        reader: readerOf(ctx.actor!),
        lastSeq: Number(start?.seq ?? 0),
        nextRunAt: next,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'epcis.subscribe', targetType: 'epcis_subscription', targetId: row!.id, regionCode: query.regionCode, after: { query: name, dest: dest.origin, stream, schedule: body.schedule ?? null } });
    return row!;
  });
}

export async function listSubscriptions(db: Db, actor: Actor, name: string): Promise<Subscription[]> {
  const query = await namedQuery(db, actor, name);
  return db.select().from(epcisSubscriptions).where(eq(epcisSubscriptions.queryId, query.id)).orderBy(asc(epcisSubscriptions.createdAt));
}

export async function unsubscribe(db: Db, ctx: CommandContext, name: string, id: string): Promise<void> {
  const query = await namedQuery(db, ctx.actor!, name);
  await withTransaction(db, ctx, async (tx) => {
    const gone = await tx.delete(epcisSubscriptions).where(and(eq(epcisSubscriptions.id, id), eq(epcisSubscriptions.queryId, query.id))).returning({ id: epcisSubscriptions.id });
    if (!gone.length) throw epcisError('EPCIS_NO_SUCH_SUBSCRIPTION');
    await recordAudit(tx, ctx, { action: 'epcis.unsubscribe', targetType: 'epcis_subscription', targetId: id, regionCode: query.regionCode, before: { query: name } });
  });
}

export type Send = (url: string, body: string, headers: Record<string, string>) => Promise<{ status: number }>;

export const httpSend: Send = async (url, body, headers) => {
  const res = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
  await res.arrayBuffer();
  return { status: res.status };
};

/**
 * One pass of the `epcis.subscriptions` job: every stream subscription, and every scheduled one whose time has come,
 * gets the events of its named query recorded since its last delivery (read with the subscriber's rights), POSTed
 * as an EPCISQueryDocument with the subscription's id (and its signature token as a bearer token). A delivery
 * that fails is tried again at the next pass from the same event: at least once, in order.
 */
export async function deliverSubscriptions(db: Db, ids: Ids, send: Send = httpSend, now = new Date()): Promise<{ delivered: number; failed: number }> {
  await syncOwnEvents(db, ids);
  const s = epcisSubscriptions;
  const due = await db
    .select({ sub: s, query: epcisQueries })
    .from(s)
    .innerJoin(epcisQueries, eq(epcisQueries.id, s.queryId))
    .where(or(eq(s.stream, true), and(isNotNull(s.nextRunAt), lte(s.nextRunAt, now))));
  let delivered = 0;
  let failed = 0;
  for (const { sub, query } of due) {
    const q = { ...parseEventQuery(query.query), orderBy: null, orderDirection: 'asc' as const, perPage: DELIVERY_EVENTS, afterSeq: sub.lastSeq };
    delete q.eventCountLimit;
    const { events } = await queryVisibleEvents(db, eventsVisibleToReader(sub.reader), q);
    const schedule = sub.schedule ? parseSchedule(sub.schedule) : null;
    const next = schedule && !('bad' in schedule) ? nextRun(schedule, now) : null;
    if (!events.length && !sub.reportIfEmpty) {
      if (!sub.stream) await db.update(s).set({ nextRunAt: next }).where(eq(s.id, sub.id));
      continue;
    }
    const doc = { ...queryDocument(events, query.name), subscriptionID: sub.id };
    (doc.epcisBody.queryResults as Record<string, unknown>).subscriptionID = sub.id;
    const headers: Record<string, string> = { 'content-type': 'application/ld+json', 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' };
    if (sub.signatureToken) headers.authorization = `Bearer ${sub.signatureToken}`;
    let error: string | null = null;
    try {
      const res = await send(sub.dest, JSON.stringify(doc), headers);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 300) : 'failed';
    }
    if (error) {
      failed++;
      await db.update(s).set({ lastError: error }).where(eq(s.id, sub.id));
    } else {
      delivered++;
      await db
        .update(s)
        .set({ lastSeq: events.at(-1)?.seq ?? sub.lastSeq, lastDeliveredAt: now, lastError: null, ...(sub.stream ? {} : { nextRunAt: next }) })
        .where(eq(s.id, sub.id));
    }
  }
  return { delivered, failed };
}
