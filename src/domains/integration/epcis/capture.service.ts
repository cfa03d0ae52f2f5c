import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Tx } from '../../../platform/db/client.js';
import { copyConnectionOf } from '../../../platform/db/copy.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { copyEvents } from './capture.copy.js';
import { DocumentEvents } from './document-events.js';
import { addCompanyPrefixes, withCompanyPrefixes } from './epc-prefixes.queries.js';
import { epcisError } from './errors.js';
import { eventRow, type EventRow } from './event-row.js';
import { ownerOf, type Owner } from './owner.js';
import type { Ids } from './own/identifiers.js';
import { attachTraceCodes } from './own/trace-codes.js';
import { epcisCaptures, epcisEvents } from './schema.js';
import { textArray } from './sql.js';
import { validateDocumentShape, type EventProblem } from './validate.js';

/** Announced by `OPTIONS /capture` (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit); above them 413. */
export const CAPTURE_LIMIT = 10_000;
export const CAPTURE_FILE_SIZE_LIMIT = 16 * 1024 * 1024;
/**
 * Events per INSERT. Small enough that the database writes one chunk while JavaScript hashes the next (two cores
 * busy, not one after the other), large enough that a statement's fixed cost is spread (epcis bench: 250).
 */
const INSERT_CHUNK = 250;

export type ErrorBehaviour = 'rollback' | 'proceed';
export type CaptureOutcome = { captureId: string; eventCount: number; stored: number; duplicates: number; errors: EventProblem[]; eventIds: string[] };

/**
 * Captures an EPCISDocument for the actor's organisation, in one transaction with its job row and audit entry.
 * `rollback` stores nothing unless every event is valid (400 naming each problem); `proceed` stores the valid events
 * and lists the others on the job. A second capture of an event (same CBV 2.0 hash) is counted, not stored again.
 */
export async function captureDocument(db: Db, ctx: CommandContext, doc: unknown, behaviour: ErrorBehaviour, ids: Ids): Promise<CaptureOutcome> {
  const shape = validateDocumentShape(doc);
  if (shape.length) throw epcisError('EPCIS_VALIDATION', { problems: shape });
  const d = doc as { '@context': unknown; epcisBody: { eventList: unknown[] } };
  const events = d.epcisBody.eventList;
  if (events.length > CAPTURE_LIMIT) throw epcisError('EPCIS_CAPTURE_LIMIT', { limit: CAPTURE_LIMIT, events: events.length });
  return captureEvents(db, ctx, events, d['@context'], behaviour, ids);
}

/** One event sent alone (`POST /events`): valid or refused, never partly. */
export async function captureSingleEvent(db: Db, ctx: CommandContext, event: unknown, ids: Ids): Promise<CaptureOutcome> {
  return captureEvents(db, ctx, [event], undefined, 'rollback', ids);
}

async function captureEvents(db: Db, ctx: CommandContext, events: unknown[], context: unknown, behaviour: ErrorBehaviour, ids: Ids): Promise<CaptureOutcome> {
  const owner = ownerOf(ctx.actor!);
  return withTransaction(db, ctx, async (tx) => {
    const doc = new DocumentEvents(events, context);
    const captureId = randomUUID();
    const inserted = await insertEvents(tx, ids, owner, captureId, doc, behaviour);
    const errors = doc.problems();
    // Thrown inside the transaction: under `rollback` a refused event undoes what the COPY had stored before it.
    if (!inserted || (errors.length && behaviour === 'rollback')) throw epcisError('EPCIS_VALIDATION', { problems: errors.slice(0, 100), problemCount: errors.length });
    const { stored, eventIds, gcps } = inserted;
    const duplicates = eventIds.length - stored;
    // The job row is written last, with its outcome (one statement, not an insert and an update), and the company
    // prefixes of the URNs captured ride with it.
    const job = tx.insert(epcisCaptures).values({
      id: captureId,
      ownerKind: owner.kind,
      ownerId: owner.id,
      regionCode: owner.regionCode,
      userId: ctx.actor!.userId,
      state: errors.length ? 'failed' : 'success',
      errorBehaviour: behaviour,
      eventCount: events.length,
      storedCount: stored,
      duplicateCount: duplicates,
      errors,
      finishedAt: new Date(),
    });
    await tx.execute(withCompanyPrefixes(gcps, job.getSQL()));
    await recordAudit(tx, ctx, {
      action: 'epcis.capture',
      targetType: 'epcis_capture',
      targetId: captureId,
      regionCode: owner.regionCode,
      after: { events: events.length, stored, duplicates, refused: errors.length, errorBehaviour: behaviour },
    });
    return { captureId, eventCount: events.length, stored, duplicates, errors, eventIds };
  });
}

/** Below this many events a capture is INSERT statements: a COPY's savepoint and round trips cost more than it saves. */
const COPY_FROM_EVENTS = 50;

/**
 * Stores the valid events, skipping those the owner holds already (same hash, both or neither an error declaration);
 * a skipped one sent under another eventID adds that eventID to the stored event's. On PostgreSQL a document goes in
 * by COPY (capture.copy.ts), checked as it goes; on PGlite, for a few events, or when the COPY met an event stored
 * before, the events are checked first and stored by INSERT … ON CONFLICT statements. Returns how many were stored,
 * the eventIDs of the valid events in the document's order and the URNs' company prefixes; null when `rollback`
 * met an invalid event (nothing stays stored).
 */
async function insertEvents(tx: Tx, ids: Ids, owner: Owner, captureId: string, doc: DocumentEvents, behaviour: ErrorBehaviour) {
  const rollback = behaviour === 'rollback';
  const connection = doc.length >= COPY_FROM_EVENTS ? copyConnectionOf(tx) : undefined;
  const copied = connection ? await copyEvents(tx, connection, ids, owner, captureId, doc, rollback) : null;
  if (copied === 'refused') return null;
  let result = copied;
  if (!result) {
    const valid = doc.allValid();
    if (rollback && doc.refused) return null;
    const byStatements = await insertByStatements(tx, ids, owner, captureId, valid, doc.context);
    const gcps = new Set<string>();
    byStatements.rows.forEach((row, i) => addCompanyPrefixes(gcps, valid[i]!, row));
    result = { ...byStatements, gcps };
  }
  const { rows, stored, skipped, gcps } = result;
  if (skipped.length) {
    const e = epcisEvents;
    await tx.execute(sql`
      UPDATE ${e} SET other_event_ids = ${e.otherEventIds} || ARRAY[v.id]
      FROM unnest(${textArray(skipped.map((r) => r.eventHash))}, ${textArray(skipped.map((r) => r.eventId))}, ${sql`ARRAY[${sql.join(skipped.map((r) => sql`${r.errorDeclared ?? false}`), sql`, `)}]::boolean[]`}) AS v(h, id, err)
      WHERE ${e.ownerKind} = ${owner.kind} AND ${e.ownerId} = ${owner.id} AND ${e.eventHash} = v.h AND ${e.errorDeclared} = v.err
        AND ${e.eventId} <> v.id AND NOT (${e.otherEventIds} @> ARRAY[v.id])`);
  }
  return { stored, eventIds: rows.map((r) => r.eventId), gcps };
}

/** Lets a query just issued reach the database before the CPU is taken up again (its promise chain runs first). */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The events a chunk at a time, each `INSERT … ON CONFLICT DO NOTHING`. The rows of a chunk (CBV 2.0 hash, query
 * columns) are made while the previous chunk's INSERT runs; one statement at a time is in flight, so a transaction on
 * a single connection (PGlite too) sees them in order.
 */
async function insertByStatements(tx: Tx, ids: Ids, owner: Owner, captureId: string, events: Record<string, unknown>[], context: unknown) {
  let stored = 0;
  const skipped: EventRow[] = [];
  const rows: EventRow[] = [];
  let pending: { rows: EventRow[]; inserted: Promise<Inserted[]> } | null = null;
  const settle = async (p: NonNullable<typeof pending>) => {
    const inserted = await p.inserted;
    stored += inserted.length;
    const done = new Set(inserted.map((r) => `${r.eventHash} ${r.errorDeclared}`));
    // The first of a document's copies of an event is the one stored; the others are duplicates like later captures.
    for (const row of p.rows) {
      const key = `${row.eventHash} ${row.errorDeclared}`;
      if (done.has(key)) done.delete(key);
      else skipped.push(row);
    }
  };
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    const chunk = events.slice(i, i + INSERT_CHUNK).map((event) => eventRow(event, context));
    rows.push(...chunk);
    let payload = chunkPayload(chunk);
    if (pending) await settle(pending);
    pending = null;
    if (await attachTraceCodes(tx, ids, chunk)) payload = chunkPayload(chunk);
    const inserted = insertChunk(tx, owner, captureId, payload);
    // Handled here so a failure arriving before settle awaits it is not an unhandled rejection; settle still throws it
    // (and if the loop fails first, the transaction's rollback is that same failure).
    inserted.catch(() => undefined);
    pending = { rows: chunk, inserted };
    await yieldToIo();
  }
  if (pending) await settle(pending);
  return { rows, stored, skipped };
}

type Inserted = { eventHash: string; errorDeclared: boolean };

/**
 * A chunk's rows as one JSON text. What the database can derive is left out: event_id when it is the hash, any_epcs
 * and any_epc_classes when they are the epcs and classes (eventRow shares the array then).
 */
function chunkPayload(rows: EventRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({
      event_id: r.eventId === r.eventHash ? undefined : r.eventId,
      event_hash: r.eventHash,
      event_type: r.eventType,
      event_time: r.eventTime.toISOString(),
      action: r.action ?? undefined,
      biz_step: r.bizStep ?? undefined,
      disposition: r.disposition ?? undefined,
      read_point: r.readPoint ?? undefined,
      biz_location: r.bizLocation ?? undefined,
      epcs: r.epcs?.length ? r.epcs : undefined,
      any_epcs: r.anyEpcs === r.epcs || !r.anyEpcs?.length ? undefined : r.anyEpcs,
      epc_classes: r.epcClasses?.length ? r.epcClasses : undefined,
      any_epc_classes: r.anyEpcClasses === r.epcClasses || !r.anyEpcClasses?.length ? undefined : r.anyEpcClasses,
      error_declared: r.errorDeclared || undefined,
      document: r.document,
      namespaces: r.namespaces && Object.keys(r.namespaces).length ? r.namespaces : undefined,
      trace_codes: r.traceCodes?.length ? r.traceCodes : undefined,
    })),
  );
}

/**
 * One INSERT of a chunk as a single json parameter unpacked by `json_to_recordset`: a thousand rows of twenty-odd
 * columns as bound parameters cost the driver more than the database (the epcis bench measured about 4× a COPY of
 * the same rows that way), and json (not jsonb) is parsed once, field by field, instead of built whole and taken
 * apart again. Rows go in the order given, so of two copies of an event in one chunk the first is stored.
 */
async function insertChunk(tx: Tx, owner: Owner, captureId: string, payload: string): Promise<Inserted[]> {
  return queryRows<Inserted>(
    tx,
    sql`INSERT INTO epcis_events (event_id, event_hash, owner_kind, owner_id, region_code, capture_id, event_type, event_time, action, biz_step, disposition,
                                  read_point, biz_location, epcs, any_epcs, epc_classes, any_epc_classes, error_declared, document, namespaces, trace_codes)
        SELECT coalesce(r.event_id, r.event_hash), r.event_hash, ${owner.kind}, ${owner.id}::uuid, ${owner.regionCode}, ${captureId}::uuid,
               r.event_type, r.event_time, r.action, r.biz_step, r.disposition, r.read_point, r.biz_location,
               coalesce(r.epcs, '{}'), coalesce(r.any_epcs, r.epcs, '{}'), coalesce(r.epc_classes, '{}'), coalesce(r.any_epc_classes, r.epc_classes, '{}'),
               coalesce(r.error_declared, false), r.document, coalesce(r.namespaces, '{}'), coalesce(r.trace_codes, '{}')
        FROM json_to_recordset(${payload}::json) AS r(event_id text, event_hash text, event_type text, event_time timestamptz, action text, biz_step text, disposition text,
             read_point text, biz_location text, epcs text[], any_epcs text[], epc_classes text[], any_epc_classes text[], error_declared boolean,
             document jsonb, namespaces jsonb, trace_codes text[])
        ON CONFLICT DO NOTHING
        RETURNING event_hash AS "eventHash", error_declared AS "errorDeclared"`,
  );
}
