import { canonicalIdentifier } from './epc-digital-link.js';
import { epcisError } from './errors.js';

/**
 * `GS1-EPC-Format` (EPCIS 2.0 §12.4, REST header): how identifiers come back. `Always_GS1_Digital_Link` turns EPC
 * URNs into canonical Digital Links; `Always_EPC_URN` turns Digital Links into EPC URNs; `No_Preference` gives them as
 * captured. A Digital Link becomes a URN only where its GS1 Company Prefix is known (the URN splits the key after
 * it, GS1 Tag Data Standard 2.1 §6.3): this server knows the prefixes of the URNs captured (epcis_company_prefixes),
 * not GS1's table of prefix lengths. An identifier it cannot convert is left as it is, and the answer's
 * `GS1-EPC-Format` header then says `No_Preference`, so a client can tell whether every identifier is in the form
 * it asked for.
 */
export type EpcFormat = 'Always_GS1_Digital_Link' | 'Always_EPC_URN' | 'No_Preference';
const FORMATS: readonly EpcFormat[] = ['Always_GS1_Digital_Link', 'Always_EPC_URN', 'No_Preference'];

export function epcFormatOf(header: string | string[] | undefined): EpcFormat {
  if (header === undefined) return 'No_Preference';
  const v = Array.isArray(header) ? header[0] : header;
  if (!FORMATS.includes(v as EpcFormat)) throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'GS1-EPC-Format', reason: FORMATS.join(', ') });
  return v as EpcFormat;
}

const LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const QUANTITIES = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
const LOCATIONS = ['readPoint', 'bizLocation'];
const GS1_DL = 'https://id.gs1.org/';

/** Every identifier of an event the header is about: EPCs, parentID, quantities' classes, read point and location. */
export function eventIdentifiers(event: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of LISTS) if (Array.isArray(event[k])) for (const v of event[k] as unknown[]) if (typeof v === 'string') out.push(v);
  if (typeof event.parentID === 'string') out.push(event.parentID);
  for (const k of QUANTITIES) if (Array.isArray(event[k])) for (const q of event[k] as { epcClass?: unknown }[]) if (typeof q?.epcClass === 'string') out.push(q.epcClass);
  for (const k of LOCATIONS) {
    const id = (event[k] as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') out.push(id);
  }
  return out;
}

function mapIdentifiers(event: Record<string, unknown>, f: (v: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...event };
  const map = (v: unknown) => (typeof v === 'string' ? f(v) : v);
  for (const k of LISTS) if (Array.isArray(out[k])) out[k] = (out[k] as unknown[]).map(map);
  if (out.parentID !== undefined) out.parentID = map(out.parentID);
  for (const k of QUANTITIES) if (Array.isArray(out[k])) out[k] = (out[k] as Record<string, unknown>[]).map((q) => (q && typeof q === 'object' ? { ...q, epcClass: map(q.epcClass) } : q));
  for (const k of LOCATIONS) if (out[k] && typeof out[k] === 'object') out[k] = { ...(out[k] as object), id: map((out[k] as { id?: unknown }).id) };
  return out;
}

/** The GS1 Company Prefix a URN of a GS1 key carries (its first dotted part), or null. */
export function gcpOfUrn(value: string): string | null {
  const m = /^urn:epc:(?:id|class|idpat):(?:sgtin|lgtin|sscc|sgln|pgln|grai|giai|gsrn|gdti):(\d{6,12})\./.exec(value);
  return m ? m[1]! : null;
}

/** TDS 2.1 §6.4: characters of a serial or lot a URN escapes (a Digital Link escapes them its own way). */
const urnPart = (segment: string) => {
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return text.replace(/["%&/<>?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
};

/** The key's digits after an optional leading digit (indicator, extension, filler) split at the company prefix. */
function split(digits: string, gcps: ReadonlySet<string>): [string, string] | null {
  for (const gcp of gcps) if (digits.startsWith(gcp)) return [gcp, digits.slice(gcp.length)];
  return null;
}

/** A Digital Link as a URN (the reverse of canonicalIdentifier), or null when no known prefix splits its key. */
export function urnOf(value: string, gcps: ReadonlySet<string>): string | null {
  const dl = canonicalIdentifier(value);
  if (!dl.startsWith(GS1_DL) || gcps.size === 0) return null;
  const [ai, key, qualifier, extra, ...rest] = dl.slice(GS1_DL.length).split('/');
  if (rest.length || !key) return null;
  let urn: string | null = null;
  const part = extra === undefined ? null : urnPart(extra);
  if (ai === '01' && /^\d{14}$/.test(key)) {
    const s = split(key.slice(1, 13), gcps);
    if (s && qualifier === undefined) urn = `urn:epc:idpat:sgtin:${s[0]}.${key[0]}${s[1]}.*`;
    else if (s && qualifier === '21' && part) urn = `urn:epc:id:sgtin:${s[0]}.${key[0]}${s[1]}.${part}`;
    else if (s && qualifier === '10' && part) urn = `urn:epc:class:lgtin:${s[0]}.${key[0]}${s[1]}.${part}`;
  } else if (qualifier !== undefined && !(ai === '414' && qualifier === '254')) {
    return null;
  } else if (ai === '00' && /^\d{18}$/.test(key)) {
    const s = split(key.slice(1, 17), gcps);
    if (s) urn = `urn:epc:id:sscc:${s[0]}.${key[0]}${s[1]}`;
  } else if ((ai === '414' || ai === '417') && /^\d{13}$/.test(key)) {
    const s = split(key.slice(0, 12), gcps);
    if (s && ai === '417') urn = `urn:epc:id:pgln:${s[0]}.${s[1]}`;
    else if (s) urn = `urn:epc:id:sgln:${s[0]}.${s[1]}.${qualifier === '254' ? (part ?? '') : '0'}`;
  } else if (ai === '8003' && /^0\d{13}./.test(key)) {
    const s = split(key.slice(1, 13), gcps);
    const serial = urnPart(key.slice(14));
    if (s && serial) urn = `urn:epc:id:grai:${s[0]}.${s[1]}.${serial}`;
  } else if (ai === '8004') {
    const s = split(key, gcps);
    const ref = s && urnPart(s[1]);
    if (ref) urn = `urn:epc:id:giai:${s[0]}.${ref}`;
  } else if (ai === '8018' && /^\d{18}$/.test(key)) {
    const s = split(key.slice(0, 17), gcps);
    if (s) urn = `urn:epc:id:gsrn:${s[0]}.${s[1]}`;
  } else if (ai === '253' && /^\d{13}/.test(key)) {
    const s = split(key.slice(0, 12), gcps);
    const serial = urnPart(key.slice(13));
    if (s && serial !== null) urn = `urn:epc:id:gdti:${s[0]}.${s[1]}.${serial}`;
  }
  // Only a URN that converts back to the same Digital Link is given: a prefix that split the key wrongly is not.
  return urn && canonicalIdentifier(urn) === dl ? urn : null;
}

export type Formatted = { event: Record<string, unknown>; complete: boolean };

/**
 * An event's identifiers in the format asked for. `complete` is false when some GS1 key could not be put in it (a
 * Digital Link whose company prefix is not known, for Always_EPC_URN); identifiers that are no GS1 key (a Tracenet
 * `/t/{code}`, a URN of another scheme) have no other form and do not count.
 */
export function inEpcFormat(event: Record<string, unknown>, f: EpcFormat, gcps: ReadonlySet<string> = new Set()): Formatted {
  if (f === 'No_Preference') return { event, complete: true };
  let complete = true;
  if (f === 'Always_GS1_Digital_Link') {
    return { event: mapIdentifiers(event, (v) => (v.startsWith('urn:epc:') ? canonicalIdentifier(v) : v)), complete };
  }
  const out = mapIdentifiers(event, (v) => {
    if (v.startsWith('urn:') || !canonicalIdentifier(v).startsWith(GS1_DL)) return v;
    const urn = urnOf(v, gcps);
    if (urn === null) complete = false;
    return urn ?? v;
  });
  return { event: out, complete };
}
