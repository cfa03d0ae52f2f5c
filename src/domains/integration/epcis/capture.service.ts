import { eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Tx } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { epcisError } from './errors.js';
import { eventRow, type EventRow } from './event-row.js';
import { ownerOf, type Owner } from './owner.js';
import type { Ids } from './own/identifiers.js';
import { attachTraceCodes } from './own/trace-codes.js';
import { epcisCaptures, epcisEvents } from './schema.js';
import { textArray } from './sql.js';
import { validateDocumentShape, validateEvent, type EventProblem } from './validate.js';

/** Announced by `OPTIONS /capture` (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit); above them 413. */
export const CAPTURE_LIMIT = 10_000;
export const CAPTURE_FILE_SIZE_LIMIT = 16 * 1024 * 1024;
/** Rows per INSERT (one jsonb parameter each). */
const INSERT_CHUNK = 1000;

export type ErrorBehaviour = 'rollback' | 'proceed';
export type CaptureOutcome = { captureId: string; eventCount: number; stored: number; duplicates: number; errors: EventProblem[]; eventIds: string[] };

type Prepared = { index: number; row: EventRow };

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
  const errors: EventProblem[] = [];
  const prepared: Prepared[] = [];
  events.forEach((event, index) => {
    const problems = validateEvent(event, index, context);
    if (problems.length) errors.push(...problems);
    else prepared.push({ index, row: eventRow(event as Record<string, unknown>, context) });
  });
  if (errors.length && behaviour === 'rollback') throw epcisError('EPCIS_VALIDATION', { problems: errors.slice(0, 100), problemCount: errors.length });

  return withTransaction(db, ctx, async (tx) => {
    await attachTraceCodes(tx, ids, prepared.map((p) => p.row));
    const [capture] = await tx
      .insert(epcisCaptures)
      .values({ ownerKind: owner.kind, ownerId: owner.id, regionCode: owner.regionCode, userId: ctx.actor!.userId, state: 'running', errorBehaviour: behaviour, eventCount: events.length, storedCount: 0, duplicateCount: 0 })
      .returning({ id: epcisCaptures.id });
    const captureId = capture!.id;
    const stored = await insertEvents(tx, owner, captureId, prepared);
    const duplicates = prepared.length - stored;
    await tx
      .update(epcisCaptures)
      .set({ state: errors.length ? 'failed' : 'success', storedCount: stored, duplicateCount: duplicates, errors, finishedAt: new Date() })
      .where(eq(epcisCaptures.id, captureId));
    await recordAudit(tx, ctx, {
      action: 'epcis.capture',
      targetType: 'epcis_capture',
      targetId: captureId,
      regionCode: owner.regionCode,
      after: { events: events.length, stored, duplicates, refused: errors.length, errorBehaviour: behaviour },
    });
    return { captureId, eventCount: events.length, stored, duplicates, errors, eventIds: prepared.map((p) => p.row.eventId) };
  });
}

/**
 * Inserts the events, skipping those the owner holds already (same hash, both or neither an error declaration); a
 * skipped one sent under another eventID adds that eventID to the stored event's. Returns how many were stored.
 */
async function insertEvents(tx: Tx, owner: Owner, captureId: string, prepared: Prepared[]): Promise<number> {
  let stored = 0;
  const skipped: EventRow[] = [];
  for (let i = 0; i < prepared.length; i += INSERT_CHUNK) {
    const chunk = prepared.slice(i, i + INSERT_CHUNK);
    const inserted = await insertChunk(tx, owner, captureId, chunk.map((p) => p.row));
    stored += inserted.length;
    const done = new Set(inserted.map((r) => `${r.eventHash} ${r.errorDeclared}`));
    // The first of a document's copies of an event is the one stored; the others are duplicates like later captures.
    for (const p of chunk) {
      const key = `${p.row.eventHash} ${p.row.errorDeclared}`;
      if (done.has(key)) done.delete(key);
      else skipped.push(p.row);
    }
  }
  if (skipped.length) {
    const e = epcisEvents;
    await tx.execute(sql`
      UPDATE ${e} SET event_ids = ${e.eventIds} || ARRAY[v.id]
      FROM unnest(${textArray(skipped.map((r) => r.eventHash))}, ${textArray(skipped.map((r) => r.eventId))}, ${sql`ARRAY[${sql.join(skipped.map((r) => sql`${r.errorDeclared ?? false}`), sql`, `)}]::boolean[]`}) AS v(h, id, err)
      WHERE ${e.ownerKind} = ${owner.kind} AND ${e.ownerId} = ${owner.id} AND ${e.eventHash} = v.h AND ${e.errorDeclared} = v.err AND NOT (${e.eventIds} @> ARRAY[v.id])`);
  }
  return stored;
}

/**
 * One INSERT of a chunk as a single jsonb parameter unpacked by `jsonb_to_recordset`: a thousand rows of twenty-odd
 * columns as bound parameters cost the driver more than the database (the epcis bench measured about 4× a COPY of
 * the same rows that way). Rows go in the order given, so of two copies of an event in one chunk the first is stored.
 */
async function insertChunk(tx: Tx, owner: Owner, captureId: string, rows: EventRow[]): Promise<{ eventHash: string; errorDeclared: boolean }[]> {
  const payload = rows.map((r) => ({
    event_id: r.eventId,
    event_ids: r.eventIds,
    event_hash: r.eventHash,
    event_type: r.eventType,
    event_time: r.eventTime.toISOString(),
    action: r.action ?? null,
    biz_step: r.bizStep ?? null,
    disposition: r.disposition ?? null,
    read_point: r.readPoint ?? null,
    biz_location: r.bizLocation ?? null,
    epcs: r.epcs ?? [],
    any_epcs: r.anyEpcs ?? [],
    epc_classes: r.epcClasses ?? [],
    any_epc_classes: r.anyEpcClasses ?? [],
    error_declared: r.errorDeclared ?? false,
    document: r.document,
    namespaces: r.namespaces ?? {},
    trace_codes: r.traceCodes ?? [],
  }));
  return queryRows<{ eventHash: string; errorDeclared: boolean }>(
    tx,
    sql`INSERT INTO epcis_events (event_id, event_ids, event_hash, owner_kind, owner_id, region_code, capture_id, event_type, event_time, action, biz_step, disposition,
                                  read_point, biz_location, epcs, any_epcs, epc_classes, any_epc_classes, error_declared, document, namespaces, trace_codes)
        SELECT r.event_id, r.event_ids, r.event_hash, ${owner.kind}, ${owner.id}::uuid, ${owner.regionCode}, ${captureId}::uuid, r.event_type, r.event_time, r.action, r.biz_step, r.disposition,
               r.read_point, r.biz_location, r.epcs, r.any_epcs, r.epc_classes, r.any_epc_classes, r.error_declared, r.document, r.namespaces, r.trace_codes
        FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS r(event_id text, event_ids text[], event_hash text, event_type text, event_time timestamptz, action text,
             biz_step text, disposition text, read_point text, biz_location text, epcs text[], any_epcs text[], epc_classes text[], any_epc_classes text[], error_declared boolean,
             document jsonb, namespaces jsonb, trace_codes text[])
        ON CONFLICT DO NOTHING
        RETURNING event_hash AS "eventHash", error_declared AS "errorDeclared"`,
  );
}
