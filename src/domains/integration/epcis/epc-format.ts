import { canonicalIdentifier } from './epc-digital-link.js';
import { epcisError } from './errors.js';

/**
 * `GS1-EPC-Format` (EPCIS 2.0 §12.4, REST header): how identifiers come back. `Always_GS1_Digital_Link` turns EPC
 * URNs into canonical Digital Links; `Always_EPC_URN` and `No_Preference` give identifiers as they were captured:
 * a Digital Link cannot be made a URN without knowing its GS1 Company Prefix length, which this server does not hold
 * (the answer's `GS1-EPC-Format` header says `No_Preference` then, so a client can tell).
 */
export type EpcFormat = 'Always_GS1_Digital_Link' | 'Always_EPC_URN' | 'No_Preference';
const FORMATS: readonly EpcFormat[] = ['Always_GS1_Digital_Link', 'Always_EPC_URN', 'No_Preference'];

export function epcFormatOf(header: string | string[] | undefined): EpcFormat {
  if (header === undefined) return 'No_Preference';
  const v = Array.isArray(header) ? header[0] : header;
  if (!FORMATS.includes(v as EpcFormat)) throw epcisError('EPCIS_QUERY_PARAMETER', { parameter: 'GS1-EPC-Format', reason: FORMATS.join(', ') });
  return v as EpcFormat;
}

/** The format the answer is in, for its `GS1-EPC-Format` header. */
export const formatApplied = (f: EpcFormat): EpcFormat => (f === 'Always_EPC_URN' ? 'No_Preference' : f);

const LISTS = ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList'];
const QUANTITIES = ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'];
const toDl = (v: unknown) => (typeof v === 'string' && v.startsWith('urn:epc:') ? canonicalIdentifier(v) : v);

export function inEpcFormat(event: Record<string, unknown>, f: EpcFormat): Record<string, unknown> {
  if (f !== 'Always_GS1_Digital_Link') return event;
  const out: Record<string, unknown> = { ...event };
  for (const k of LISTS) if (Array.isArray(out[k])) out[k] = (out[k] as unknown[]).map(toDl);
  if (out.parentID !== undefined) out.parentID = toDl(out.parentID);
  for (const k of QUANTITIES) if (Array.isArray(out[k])) out[k] = (out[k] as Record<string, unknown>[]).map((q) => (q && typeof q === 'object' ? { ...q, epcClass: toDl(q.epcClass) } : q));
  return out;
}
