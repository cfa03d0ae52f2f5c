/**
 * EPC URNs as canonical GS1 Digital Link URIs (GS1 Tag Data Standard 2.1 §6 and the Digital Link standard 1.2), the
 * form the CBV 2.0 event hash compares identifiers in (§8.9.4): a URN and its Digital Link name one object, so both
 * captures of one event hash alike. Schemes not listed are left as given.
 */
const DL = 'https://id.gs1.org';

/** GS1 check digit (General Specifications §7.9): weights 3 and 1 from the right. */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(digits.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

const withCheck = (d: string) => d + gs1CheckDigit(d);

type Parts = string[];
const CONVERT: Record<string, (p: Parts) => string | null> = {
  'id:sgtin': ([cp, ir, serial]) => (serial === undefined ? null : `/01/${withCheck(ir![0]! + cp + ir!.slice(1))}/21/${serial}`),
  'class:lgtin': ([cp, ir, lot]) => (lot === undefined ? null : `/01/${withCheck(ir![0]! + cp + ir!.slice(1))}/10/${lot}`),
  'idpat:sgtin': ([cp, ir, star]) => (star === '*' ? `/01/${withCheck(ir![0]! + cp + ir!.slice(1))}` : null),
  'id:sscc': ([cp, ref]) => `/00/${withCheck(ref![0]! + cp + ref!.slice(1))}`,
  'id:sgln': ([cp, loc, ext]) => `/414/${withCheck(cp! + loc)}${ext && ext !== '0' ? `/254/${ext}` : ''}`,
  'id:pgln': ([cp, ref]) => `/417/${withCheck(cp! + ref)}`,
  'id:grai': ([cp, type, serial]) => `/8003/${withCheck('0' + cp + type)}${serial ?? ''}`,
  'id:giai': ([cp, ref]) => `/8004/${cp}${ref}`,
  'id:gsrn': ([cp, ref]) => `/8018/${withCheck(cp! + ref)}`,
  'id:gdti': ([cp, type, serial]) => `/253/${withCheck(cp! + type)}${serial ?? ''}`,
};

const URN = /^urn:epc:(id|class|idpat):([a-z]+):([^:]+)$/;
const DIGITAL_LINK = /^https?:\/\/[^/]+(?:\/[^?#]*?)?(\/(?:00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018)\/[^?#]+)/;

/** A Digital Link already in canonical form: GS1's host, a primary key first, no query or fragment. */
const CANONICAL_DIGITAL_LINK = /^https:\/\/id\.gs1\.org\/(?:00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018)\/[^?#]+$/;

/**
 * The canonical Digital Link of an identifier, or the identifier itself when it is no EPC this knows. Converted each
 * time: a cache of recent values cost more than the conversion (epcis bench; most EPCs are seen once).
 */
export function canonicalIdentifier(value: string): string {
  return CANONICAL_DIGITAL_LINK.test(value) ? value : convert(value);
}

function convert(value: string): string {
  // Most values that reach here are no EPC at all (a lot number, a transaction's URN): two prefixes tell.
  const urn = value.startsWith('urn:epc:') ? URN.exec(value) : null;
  if (urn) {
    const convert = CONVERT[`${urn[1]}:${urn[2]}`];
    const parts = urn[3]!.split('.');
    const path = convert && parts.every((p) => p.length > 0) ? convert(parts) : null;
    return path && /^\/\d+\/\d/.test(path) ? DL + path : value;
  }
  const dl = value.startsWith('http') ? DIGITAL_LINK.exec(value) : null;
  return dl ? DL + dl[1] : value;
}
