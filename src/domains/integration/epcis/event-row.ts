import { canonicalVocabularyValue } from './cbv.js';
import { canonicalIdentifier } from './epc-digital-link.js';
import { eventHash } from './event-hash.js';
import type { epcisEvents } from './schema.js';
import { eventPrefixes } from './validate.js';

type Event = Record<string, unknown>;
export type EventRow = Omit<typeof epcisEvents.$inferInsert, 'ownerKind' | 'ownerId' | 'regionCode' | 'captureId' | 'origin' | 'sourceKey'>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const classes = (v: unknown): string[] => (Array.isArray(v) ? v.map((q: { epcClass?: unknown }) => q?.epcClass).filter((x): x is string => typeof x === 'string') : []);

/** An identifier as given and as its canonical Digital Link, so a URN query finds a Digital Link capture and back. */
function bothForms(ids: string[]): string[] {
  return [...new Set(ids.flatMap((id) => [id, canonicalIdentifier(id)]))];
}

/**
 * A valid event as the row it is stored in: its CBV 2.0 hash, the eventID it has or gets (the hash, CBV 2.0 §8.9),
 * and the columns of the query parameters. The stored document is the event as captured, less the recordTime a
 * client may not set (EPCIS 2.0 §7.4.1: the repository records it), with the eventID it was given.
 */
export function eventRow(event: Event, documentContext: unknown): EventRow {
  const prefixes = eventPrefixes(documentContext, event);
  const hash = eventHash(event, prefixes);
  const { recordTime: _ignored, ...document } = event;
  void _ignored;
  const eventId = typeof event.eventID === 'string' ? event.eventID : hash;
  // When an event has no identifiers beyond the MATCH_epc ones, the MATCH_anyEPC column is the same array (the
  // capture sends it once).
  const ownEpcs = [...strings(event.epcList), ...strings(event.childEPCs)];
  const otherEpcs = [...strings(event.parentID), ...strings(event.inputEPCList), ...strings(event.outputEPCList)];
  const ownClasses = [...classes(event.quantityList), ...classes(event.childQuantityList)];
  const otherClasses = [...classes(event.inputQuantityList), ...classes(event.outputQuantityList)];
  const epcs = bothForms(ownEpcs);
  const epcClasses = bothForms(ownClasses);
  const location = (v: unknown) => (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);
  return {
    eventId,
    eventIds: [eventId],
    eventHash: hash,
    eventType: String(event.type),
    eventTime: new Date(String(event.eventTime)),
    action: typeof event.action === 'string' ? event.action : null,
    bizStep: typeof event.bizStep === 'string' ? canonicalVocabularyValue('bizStep', event.bizStep) : null,
    disposition: typeof event.disposition === 'string' ? canonicalVocabularyValue('disposition', event.disposition) : null,
    readPoint: location(event.readPoint),
    bizLocation: location(event.bizLocation),
    epcs,
    anyEpcs: otherEpcs.length ? bothForms([...ownEpcs, ...otherEpcs]) : epcs,
    epcClasses,
    anyEpcClasses: otherClasses.length ? bothForms([...ownClasses, ...otherClasses]) : epcClasses,
    errorDeclared: event.errorDeclaration !== undefined,
    document: { ...document, eventID: eventId },
    namespaces: Object.fromEntries(prefixes),
  };
}
