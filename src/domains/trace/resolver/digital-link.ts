import { normaliseGtin } from '../codes/gtin.js';

/**
 * A GS1 Digital Link URI path with primary key 01 (GTIN), as GS1 Digital Link URI Syntax 1.6 writes it:
 * `/01/{gtin}` optionally followed by the key qualifiers in their fixed order `/22/{cpv}`, `/10/{lot}`,
 * `/21/{serial}`. Tracenet's lots are its 20-digit batch codes; CPV and serial are read (a label may carry them) but
 * resolve one level up, since nothing here is recorded per variant or per item.
 */
export type DigitalLinkPath = { gtin: string; cpv?: string; lot?: string; serial?: string };

/** Why a path is not a Digital Link URI: each is answered with 400 (resolver standard 1.2, §2: syntax errors). */
export type DigitalLinkProblem = 'GTIN_FORMAT' | 'GTIN_CHECK_DIGIT' | 'QUALIFIER_ORDER' | 'QUALIFIER_VALUE' | 'EXTRA_SEGMENT';

const QUALIFIERS = ['22', '10', '21'] as const;
/** AI 22, 10 and 21 are X..20 over GS1's 82-character set (GS1 General Specifications, AI table; figure 7.11-1). */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

/**
 * Reads the segments after the leading `/01/` (already split on `/`, a trailing empty segment from a trailing slash
 * dropped by the caller). Percent-encoding is undone per segment, so an encoded `/` in a lot stays in the lot.
 */
export function parseDigitalLink(segments: readonly string[]): { path: DigitalLinkPath } | { problem: DigitalLinkProblem } {
  const [rawGtin, ...rest] = segments;
  const g = normaliseGtin(decode(rawGtin ?? '') ?? '');
  if ('problem' in g) return { problem: g.problem === 'FORMAT' ? 'GTIN_FORMAT' : 'GTIN_CHECK_DIGIT' };
  const path: DigitalLinkPath = { gtin: g.gtin };
  let next = 0;
  for (let i = 0; i < rest.length; i += 2) {
    const ai = rest[i]!;
    const at = QUALIFIERS.indexOf(ai as (typeof QUALIFIERS)[number]);
    if (at < 0) return { problem: 'EXTRA_SEGMENT' };
    if (at < next) return { problem: 'QUALIFIER_ORDER' };
    const value = decode(rest[i + 1] ?? '');
    if (value === null || !CSET82.test(value)) return { problem: 'QUALIFIER_VALUE' };
    next = at + 1;
    if (ai === '22') path.cpv = value;
    else if (ai === '10') path.lot = value;
    else path.serial = value;
  }
  return { path };
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The GS1 Web Vocabulary's namespaces a link type may be written in; `gs1:` is the short form (resolver std §2.14). */
const GS1_VOC = /^(?:gs1:|https?:\/\/(?:www\.|ref\.)?gs1\.org\/voc\/)/;

/**
 * What the request asks of the resolver: the linkset itself (`linkType=linkset`, or `all` as resolver 1.0 still
 * allowed, or an `Accept: application/linkset+json`), one link type (as its short `gs1:` name), or the default link.
 */
export function requestedLink(linkType: string | undefined, accept: string | undefined): { linkset: true } | { linkType: string | null } {
  if (linkType === 'linkset' || linkType === 'all' || (accept ?? '').includes('application/linkset+json')) return { linkset: true };
  if (!linkType) return { linkType: null };
  return { linkType: GS1_VOC.test(linkType) ? `gs1:${linkType.replace(GS1_VOC, '')}` : linkType };
}
