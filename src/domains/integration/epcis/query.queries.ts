import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { epcisError } from './errors.js';
import { parseEventQuery, type EventQuery } from './query.params.js';
import { epcisCaptures, epcisEvents } from './schema.js';
import { textArray } from './sql.js';
import { capturesVisibleTo, eventsVisibleTo } from './visibility.js';

const e = epcisEvents;
export type StoredEvent = { seq: number; document: Record<string, unknown>; namespaces: Record<string, string>; recordTime: Date; eventTime: Date };
/** Where a page ended, and how many events the query's eventCountLimit still allows. */
type Cursor = { v: string | null; s: number; l: number | null };


/**
 * The GIN indexes of the identifier columns leave out events with none (`<> '{}'`); a condition names that too, or
 * PostgreSQL cannot use them.
 */
const anyEpcsMatch = (values: string[]) => sql`(${e.anyEpcs} <> '{}'::text[] AND ${e.anyEpcs} && ${textArray(values)})`;
const anyClassesMatch = (values: string[]) => sql`(${e.anyEpcClasses} <> '{}'::text[] AND ${e.anyEpcClasses} && ${textArray(values)})`;
/** Captured under one of these eventIDs: its own (hash index) or one a later capture of it came with (partial GIN). */
const eventIdIn = (ids: string[]) =>
  sql`(${e.eventId} = ANY(${textArray(ids)}) OR (${e.otherEventIds} <> '{}'::text[] AND ${e.otherEventIds} && ${textArray(ids)}))`;

function conditions(q: EventQuery): SQL[] {
  const c: SQL[] = [];
  if (q.eventType) c.push(inArray(e.eventType, q.eventType));
  if (q.GE_eventTime) c.push(gte(e.eventTime, q.GE_eventTime));
  if (q.LT_eventTime) c.push(lt(e.eventTime, q.LT_eventTime));
  if (q.GE_recordTime) c.push(gte(e.recordTime, q.GE_recordTime));
  if (q.LT_recordTime) c.push(lt(e.recordTime, q.LT_recordTime));
  if (q.EQ_action) c.push(inArray(e.action, q.EQ_action));
  if (q.EQ_bizStep) c.push(inArray(e.bizStep, q.EQ_bizStep));
  if (q.EQ_disposition) c.push(inArray(e.disposition, q.EQ_disposition));
  if (q.EQ_readPoint) c.push(inArray(e.readPoint, q.EQ_readPoint));
  if (q.EQ_bizLocation) c.push(inArray(e.bizLocation, q.EQ_bizLocation));
  if (q.EQ_eventID) c.push(eventIdIn(q.EQ_eventID));
  // Array overlap (&&) is what the GIN indexes serve; epcs and epc_classes have none of their own, so their match
  // also asks the any_ column (a superset) whose index finds the rows.
  if (q.MATCH_epc) c.push(sql`${anyEpcsMatch(q.MATCH_epc)} AND ${e.epcs} && ${textArray(q.MATCH_epc)}`);
  if (q.MATCH_anyEPC) c.push(anyEpcsMatch(q.MATCH_anyEPC));
  if (q.MATCH_epcClass) c.push(sql`${anyClassesMatch(q.MATCH_epcClass)} AND ${e.epcClasses} && ${textArray(q.MATCH_epcClass)}`);
  if (q.MATCH_anyEPCClass) c.push(anyClassesMatch(q.MATCH_anyEPCClass));
  for (const { op, value } of q.quantity) {
    c.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements(coalesce(${e.document}->'quantityList', '[]'::jsonb) || coalesce(${e.document}->'childQuantityList', '[]'::jsonb)) AS qe
      WHERE jsonb_typeof(qe->'quantity') = 'number' AND (qe->>'quantity')::numeric ${sql.raw(op)} ${value})`);
  }
  for (const t of q.typed) {
    c.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${e.document}->${t.list}) = 'array' THEN ${e.document}->${t.list} ELSE '[]'::jsonb END) AS x
      WHERE x->>'type' = ANY(${textArray(t.types)}) AND x->>${t.key} = ANY(${textArray(t.values)}))`);
  }
  if (q.anyEpcOrClass) c.push(sql`(${anyEpcsMatch(q.anyEpcOrClass)} OR ${anyClassesMatch(q.anyEpcOrClass)})`);
  if (q.afterSeq !== undefined) c.push(sql`${e.seq} > ${q.afterSeq}`);
  if (q.EXISTS_errorDeclaration !== undefined) c.push(eq(e.errorDeclared, q.EXISTS_errorDeclaration));
  return c;
}

function decodeCursor(token: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (!Number.isSafeInteger(c.s) || (c.v !== null && (typeof c.v !== 'string' || Number.isNaN(Date.parse(c.v)))) || (c.l !== null && !Number.isSafeInteger(c.l))) throw new Error('shape');
    return c;
  } catch {
    throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'nextPageToken', reason: 'not a token this server gave' });
  }
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

/** One page of the events the actor may read that match the query, in its order, and the token of the next page. */
export async function queryEvents(db: Db, actor: Actor, q: EventQuery): Promise<{ events: StoredEvent[]; nextPageToken: string | null }> {
  return queryVisibleEvents(db, eventsVisibleTo(actor), q);
}

/** As queryEvents, over the events `visible` selects (a subscription's reader). */
export async function queryVisibleEvents(db: Db, visible: SQL, q: EventQuery): Promise<{ events: StoredEvent[]; nextPageToken: string | null }> {
  const cursor = q.nextPageToken ? decodeCursor(q.nextPageToken) : null;
  const remaining = cursor ? cursor.l : (q.eventCountLimit ?? null);
  const limit = remaining === null ? q.perPage : Math.min(q.perPage, remaining);
  const sortColumn = q.orderBy === 'eventTime' ? e.eventTime : q.orderBy === 'recordTime' ? e.recordTime : null;
  const after = q.orderDirection === 'asc' ? sql`>` : sql`<`;
  const where = [visible, ...conditions(q)];
  if (cursor) {
    if (sortColumn && cursor.v !== null) where.push(sql`(${sortColumn}, ${e.seq}) ${after} (${new Date(cursor.v)}, ${cursor.s})`);
    else where.push(sql`${e.seq} ${after} ${cursor.s}`);
  }
  if (limit <= 0) return { events: [], nextPageToken: null };
  const rows = await pageQuery(db, where, q, sortColumn, limit + 1);
  const page = rows.slice(0, limit);
  const left = remaining === null ? null : remaining - page.length;
  const last = page.at(-1);
  const more = rows.length > limit && (left === null || left > 0);
  const nextPageToken = more && last ? encodeCursor({ v: sortColumn ? (q.orderBy === 'eventTime' ? last.eventTime : last.recordTime).toISOString() : null, s: Number(last.seq), l: left }) : null;
  return { events: page.map((r) => ({ ...r, seq: Number(r.seq) })), nextPageToken };
}

function pageQuery(db: Db, where: SQL[], q: EventQuery, sortColumn: typeof e.eventTime | typeof e.recordTime | null, limit: number) {
  const dir = q.orderDirection === 'asc' ? asc : desc;
  // With an EPC, class or eventID to match, the GIN index finds the few events and they are sorted; ordering by the
  // bare column would let PostgreSQL walk the whole table in order, filtering, to fill a page (seconds at 10 M).
  const selective = !!(q.MATCH_epc || q.MATCH_anyEPC || q.MATCH_epcClass || q.MATCH_anyEPCClass || q.EQ_eventID || q.anyEpcOrClass);
  return db
    .select({ seq: e.seq, document: e.document, namespaces: e.namespaces, recordTime: e.recordTime, eventTime: e.eventTime })
    .from(e)
    .where(and(...where))
    .orderBy(...(sortColumn ? [dir(selective ? sql`${sortColumn} + interval '0 s'` : sortColumn), dir(e.seq)] : [dir(selective ? sql`${e.seq} + 0` : e.seq)]))
    .limit(limit);
}

/**
 * The plan PostgreSQL makes for a first page of `MATCH_anyEPC=<epc>` read by the actor, one line per node: the plan
 * test and the epcis bench check the any_epcs GIN index finds the events.
 */
export async function matchAnyEpcPlan(db: Db, actor: Actor, epc: string): Promise<string> {
  return eventQueryPlan(db, actor, { MATCH_anyEPC: epc });
}

/** The plan of a first page of a query's events read by the actor, one line per node (the plan tests). */
export async function eventQueryPlan(db: Db, actor: Actor, raw: Record<string, string>): Promise<string> {
  const q = parseEventQuery(raw);
  const query = pageQuery(db, [eventsVisibleTo(actor), ...conditions(q)], q, null, q.perPage + 1);
  const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`EXPLAIN ${query.getSQL()}`);
  return rows.map((r) => r['QUERY PLAN'].trim()).join(' | ');
}

/**
 * The events the actor may read captured under this eventID: usually one, more when senders reused an eventID (or an
 * error declaration stands beside the event it corrects), at most 100, in the order captured.
 */
export async function eventsById(db: Db, actor: Actor, eventId: string): Promise<StoredEvent[]> {
  const rows = await db
    .select({ seq: e.seq, document: e.document, namespaces: e.namespaces, recordTime: e.recordTime, eventTime: e.eventTime })
    .from(e)
    .where(and(eventsVisibleTo(actor), eventIdIn([eventId])))
    .orderBy(asc(e.seq))
    .limit(100);
  if (rows.length === 0) throw epcisError('EPCIS_NO_SUCH_EVENT', { eventID: eventId });
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export type CaptureJob = typeof epcisCaptures.$inferSelect;

export async function captureById(db: Db, actor: Actor, id: string): Promise<CaptureJob> {
  const [row] = await db.select().from(epcisCaptures).where(and(capturesVisibleTo(actor), eq(epcisCaptures.id, id)));
  if (!row) throw epcisError('EPCIS_NO_SUCH_CAPTURE', { captureID: id });
  return row;
}

/** The actor's visible capture jobs, newest first, a page at a time (keyset on created_at, id). */
export async function listCaptures(db: Db, actor: Actor, perPage: number, after?: { at: Date; id: string }): Promise<CaptureJob[]> {
  const c = epcisCaptures;
  const where = [capturesVisibleTo(actor)];
  if (after) where.push(or(lt(c.createdAt, after.at), and(eq(c.createdAt, after.at), lt(c.id, after.id)))!);
  return db.select().from(c).where(and(...where)).orderBy(desc(c.createdAt), desc(c.id)).limit(perPage + 1);
}
