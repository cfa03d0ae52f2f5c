import { canonicalVocabularyValue } from './cbv.js';
import { canonicalIdentifier } from './epc-digital-link.js';
import { eventHash } from './event-hash.js';
import type { epcisEvents } from './schema.js';
import { eventPrefixes } from './validate.js';

type Event = Record<string, unknown>;
export type EventRow = Omit<typeof epcisEvents.$inferInsert, 'ownerKind' | 'ownerId' | 'regionCode' | 'captureId' | 'origin' | 'sourceKey'>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const classes = (v: unknown): string[] => (Array.isArray(v) ? v.map((q: { epcClass?: unknown }) => q?.epcClass).filter((x): x is string => typeof x === 'string') : []);

/**
 * Identifiers as the query columns hold them: each in its canonical form (a URN as its Digital Link), once. A query
 * asks with both forms of each value it names (query.params.ts), so one stored form finds a URN capture by its
 * Digital Link and back, with one GIN entry per identifier instead of two.
 */
function canonicalForms(ids: string[]): string[] {
  // An event names a handful of identifiers: a list searched beats a Set built for each (the capture's hot path).
  const out: string[] = [];
  for (const id of ids) {
    const canonical = canonicalIdentifier(id);
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/** An event's identifiers as given: its own EPCs and classes (MATCH_epc, MATCH_epcClass) and the others. */
export function eventIdentifiers(event: Event) {
  return {
    ownEpcs: [...strings(event.epcList), ...strings(event.childEPCs)],
    otherEpcs: [...strings(event.parentID), ...strings(event.inputEPCList), ...strings(event.outputEPCList)],
    ownClasses: [...classes(event.quantityList), ...classes(event.childQuantityList)],
    otherClasses: [...classes(event.inputQuantityList), ...classes(event.outputQuantityList)],
  };
}

/** The namespaces of a prefix map as an object, made once per map (a document's events share their map). */
const namespacesOf = new WeakMap<ReadonlyMap<string, string>, Record<string, string>>();
function namespaces(prefixes: ReadonlyMap<string, string>): Record<string, string> {
  let out = namespacesOf.get(prefixes);
  if (!out) namespacesOf.set(prefixes, (out = Object.fromEntries(prefixes)));
  return out;
}

const location = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);

/**
 * A valid event as the row it is stored in: its CBV 2.0 hash, the eventID it has or gets (the hash, CBV 2.0 §8.9),
 * and the columns of the query parameters. The stored document is the event as captured, less the recordTime a
 * client may not set (EPCIS 2.0 §7.4.1: the repository records it), with the eventID it was given.
 */
export function eventRow(event: Event, documentContext: unknown): EventRow {
  const prefixes = eventPrefixes(documentContext, event);
  const hash = eventHash(event, prefixes);
  const eventId = typeof event.eventID === 'string' ? event.eventID : hash;
  // A copy field by field: an object rest (`{ recordTime, ...document }`) cost more than the hash itself.
  const document: Event = {};
  // (`__proto__` would set the copy's prototype; validation refuses such a key anyway.)
  for (const k of Object.keys(event)) if (k !== 'recordTime' && k !== '__proto__') document[k] = event[k];
  document.eventID = eventId;
  // When an event has no identifiers beyond the MATCH_epc ones, the MATCH_anyEPC column is the same array (the
  // capture sends it once).
  const { ownEpcs, otherEpcs, ownClasses, otherClasses } = eventIdentifiers(event);
  const epcs = canonicalForms(ownEpcs);
  const epcClasses = canonicalForms(ownClasses);
  return {
    eventId,
    eventHash: hash,
    eventType: String(event.type),
    eventTime: new Date(String(event.eventTime)),
    action: typeof event.action === 'string' ? event.action : null,
    bizStep: typeof event.bizStep === 'string' ? canonicalVocabularyValue('bizStep', event.bizStep) : null,
    disposition: typeof event.disposition === 'string' ? canonicalVocabularyValue('disposition', event.disposition) : null,
    readPoint: location(event.readPoint),
    bizLocation: location(event.bizLocation),
    epcs,
    anyEpcs: otherEpcs.length ? canonicalForms([...ownEpcs, ...otherEpcs]) : epcs,
    epcClasses,
    anyEpcClasses: otherClasses.length ? canonicalForms([...ownClasses, ...otherClasses]) : epcClasses,
    errorDeclared: event.errorDeclaration !== undefined,
    document,
    namespaces: namespaces(prefixes),
  };
}
