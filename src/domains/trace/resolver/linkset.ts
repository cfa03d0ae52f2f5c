/**
 * The links Tracenet publishes for a GS1 Digital Link URI, level by level (resolver standard 1.2: a lot's linkset
 * holds the links of each level up to the GTIN). Link types are the GS1 Web Vocabulary's; each link has its target,
 * its type and a human-readable title, as the standard requires of every exposed link.
 */

export const GS1_VOC = 'https://gs1.org/voc/';
/** The JSON-LD context that turns a linkset into JSON-LD (resolver standard 1.2, artefacts). */
export const LINKSET_CONTEXT = 'https://ref.gs1.org/standards/resolver/linkset-context';

export type Link = { href: string; title: string; type: string; hreflang?: string[] };
/** One level: its anchor (the uncompressed Digital Link URI) and its links by short link type (`gs1:pip`). */
export type Level = { anchor: string; description: string; links: Record<string, Link>; defaultType: string };

const BILINGUAL = ['zh', 'en'];

/** The lot level: a batch's trace page is the default; its facts as JSON for machines. */
export function lotLevel(base: string, gtin: string, code: string, productName: string): Level {
  const page: Link = { href: `${base}/t/${code}`, title: `产品追溯 Product trace: ${productName}`, type: 'text/html', hreflang: BILINGUAL };
  return {
    anchor: `${base}/01/${gtin}/10/${encodeURIComponent(code)}`,
    description: productName,
    defaultType: 'gs1:defaultLink',
    links: {
      'gs1:defaultLink': page,
      'gs1:pip': page,
      'gs1:traceability': { href: `${base}/api/v1/public/trace/${code}`, title: '追溯数据 Trace facts (JSON)', type: 'application/json' },
    },
  };
}

/** The GTIN level: the product's page (who makes it, what it is, a box for the batch code on the label). */
export function gtinLevel(base: string, gtin: string, productName: string): Level {
  const page: Link = { href: `${base}/p/${gtin}`, title: `产品信息 Product information: ${productName}`, type: 'text/html', hreflang: BILINGUAL };
  return { anchor: `${base}/01/${gtin}`, description: productName, defaultType: 'gs1:defaultLink', links: { 'gs1:defaultLink': page, 'gs1:pip': page } };
}

/** The link a request asks for: the deepest level that has the type, else the deepest level's default. */
export function chooseLink(levels: readonly Level[], linkType: string | null): Link {
  if (linkType) {
    for (const level of levels) {
      const link = level.links[linkType];
      if (link) return link;
    }
  }
  const deepest = levels[0]!;
  return deepest.links[deepest.defaultType]!;
}

/** The linkset document (RFC 9264 JSON, as the standard's linkset schema has it): one context object per level. */
export function linksetOf(levels: readonly Level[]): { linkset: Record<string, unknown>[] } {
  return {
    linkset: levels.map((level) => ({
      anchor: level.anchor,
      description: level.description,
      ...Object.fromEntries(Object.entries(level.links).map(([type, link]) => [`${GS1_VOC}${type.slice('gs1:'.length)}`, [link]])),
    })),
  };
}
