import { canonicalVocabularyValue, cbvWord, VOCABULARIES, type Vocabulary } from './cbv.js';
import { canonicalIdentifier } from './epc-digital-link.js';
import { epcisError } from './errors.js';
import { EVENT_TYPES, isTimestamp } from './validate.js';

/**
 * The SimpleEventQuery parameters of the REST binding (EPCIS 2.0 §8.2.7.1, §12.6) this server answers, parsed from
 * the query string: lists are pipe-delimited (`EQ_bizStep=shipping|receiving`), CBV values may be words or URIs,
 * EPCs URNs or Digital Links (both match either form). Anything else is refused (QueryParameterException).
 */
export type EventQuery = {
  eventType?: string[];
  GE_eventTime?: Date;
  LT_eventTime?: Date;
  GE_recordTime?: Date;
  LT_recordTime?: Date;
  EQ_action?: string[];
  EQ_bizStep?: string[];
  EQ_disposition?: string[];
  EQ_readPoint?: string[];
  EQ_bizLocation?: string[];
  MATCH_epc?: string[];
  MATCH_anyEPC?: string[];
  MATCH_epcClass?: string[];
  MATCH_anyEPCClass?: string[];
  EQ_eventID?: string[];
  EXISTS_errorDeclaration?: boolean;
  /** EQ_/GT_/GE_/LT_/LE_quantity: an event with a quantity element whose quantity compares so. */
  quantity: { op: '=' | '>' | '>=' | '<' | '<='; value: number }[];
  orderBy: 'eventTime' | 'recordTime' | null;
  orderDirection: 'asc' | 'desc';
  eventCountLimit?: number;
  perPage: number;
  nextPageToken?: string;
  /** EQ_bizTransaction_<type>, EQ_source_<type>, EQ_destination_<type>: an element of the list of that type naming one of the values. */
  typed: { list: 'bizTransactionList' | 'sourceList' | 'destinationList'; key: 'bizTransaction' | 'source' | 'destination'; types: string[]; values: string[] }[];
  /** `GET /epcs/{epc}/events`: the EPC or class anywhere in the event. */
  anyEpcOrClass?: string[];
  /** A subscription's: only events recorded after the last one delivered. */
  afterSeq?: number;
};

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 500;

const LISTS = ['eventType', 'EQ_action', 'EQ_bizStep', 'EQ_disposition', 'EQ_readPoint', 'EQ_bizLocation', 'MATCH_epc', 'MATCH_anyEPC', 'MATCH_epcClass', 'MATCH_anyEPCClass', 'EQ_eventID'] as const;
const TIMES = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'] as const;
const QUANTITY_OPS = { EQ_quantity: '=', GT_quantity: '>', GE_quantity: '>=', LT_quantity: '<', LE_quantity: '<=' } as const;
const OTHERS = [...Object.keys(QUANTITY_OPS), 'EXISTS_errorDeclaration', 'orderBy', 'orderDirection', 'eventCountLimit', 'perPage', 'nextPageToken'] as const;
export const QUERY_PARAMETERS: readonly string[] = [...LISTS, ...TIMES, ...OTHERS];

/** The typed parameters (EPCIS 2.0 §8.2.7.1.1): the type after the prefix is a CBV word or any of its URIs, or another URI. */
const TYPED = {
  EQ_bizTransaction_: { list: 'bizTransactionList', key: 'bizTransaction', vocabulary: 'bizTransactionType' },
  EQ_source_: { list: 'sourceList', key: 'source', vocabulary: 'sourceDestType' },
  EQ_destination_: { list: 'destinationList', key: 'destination', vocabulary: 'sourceDestType' },
} as const;

/** Every spelling a stored event may give a type in: the word, its Web URI, its CBV 1.x URN, its compact `cbv:` form. */
function typeSpellings(vocabulary: Vocabulary, type: string): string[] {
  const word = cbvWord(vocabulary, type);
  if (!word) return [type];
  const v = VOCABULARIES[vocabulary];
  return [word, v.web + word, v.urn + word, 'cbv:' + v.web.slice('https://ref.gs1.org/cbv/'.length) + word];
}

const refuse = (parameter: string, reason: string) => epcisError('EPCIS_QUERY_PARAMETER', { parameter, reason });

function positive(name: string, value: string, max?: number): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw refuse(name, 'a positive whole number');
  const n = Number(value);
  if (max !== undefined && n > max) throw refuse(name, `at most ${max}`);
  return n;
}

/** An EPC pattern (`urn:epc:idpat:sgtin:0614141.107346.*`) is matched by its Digital Link, the GTIN level. */
const identifiers = (values: string[]) => [...new Set(values.flatMap((v) => [v, canonicalIdentifier(v)]))];

export function parseEventQuery(raw: Record<string, unknown>): EventQuery {
  const q: EventQuery = { orderBy: null, orderDirection: 'desc', perPage: DEFAULT_PER_PAGE, quantity: [], typed: [] };
  for (const [name, value] of Object.entries(raw)) {
    const prefix = (Object.keys(TYPED) as (keyof typeof TYPED)[]).find((p) => name.startsWith(p));
    if (prefix) {
      const type = name.slice(prefix.length);
      if (typeof value !== 'string' || value === '') throw refuse(name, 'given once, not empty');
      if (type === '' || cbvWord(TYPED[prefix].vocabulary, type) === undefined) throw refuse(name, 'a CBV 2.0 type or a URI after the prefix');
      const values = value.split('|').map((v) => v.trim());
      if (values.some((v) => v === '')) throw refuse(name, 'an empty value in the list');
      const { list, key, vocabulary } = TYPED[prefix];
      q.typed.push({ list, key, types: typeSpellings(vocabulary, type), values });
      continue;
    }
    if (!QUERY_PARAMETERS.includes(name)) throw refuse(name, 'not a parameter of SimpleEventQuery this server knows');
    if (typeof value !== 'string') throw refuse(name, 'given once');
    if (value === '') throw refuse(name, 'empty');
    if ((LISTS as readonly string[]).includes(name)) {
      const list = value.split('|').map((v) => v.trim());
      if (list.some((v) => v === '')) throw refuse(name, 'an empty value in the list');
      (q as Record<string, unknown>)[name] = list;
    } else if ((TIMES as readonly string[]).includes(name)) {
      if (!isTimestamp(value)) throw refuse(name, 'a date and time with a time zone offset');
      (q as Record<string, unknown>)[name] = new Date(value);
    } else if (name in QUANTITY_OPS) {
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw refuse(name, 'a number');
      q.quantity.push({ op: QUANTITY_OPS[name as keyof typeof QUANTITY_OPS], value: Number(value) });
    }
  }
  if (q.eventType?.some((t) => !(EVENT_TYPES as readonly string[]).includes(t))) throw refuse('eventType', `one of ${EVENT_TYPES.join(', ')}`);
  if (q.EQ_action?.some((a) => !['ADD', 'OBSERVE', 'DELETE'].includes(a))) throw refuse('EQ_action', 'ADD, OBSERVE or DELETE');
  if (q.EQ_bizStep) q.EQ_bizStep = q.EQ_bizStep.map((v) => canonicalVocabularyValue('bizStep', v));
  if (q.EQ_disposition) q.EQ_disposition = q.EQ_disposition.map((v) => canonicalVocabularyValue('disposition', v));
  for (const k of ['MATCH_epc', 'MATCH_anyEPC', 'MATCH_epcClass', 'MATCH_anyEPCClass'] as const) if (q[k]) q[k] = identifiers(q[k]);
  const text = raw as Record<string, string | undefined>;
  if (text.EXISTS_errorDeclaration !== undefined) {
    if (!['true', 'false'].includes(text.EXISTS_errorDeclaration)) throw refuse('EXISTS_errorDeclaration', 'true or false');
    q.EXISTS_errorDeclaration = text.EXISTS_errorDeclaration === 'true';
  }
  if (text.orderBy !== undefined) {
    if (text.orderBy !== 'eventTime' && text.orderBy !== 'recordTime') throw refuse('orderBy', 'eventTime or recordTime');
    q.orderBy = text.orderBy;
  }
  if (text.orderDirection !== undefined) {
    if (text.orderDirection !== 'ASC' && text.orderDirection !== 'DESC') throw refuse('orderDirection', 'ASC or DESC');
    q.orderDirection = text.orderDirection === 'ASC' ? 'asc' : 'desc';
  } else if (q.orderBy === null) q.orderDirection = 'asc';
  if (text.eventCountLimit !== undefined) q.eventCountLimit = positive('eventCountLimit', text.eventCountLimit);
  if (text.perPage !== undefined) q.perPage = positive('perPage', text.perPage, MAX_PER_PAGE);
  if (text.nextPageToken !== undefined) q.nextPageToken = text.nextPageToken;
  return q;
}
