import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Tx } from '../../../platform/db/client.js';
import { COPY_NULL, CopyIn, copyText, copyTextArray } from '../../../platform/db/copy.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import type { DocumentEvents } from './document-events.js';
import { addCompanyPrefixes } from './epc-prefixes.queries.js';
import { eventRow, type EventRow } from './event-row.js';
import type { Owner } from './owner.js';
import type { Ids } from './own/identifiers.js';
import { attachTraceCodes, tracenetReferences } from './own/trace-codes.js';

/**
 * Events per piece of the COPY: PostgreSQL stores one piece while JavaScript checks and hashes the next, so both
 * cores work; small enough that the last piece, which nothing overlaps, is short. The first piece is smaller still:
 * the database waits for it with nothing to do.
 */
const COPY_PIECE = 100;
const FIRST_PIECE = 20;

const COLUMNS = [
  'event_id', 'event_hash', 'owner_kind', 'owner_id', 'region_code', 'capture_id', 'event_type', 'event_time', 'action',
  'biz_step', 'disposition', 'read_point', 'biz_location', 'epcs', 'any_epcs', 'epc_classes', 'any_epc_classes', 'error_declared',
  'document', 'namespaces', 'trace_codes',
];
const COPY_EVENTS = `COPY epcis_events (${COLUMNS.join(', ')}) FROM STDIN`;

/** The rows of the valid events (document order), how many were stored, the copies skipped, the URNs' company prefixes. */
export type Copied = { rows: EventRow[]; stored: number; skipped: EventRow[]; gcps: Set<string> };

const nullable = (v: string | null | undefined) => (v === null || v === undefined ? COPY_NULL : copyText(v));

/** The namespaces of a document's events are one object: written out once. */
const namespacesText = new WeakMap<object, string>();
function namespacesField(ns: Record<string, string> | undefined): string {
  if (!ns) return '{}';
  let text = namespacesText.get(ns);
  if (text === undefined) namespacesText.set(ns, (text = copyText(JSON.stringify(ns))));
  return text;
}

/** A row as a COPY text line; `fixed` is the owner and capture fields every row of the capture shares. */
function copyLine(r: EventRow, fixed: string): string {
  return (
    copyText(r.eventId) + '\t' + copyText(r.eventHash) + fixed + copyText(r.eventType) + '\t' +
    r.eventTime.toISOString() + '\t' + nullable(r.action) + '\t' + nullable(r.bizStep) + '\t' + nullable(r.disposition) + '\t' +
    nullable(r.readPoint) + '\t' + nullable(r.bizLocation) + '\t' + copyTextArray(r.epcs) + '\t' + copyTextArray(r.anyEpcs) + '\t' +
    copyTextArray(r.epcClasses) + '\t' + copyTextArray(r.anyEpcClasses) + '\t' + (r.errorDeclared ? 't' : 'f') + '\t' +
    copyText(JSON.stringify(r.document)) + '\t' + namespacesField(r.namespaces) + '\t' + copyTextArray(r.traceCodes) + '\n'
  );
}

/**
 * PostgreSQL's capture path: the valid events' rows streamed into epcis_events by COPY a piece at a time, each piece
 * checked and its CBV 2.0 hashes computed while the database stores the previous piece. COPY has no ON CONFLICT, so
 * it runs under a savepoint: an event the owner holds already (a document sent again, or the same event captured
 * meanwhile by a concurrent request) makes it fail with a unique violation, and then everything it wrote is rolled
 * back and null answered, for the caller to store the events by INSERT … ON CONFLICT instead. Copies of one event
 * inside the document are told apart here: the first is stored, the others are answered as skipped. With
 * `stopAtRefusal` the first invalid event ends the COPY and 'refused' is answered (the caller rolls back).
 */
export async function copyEvents(tx: Tx, connection: pg.ClientBase, ids: Ids, owner: Owner, captureId: string, doc: DocumentEvents, stopAtRefusal: boolean): Promise<Copied | 'refused' | null> {
  const fixed = `\t${copyText(owner.kind)}\t${copyText(owner.id)}\t${copyText(owner.regionCode)}\t${copyText(captureId)}\t`;
  const rows: EventRow[] = [];
  const skipped: EventRow[] = [];
  const gcps = new Set<string>();
  const kept = new Set<string>();
  let stored = 0;
  // Sent at once and awaited before the COPY: its round trip overlaps the first piece's hashing.
  const savepoint = tx.execute(sql`SAVEPOINT epcis_copy`).then(() => undefined);
  savepoint.catch(() => undefined);
  let copy: CopyIn | null = null;
  let failure: Error | null = null;
  let refused = false;
  for (let i = 0; i < doc.length && !failure && !refused; ) {
    const end = Math.min(doc.length, i + (i === 0 ? FIRST_PIECE : COPY_PIECE));
    const piece: EventRow[] = [];
    for (; i < end; i++) {
      const event = doc.valid(i);
      if (event) {
        const row = eventRow(event, doc.context);
        addCompanyPrefixes(gcps, event, row);
        piece.push(row);
      } else if (stopAtRefusal) {
        refused = true;
        break;
      }
    }
    if (refused) break;
    if (!copy) await savepoint;
    // Filing events under Tracenet lots reads the lots: the connection is the COPY's until it ends.
    const references = tracenetReferences(ids, piece);
    if (references) {
      failure = (await copy?.end()) ?? null;
      copy = null;
      if (failure) break;
      await attachTraceCodes(tx, ids, piece, references);
    }
    let lines = '';
    for (const r of piece) {
      rows.push(r);
      const key = `${r.eventHash} ${r.errorDeclared}`;
      if (kept.has(key)) skipped.push(r);
      else {
        kept.add(key);
        lines += copyLine(r, fixed);
        stored++;
      }
    }
    copy ??= new CopyIn(connection, COPY_EVENTS);
    await copy.write(lines);
    failure = copy.failed;
  }
  await savepoint;
  failure ??= (await copy?.end()) ?? null;
  if (refused && !failure) return 'refused';
  if (!failure) return { rows, stored, skipped, gcps };
  await tx.execute(sql`ROLLBACK TO SAVEPOINT epcis_copy`);
  if (pgErrorCode(failure) === '23505' && (failure as { constraint?: string }).constraint === 'epcis_events_owner_hash') return null;
  throw failure;
}
