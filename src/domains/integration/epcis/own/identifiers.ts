/**
 * The identifiers Tracenet's own records take in EPCIS (issue 18 §2). A lot of a product with a GTIN is the GS1
 * Digital Link of its GTIN and lot (`{PUBLIC_URL}/01/{gtin}/10/{code}`, the URI its label carries and the resolver
 * answers); a lot without one is `{PUBLIC_URL}/t/{code}`, its public trace page. Parties, trades and samples are
 * `{PUBLIC_URL}/epcis/{kind}/{id}`: opaque ids, never a name, phone or identity number.
 */
export type Ids = { publicUrl: string };

export function lotUri(ids: Ids, code: string, gtin: string | null): string {
  return gtin ? `${ids.publicUrl}/01/${gtin}/10/${code}` : `${ids.publicUrl}/t/${code}`;
}

export const partyUri = (ids: Ids, kind: 'subject' | 'agency', id: string) => `${ids.publicUrl}/epcis/party/${kind}/${id}`;
export const recordUri = (ids: Ids, kind: 'trade' | 'return' | 'sample' | 'recall' | 'inspection', id: string) => `${ids.publicUrl}/epcis/${kind}/${id}`;
export const eventUri = (ids: Ids, sourceKey: string) => `${ids.publicUrl}/epcis/event/${sourceKey.replaceAll(':', '/')}`;
/** The namespace of Tracenet's user extensions (prefix `tn`). */
export const tnNamespace = (ids: Ids) => `${ids.publicUrl}/epcis/ns/`;

/** Tracenet product codes: 20 digits (trace/codes.ts); a lot's code is one of them. */
const CODE = /^\d{20}$/;

/**
 * The Tracenet code an identifier names, if it is in a Tracenet form: `{PUBLIC_URL}/t/{code}`, or a Digital Link
 * (any host, or an LGTIN URN once made canonical) whose lot is a code; the caller checks the code and GTIN exist.
 */
export function codeOfIdentifier(ids: Ids, value: string): { code: string; gtin: string | null } | null {
  if (value.startsWith(`${ids.publicUrl}/t/`)) {
    const code = value.slice(ids.publicUrl.length + 3);
    return CODE.test(code) ? { code, gtin: null } : null;
  }
  const dl = /^https?:\/\/[^/]+(?:\/[^?#]*?)?\/01\/(\d{14})\/10\/([^/?#]+)$/.exec(value);
  return dl && CODE.test(dl[2]!) ? { code: dl[2]!, gtin: dl[1]! } : null;
}

/**
 * A quantity in the units EPCIS carries: masses in kilograms (`KGM`, UN/ECE Recommendation 20, as the EPCIS 2.0
 * conformance documents use it; 1 jin 斤 = 0.5 kg), counted units (piece, head, bird, box, bag) as a number of
 * instances with no uom (EPCIS 2.0 §7.3.3.3), a dozen as 12 pieces.
 */
export function epcisQuantity(quantity: number, unit: string): { quantity: number; uom?: string } {
  const kg: Record<string, number> = { kg: 1, g: 0.001, jin: 0.5, tonne: 1000 };
  if (kg[unit] !== undefined) return { quantity: Math.round(quantity * kg[unit] * 1e6) / 1e6, uom: 'KGM' };
  if (unit === 'dozen') return { quantity: quantity * 12 };
  return { quantity };
}
