import { cbvWord, isUri, type Vocabulary } from './cbv.js';

/**
 * EPCIS 2.0.1 (§7, and the JSON schema of its JSON/JSON-LD binding) and CBV 2.0 rules an event must meet. Each problem
 * names the event (its place in the list, and its eventID when it has one) and the field, as the problem+json
 * refusal reports them.
 */
export type EventProblem = { event: number; eventID?: string; field: string; reason: string };

export const EVENT_TYPES = ['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
const ACTIONS = new Set(['ADD', 'OBSERVE', 'DELETE']);

const COMMON = [
  '@context', 'type', 'eventTime', 'eventTimeZoneOffset', 'recordTime', 'eventID', 'errorDeclaration', 'certificationInfo',
  'readPoint', 'bizLocation', 'bizStep', 'disposition', 'persistentDisposition', 'bizTransactionList', 'sourceList',
  'destinationList', 'sensorElementList',
];
/** The standard fields of each event type; required ones are checked below. */
const FIELDS: Record<EventType, Set<string>> = {
  ObjectEvent: new Set([...COMMON, 'action', 'epcList', 'quantityList', 'ilmd']),
  AggregationEvent: new Set([...COMMON, 'action', 'parentID', 'childEPCs', 'childQuantityList']),
  TransactionEvent: new Set([...COMMON, 'action', 'parentID', 'epcList', 'quantityList']),
  TransformationEvent: new Set([...COMMON, 'inputEPCList', 'inputQuantityList', 'outputEPCList', 'outputQuantityList', 'transformationID', 'ilmd']),
  AssociationEvent: new Set([...COMMON, 'action', 'parentID', 'childEPCs', 'childQuantityList']),
};
const EPC_LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const QUANTITY_LISTS = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
const SENSOR_METADATA = new Set(['time', 'startTime', 'endTime', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'bizRules']);
const SENSOR_REPORT = new Set([
  'type', 'exception', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod', 'time', 'microorganism', 'chemicalSubstance',
  'value', 'component', 'stringValue', 'booleanValue', 'hexBinaryValue', 'uriValue', 'minValue', 'maxValue', 'meanValue', 'sDev',
  'percRank', 'percValue', 'uom', 'coordinateReferenceSystem',
  // Not in EPCIS 2.0's sensorReport, but sent there by documents of the conformance corpus (sensorMetadata's field).
  'bizRules',
]);
const SENSOR_NUMBERS = ['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue'];

/** Prefixes the standard EPCIS 2.0 JSON-LD context declares (https://ref.gs1.org/standards/epcis/epcis-context.jsonld). */
const STANDARD_PREFIXES = ['epcis', 'cbv', 'cbvmda', 'gs1', 'rdf', 'rdfs', 'owl', 'xsd', 'dcterms', 'sh', 'schema'];

/** xsd:dateTime with a time zone (EPCIS 2.0 §7.3.6: a timestamp carries its offset, or Z). */
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const OFFSET = /^[+-]([01]\d|2[0-3]):[0-5]\d$/;

export const isTimestamp = (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));

/** The namespace prefixes an @context value declares (strings are remote contexts; objects map prefixes to IRIs). */
export function contextPrefixes(context: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const items = Array.isArray(context) ? context : [context];
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [k, v] of Object.entries(item)) if (typeof v === 'string' && !k.startsWith('@')) out.set(k, v);
    }
  }
  return out;
}

type Scope = { declared: { has(prefix: string): boolean }; problems: EventProblem[]; at: { event: number; eventID?: string } };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function report(s: Scope, field: string, reason: string) {
  s.problems.push({ ...s.at, field, reason });
}

/** A user extension key: a declared `prefix:name`, an absolute IRI, or a JSON-LD keyword. */
function extensionKeyOk(s: Scope, key: string): boolean {
  if (key.startsWith('@')) return true;
  const colon = key.indexOf(':');
  if (colon <= 0) return false;
  const prefix = key.slice(0, colon);
  if (prefix === 'http' || prefix === 'https' || prefix === 'urn') return true;
  return s.declared.has(prefix) || STANDARD_PREFIXES.includes(prefix);
}

/**
 * Checks an object's keys: standard ones pass, namespaced ones are extensions, anything else is refused. What lies
 * inside an extension's value is the extension's own (its names resolve against the extension's namespace, as the
 * conformance documents' nested `moreExtensions` do).
 */
function checkKeys(s: Scope, path: string, obj: Record<string, unknown>, standard: ReadonlySet<string>) {
  for (const k of Object.keys(obj)) {
    if (standard.has(k)) continue;
    if (!extensionKeyOk(s, k)) report(s, path ? `${path}.${k}` : k, 'unknown field (a user extension needs a declared namespace prefix)');
  }
}

function checkVocabulary(s: Scope, path: string, vocabulary: Vocabulary, value: unknown) {
  if (typeof value !== 'string') return report(s, path, 'must be a string');
  if (cbvWord(vocabulary, value) === undefined) report(s, path, `neither a CBV 2.0 ${vocabulary} nor a URI outside the CBV namespaces`);
}

function checkUri(s: Scope, path: string, value: unknown) {
  if (typeof value !== 'string' || !isUri(value)) report(s, path, 'must be a URI');
}

function checkTime(s: Scope, path: string, value: unknown) {
  if (!isTimestamp(value)) report(s, path, 'must be a date and time with a time zone offset (ISO 8601)');
}

function checkEpcList(s: Scope, path: string, value: unknown) {
  if (!Array.isArray(value)) return report(s, path, 'must be a list of URIs');
  // The element's path is written only for a refusal: a list of thousands of valid EPCs makes no strings.
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'string' || !isUri(v)) report(s, `${path}[${i}]`, 'must be a URI');
  }
}

const QUANTITY_ELEMENT = new Set(['epcClass', 'quantity', 'uom']);
function checkQuantityList(s: Scope, path: string, value: unknown) {
  if (!Array.isArray(value)) return report(s, path, 'must be a list');
  value.forEach((q, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(q)) return report(s, at, 'must be an object');
    checkKeys(s, at, q, QUANTITY_ELEMENT);
    checkUri(s, `${at}.epcClass`, q.epcClass);
    if (q.quantity !== undefined && (typeof q.quantity !== 'number' || !Number.isFinite(q.quantity) || q.quantity < 0)) report(s, `${at}.quantity`, 'must be a number, not negative');
    if (q.uom !== undefined && (typeof q.uom !== 'string' || !/^[A-Z0-9]{2,3}$/.test(q.uom))) report(s, `${at}.uom`, 'must be a UN/CEFACT Rec. 20 unit code');
    if (q.uom !== undefined && q.quantity === undefined) report(s, `${at}.quantity`, 'is required with uom');
  });
}

const LOCATION = new Set(['id']);
function checkLocation(s: Scope, path: string, value: unknown) {
  if (!isObject(value)) return report(s, path, 'must be an object with an id');
  checkKeys(s, path, value, LOCATION);
  checkUri(s, `${path}.id`, value.id);
}

type TypedKey = 'bizTransaction' | 'source' | 'destination';
const TYPED_ITEM: Record<TypedKey, ReadonlySet<string>> = {
  bizTransaction: new Set(['type', 'bizTransaction']),
  source: new Set(['type', 'source']),
  destination: new Set(['type', 'destination']),
};
function checkTypedList(s: Scope, path: string, value: unknown, valueKey: TypedKey, vocabulary: Vocabulary, typeRequired: boolean) {
  if (!Array.isArray(value)) return report(s, path, 'must be a list');
  const keys = TYPED_ITEM[valueKey];
  value.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(item)) return report(s, at, 'must be an object');
    checkKeys(s, at, item, keys);
    if (item.type !== undefined || typeRequired) checkVocabulary(s, `${at}.type`, vocabulary, item.type);
    checkUri(s, `${at}.${valueKey}`, item[valueKey]);
  });
}

function checkSensorElements(s: Scope, path: string, value: unknown) {
  if (!Array.isArray(value)) return report(s, path, 'must be a list');
  value.forEach((el, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(el)) return report(s, at, 'must be an object');
    checkKeys(s, at, el, new Set(['sensorMetadata', 'sensorReport']));
    if (el.sensorMetadata !== undefined) {
      if (!isObject(el.sensorMetadata)) report(s, `${at}.sensorMetadata`, 'must be an object');
      else {
        checkKeys(s, `${at}.sensorMetadata`, el.sensorMetadata, SENSOR_METADATA);
        for (const t of ['time', 'startTime', 'endTime']) if (el.sensorMetadata[t] !== undefined) checkTime(s, `${at}.sensorMetadata.${t}`, el.sensorMetadata[t]);
      }
    }
    if (!Array.isArray(el.sensorReport)) return report(s, `${at}.sensorReport`, 'is required, a list');
    el.sensorReport.forEach((r, j) => {
      const rat = `${at}.sensorReport[${j}]`;
      if (!isObject(r)) return report(s, rat, 'must be an object');
      checkKeys(s, rat, r, SENSOR_REPORT);
      if (r.time !== undefined) checkTime(s, `${rat}.time`, r.time);
      for (const n of SENSOR_NUMBERS) if (r[n] !== undefined && typeof r[n] !== 'number') report(s, `${rat}.${n}`, 'must be a number');
      if (r.booleanValue !== undefined && typeof r.booleanValue !== 'boolean') report(s, `${rat}.booleanValue`, 'must be true or false');
    });
  });
}

function checkErrorDeclaration(s: Scope, path: string, value: unknown) {
  if (!isObject(value)) return report(s, path, 'must be an object');
  checkKeys(s, path, value, new Set(['declarationTime', 'reason', 'correctiveEventIDs']));
  checkTime(s, `${path}.declarationTime`, value.declarationTime);
  if (value.reason !== undefined) checkVocabulary(s, `${path}.reason`, 'errorReason', value.reason);
  if (value.correctiveEventIDs !== undefined) checkEpcList(s, `${path}.correctiveEventIDs`, value.correctiveEventIDs);
}

/** A document's own prefixes, read once for its thousands of events (the context object is the key). */
const documentPrefixes = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * The namespace prefixes in force for an event: the document's @context and the event's own. An event without its
 * own @context shares the document's map, which callers only read.
 */
export function eventPrefixes(documentContext: unknown, event: Record<string, unknown>): ReadonlyMap<string, string> {
  let inDocument = documentContext !== null && typeof documentContext === 'object' ? documentPrefixes.get(documentContext) : undefined;
  if (!inDocument) {
    inDocument = contextPrefixes(documentContext);
    if (documentContext !== null && typeof documentContext === 'object') documentPrefixes.set(documentContext, inDocument);
  }
  if (event['@context'] === undefined) return inDocument;
  return new Map([...inDocument, ...contextPrefixes(event['@context'])]);
}

/** The problems of one event (none when it is valid). */
export function validateEvent(raw: unknown, index: number, documentContext: unknown): EventProblem[] {
  const problems: EventProblem[] = [];
  if (!isObject(raw)) return [{ event: index, field: '', reason: 'an event must be an object' }];
  const e = raw;
  const s: Scope = {
    declared: eventPrefixes(documentContext, e),
    problems,
    at: { event: index, ...(typeof e.eventID === 'string' ? { eventID: e.eventID } : {}) },
  };
  const type = e.type as EventType;
  if (!EVENT_TYPES.includes(type)) {
    report(s, 'type', `must be one of ${EVENT_TYPES.join(', ')}`);
    return problems;
  }
  checkKeys(s, '', e, FIELDS[type]);
  checkTime(s, 'eventTime', e.eventTime);
  if (typeof e.eventTimeZoneOffset !== 'string' || !OFFSET.test(e.eventTimeZoneOffset)) report(s, 'eventTimeZoneOffset', 'is required, as ±hh:mm');
  if (e.recordTime !== undefined) checkTime(s, 'recordTime', e.recordTime);
  if (e.eventID !== undefined) checkUri(s, 'eventID', e.eventID);
  if (type !== 'TransformationEvent' && (typeof e.action !== 'string' || !ACTIONS.has(e.action))) report(s, 'action', 'is required: ADD, OBSERVE or DELETE');
  if (type === 'ObjectEvent' && e.epcList === undefined && e.quantityList === undefined) report(s, 'epcList', 'an ObjectEvent needs epcList or quantityList');
  if (type === 'TransactionEvent' && e.bizTransactionList === undefined) report(s, 'bizTransactionList', 'is required for a TransactionEvent');
  if (type === 'AssociationEvent' && e.parentID === undefined) report(s, 'parentID', 'is required for an AssociationEvent');
  if (type === 'ObjectEvent' && e.ilmd !== undefined && e.action !== 'ADD') report(s, 'ilmd', 'is allowed only when action is ADD');
  if (e.parentID !== undefined) checkUri(s, 'parentID', e.parentID);
  if (e.transformationID !== undefined) checkUri(s, 'transformationID', e.transformationID);
  for (const l of EPC_LISTS) if (e[l] !== undefined) checkEpcList(s, l, e[l]);
  for (const l of QUANTITY_LISTS) if (e[l] !== undefined) checkQuantityList(s, l, e[l]);
  if (e.bizStep !== undefined) checkVocabulary(s, 'bizStep', 'bizStep', e.bizStep);
  if (e.disposition !== undefined) checkVocabulary(s, 'disposition', 'disposition', e.disposition);
  if (e.persistentDisposition !== undefined) {
    const p = e.persistentDisposition;
    if (!isObject(p)) report(s, 'persistentDisposition', 'must be an object');
    else {
      checkKeys(s, 'persistentDisposition', p, new Set(['set', 'unset']));
      for (const k of ['set', 'unset']) {
        if (p[k] === undefined) continue;
        if (!Array.isArray(p[k])) report(s, `persistentDisposition.${k}`, 'must be a list');
        else (p[k] as unknown[]).forEach((d, i) => checkVocabulary(s, `persistentDisposition.${k}[${i}]`, 'disposition', d));
      }
    }
  }
  if (e.readPoint !== undefined) checkLocation(s, 'readPoint', e.readPoint);
  if (e.bizLocation !== undefined) checkLocation(s, 'bizLocation', e.bizLocation);
  if (e.bizTransactionList !== undefined) checkTypedList(s, 'bizTransactionList', e.bizTransactionList, 'bizTransaction', 'bizTransactionType', false);
  if (e.sourceList !== undefined) checkTypedList(s, 'sourceList', e.sourceList, 'source', 'sourceDestType', true);
  if (e.destinationList !== undefined) checkTypedList(s, 'destinationList', e.destinationList, 'destination', 'sourceDestType', true);
  if (e.sensorElementList !== undefined) checkSensorElements(s, 'sensorElementList', e.sensorElementList);
  if (e.errorDeclaration !== undefined) checkErrorDeclaration(s, 'errorDeclaration', e.errorDeclaration);
  if (e.certificationInfo !== undefined) {
    const c = e.certificationInfo;
    const list = Array.isArray(c) ? c : [c];
    list.forEach((v, i) => checkUri(s, Array.isArray(c) ? `certificationInfo[${i}]` : 'certificationInfo', v));
  }
  if (e.ilmd !== undefined) {
    if (!isObject(e.ilmd)) report(s, 'ilmd', 'must be an object');
    else checkKeys(s, 'ilmd', e.ilmd, new Set());
  }
  return problems;
}

/** Problems of the document's own shape (its events are checked one by one). */
export function validateDocumentShape(doc: unknown): EventProblem[] {
  const at = (field: string, reason: string): EventProblem => ({ event: -1, field, reason });
  if (!isObject(doc)) return [at('', 'the body must be a JSON object')];
  const out: EventProblem[] = [];
  if (doc['@context'] === undefined) out.push(at('@context', 'is required (JSON-LD context of EPCIS 2.0)'));
  if (doc.type !== 'EPCISDocument') out.push(at('type', 'must be EPCISDocument'));
  if (doc.schemaVersion !== undefined && typeof doc.schemaVersion !== 'string') out.push(at('schemaVersion', 'must be a string'));
  if (!isTimestamp(doc.creationDate)) out.push(at('creationDate', 'must be a date and time with a time zone offset'));
  const body = doc.epcisBody;
  if (!isObject(body) || !Array.isArray(body.eventList)) out.push(at('epcisBody.eventList', 'is required, a list of events'));
  return out;
}
