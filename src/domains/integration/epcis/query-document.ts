/**
 * Stored events as an EPCISQueryDocument (EPCIS 2.0 §9, JSON/JSON-LD binding): the standard context plus the namespace
 * prefixes the events were captured with; each event as captured with its recordTime. An event whose prefix means
 * another namespace than an earlier event's in the same answer keeps its own prefixes in an event-level @context.
 */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';

type Stored = { document: Record<string, unknown>; namespaces: Record<string, string>; recordTime: Date };

export function withRecordTime(e: Stored): Record<string, unknown> {
  return { ...e.document, recordTime: e.recordTime.toISOString() };
}

export function queryDocument(events: Stored[], queryName = 'SimpleEventQuery', format: (e: Record<string, unknown>) => Record<string, unknown> = (e) => e) {
  const prefixes: Record<string, string> = {};
  const eventList = events.map((e) => {
    const clash = Object.entries(e.namespaces).some(([p, iri]) => prefixes[p] !== undefined && prefixes[p] !== iri);
    if (!clash) {
      for (const [p, iri] of Object.entries(e.namespaces)) prefixes[p] = iri;
      return format(withRecordTime(e));
    }
    const own = e.document['@context'];
    return { ...format(withRecordTime(e)), '@context': [...(Array.isArray(own) ? own : own === undefined ? [] : [own]), e.namespaces] };
  });
  return {
    '@context': Object.keys(prefixes).length ? [EPCIS_CONTEXT, prefixes] : [EPCIS_CONTEXT],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { queryResults: { queryName, resultsBody: { eventList } } },
  };
}
