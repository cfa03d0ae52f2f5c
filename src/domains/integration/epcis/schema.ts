import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * EPCIS 2.0 events captured through `/api/v1/epcis` (issue 18 §1): the event as captured (`document`, with the eventID
 * it was given or got), and beside it the columns the standard query parameters filter on. Each event belongs to the
 * organisation that captured it (`owner_kind`/`owner_id`, filed under its region) and is stored once per owner: the
 * CBV 2.0 event hash (`event_hash`) recognises a second capture of it. An eventID is the sender's name for an event
 * and is not unique: two senders, or one sender's two different events, may use one (the conformance documents do).
 */
export const epcisEvents = pgTable(
  'epcis_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    eventId: text('event_id').notNull(),
    /**
     * The other eventIDs the event was captured under: those of later captures of the same event (same hash) sent
     * with another eventID; a query by any of them, or by event_id, finds it. Nearly always empty: event_id has the
     * index a look-up by eventID goes through, this column a partial one.
     */
    otherEventIds: text('other_event_ids').array().notNull().default(sql`'{}'::text[]`),
    eventHash: varchar('event_hash', { length: 100 }).notNull(),
    ownerKind: varchar('owner_kind', { length: 8 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    captureId: uuid('capture_id').notNull(),
    eventType: varchar('event_type', { length: 24 }).notNull(),
    eventTime: at('event_time').notNull(),
    recordTime: at('record_time').notNull().defaultNow(),
    action: varchar('action', { length: 8 }),
    bizStep: text('biz_step'),
    disposition: text('disposition'),
    readPoint: text('read_point'),
    bizLocation: text('biz_location'),
    /** MATCH_epc: epcList and childEPCs. */
    epcs: text('epcs').array().notNull().default(sql`'{}'::text[]`),
    /** MATCH_anyEPC: every EPC of the event (epcList, childEPCs, parentID, inputEPCList, outputEPCList). */
    anyEpcs: text('any_epcs').array().notNull().default(sql`'{}'::text[]`),
    /** MATCH_epcClass: quantityList and childQuantityList. */
    epcClasses: text('epc_classes').array().notNull().default(sql`'{}'::text[]`),
    /** MATCH_anyEPCClass: every quantity list's classes. */
    anyEpcClasses: text('any_epc_classes').array().notNull().default(sql`'{}'::text[]`),
    errorDeclared: boolean('error_declared').notNull().default(false),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    /** The namespace prefixes in force for the event (document and event @context), for the query document's @context. */
    namespaces: jsonb('namespaces').$type<Record<string, string>>().notNull().default({}),
    /** 'captured' through the capture interface, or 'tracenet': the EPCIS form of one of Tracenet's own records. */
    origin: varchar('origin', { length: 10 }).notNull().default('captured'),
    /** For a Tracenet event, the record it was made from (`trace:<id>`, `sample:<id>`…): each is written once. */
    sourceKey: text('source_key'),
    /** The Tracenet lot codes the event names (its identifiers in a Tracenet form): where it joins the trace graph. */
    traceCodes: text('trace_codes').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    // An error declaration is a capture of the same event with errorDeclaration (EPCIS 2.0 §7.4.1.2), which the hash
    // leaves out: it is stored beside the event it corrects, not taken for a second copy.
    uniqueIndex('epcis_events_owner_hash').on(t.ownerKind, t.ownerId, t.eventHash, t.errorDeclared),
    // A hash index: eventIDs are only ever compared for equality, and its 4-byte keys cost a capture less than a
    // btree of the whole 90-character IDs, or a GIN of a one-element array (epcis bench).
    index('epcis_events_event_id').using('hash', t.eventId),
    index('epcis_events_other_event_ids').using('gin', t.otherEventIds).where(sql`${t.otherEventIds} <> '{}'::text[]`),
    // No index on region_code: a jurisdiction is a range of codes, a filter on the rows other conditions find (an index
    // on it joined a MATCH_anyEPC bitmap with the whole province's: 300,000 entries read for one event, epcis bench).
    index('epcis_events_event_time').on(t.eventTime),
    index('epcis_events_record_time').on(t.recordTime),
    index('epcis_events_biz_step').on(t.bizStep),
    // One GIN per identifier kind: MATCH_epc and MATCH_epcClass look in the any_ column's index (epcs ⊆ any_epcs,
    // epc_classes ⊆ any_epc_classes) and check their own column on the rows found. Each GIN costs a capture about as
    // much as writing the row (epcis bench); nothing reads events by capture_id, so it has none. Events with no EPC
    // (or no class) are left out (queries say `<> '{}'`), and entries go straight into the tree (fastupdate off):
    // the pending list wrote each entry twice to the WAL and every query read it until a vacuum merged it.
    index('epcis_events_any_epcs').using('gin', t.anyEpcs).with({ fastupdate: false }).where(sql`${t.anyEpcs} <> '{}'::text[]`),
    index('epcis_events_any_epc_classes').using('gin', t.anyEpcClasses).with({ fastupdate: false }).where(sql`${t.anyEpcClasses} <> '{}'::text[]`),
    // Only Tracenet's own events have a source key: captured ones are not in this index at all.
    uniqueIndex('epcis_events_source_key').on(t.sourceKey).where(sql`${t.sourceKey} IS NOT NULL`),
    // Most events name no Tracenet lot: only those that do are indexed (queries say `trace_codes <> '{}'`).
    index('epcis_events_trace_codes').using('gin', t.traceCodes).where(sql`${t.traceCodes} <> '{}'::text[]`),
    check('epcis_events_origin', sql`${t.origin} IN ('captured', 'tracenet')`),
    check('epcis_events_owner_kind', sql`${t.ownerKind} IN ('agency', 'subject')`),
  ],
);

/**
 * A capture job (EPCIS 2.0 §8.2.3 "capture/{captureID}"): the document is checked and stored in the request's own
 * transaction, and this row, written in that transaction, keeps what became of it for `GET /capture/{captureID}`.
 */
export const epcisCaptures = pgTable(
  'epcis_captures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: varchar('owner_kind', { length: 8 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    userId: uuid('user_id').notNull(),
    state: varchar('state', { length: 8 }).notNull(),
    errorBehaviour: varchar('error_behaviour', { length: 8 }).notNull(),
    eventCount: integer('event_count').notNull(),
    storedCount: integer('stored_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    index('epcis_captures_owner').on(t.ownerKind, t.ownerId, t.createdAt),
    index('epcis_captures_region').on(t.regionCode, t.createdAt),
    check('epcis_captures_state', sql`${t.state} IN ('running', 'success', 'failed')`),
    check('epcis_captures_behaviour', sql`${t.errorBehaviour} IN ('rollback', 'proceed')`),
  ],
);

/**
 * A named query (EPCIS 2.0 §8.2.7, `POST /queries`): a SimpleEventQuery's parameters saved under a name by an
 * organisation; `GET /queries/{name}/events` runs it with the reader's rights.
 */
export const epcisQueries = pgTable(
  'epcis_queries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: varchar('owner_kind', { length: 8 }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** The query parameters as sent (name to value or list of values). */
    query: jsonb('query').$type<Record<string, string | string[]>>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('epcis_queries_name').on(t.ownerKind, t.ownerId, t.name)],
);

/**
 * A subscription to a named query (EPCIS 2.0 §8.2.7.2): the events it matches, from those recorded after the last
 * delivery, are POSTed to `dest` as an EPCISQueryDocument, on a schedule (query schedule fields, UTC) or as soon as
 * they are recorded (`stream`). Delivered by the `epcis.subscriptions` job; `lastSeq` is the last event sent.
 */
export const epcisSubscriptions = pgTable(
  'epcis_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    queryId: uuid('query_id')
      .notNull()
      .references(() => epcisQueries.id, { onDelete: 'cascade' }),
    dest: text('dest').notNull(),
    signatureToken: text('signature_token'),
    stream: boolean('stream').notNull(),
    schedule: jsonb('schedule').$type<Record<string, string>>(),
    reportIfEmpty: boolean('report_if_empty').notNull().default(false),
    userId: uuid('user_id').notNull(),
    /** Whose rights the query runs with: the subscribing organisation, and an agency's jurisdiction then. */
    reader: jsonb('reader').$type<{ kind: 'agency' | 'subject'; id: string; jurisdiction: string }>().notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    nextRunAt: at('next_run_at'),
    lastDeliveredAt: at('last_delivered_at'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('epcis_subscriptions_query').on(t.queryId), check('epcis_subscriptions_kind', sql`${t.stream} OR ${t.schedule} IS NOT NULL`)],
);

/**
 * GS1 Company Prefixes seen in captured EPC URNs (the URN's first part): what `GS1-EPC-Format: Always_EPC_URN`
 * splits a Digital Link's key with (epc-format.ts). GS1's table of prefix lengths is not held; a prefix is public.
 */
export const epcisCompanyPrefixes = pgTable('epcis_company_prefixes', {
  gcp: varchar('gcp', { length: 12 }).primaryKey(),
  firstSeenAt: at('first_seen_at').notNull().defaultNow(),
});
