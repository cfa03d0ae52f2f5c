/**
 * The CBV 2.0 vocabularies an EPCIS 2.0 event's standard fields take (GS1 Core Business Vocabulary 2.0, §7: business
 * steps 7.1, dispositions 7.2, business transaction types 7.3, source/destination types 7.4, error reasons 7.5).
 * A value is either one of these words, its Web URI (`https://ref.gs1.org/cbv/BizStep-shipping`) or its CBV 1.x URN
 * (`urn:epcglobal:cbv:bizstep:shipping`), or a URI outside the CBV namespaces (a private vocabulary).
 */
export const BIZ_STEPS = [
  'accepting', 'arriving', 'assembling', 'collecting', 'commissioning', 'consigning', 'creating_class_instance',
  'cycle_counting', 'decommissioning', 'departing', 'destroying', 'disassembling', 'dispensing', 'encoding',
  'entering_exiting', 'holding', 'inspecting', 'installing', 'killing', 'loading', 'other', 'packing', 'picking',
  'receiving', 'removing', 'repackaging', 'repairing', 'replacing', 'reserving', 'retail_selling', 'sampling',
  'sensor_reporting', 'shipping', 'staging_outbound', 'stock_taking', 'stocking', 'storing', 'transporting',
  'unloading', 'unpacking', 'void_shipping',
] as const;

export const DISPOSITIONS = [
  'active', 'available', 'completeness_inferred', 'completeness_verified', 'conformant', 'container_closed',
  'container_open', 'damaged', 'destroyed', 'dispensed', 'disposed', 'encoded', 'expired', 'in_progress', 'in_transit',
  'inactive', 'mismatch_class', 'mismatch_instance', 'mismatch_quantity', 'needs_replacement', 'no_pedigree_match',
  'non_conformant', 'non_sellable_other', 'partially_dispensed', 'recalled', 'reserved', 'retail_sold', 'returned',
  'sellable_accessible', 'sellable_not_accessible', 'stolen', 'unavailable', 'unknown',
] as const;

export const BIZ_TRANSACTION_TYPES = ['bol', 'cert', 'desadv', 'inv', 'pedigree', 'po', 'poc', 'prodorder', 'recadv', 'rma', 'testprd', 'testres', 'upevt'] as const;
export const SOURCE_DESTINATION_TYPES = ['location', 'owning_party', 'possessing_party'] as const;
export const ERROR_REASONS = ['did_not_occur', 'incorrect_data'] as const;

/** Each vocabulary with its Web URI prefix (CBV 2.0 §6.2) and its CBV 1.x URN prefix. */
export const VOCABULARIES = {
  bizStep: { words: new Set<string>(BIZ_STEPS), web: 'https://ref.gs1.org/cbv/BizStep-', urn: 'urn:epcglobal:cbv:bizstep:' },
  disposition: { words: new Set<string>(DISPOSITIONS), web: 'https://ref.gs1.org/cbv/Disp-', urn: 'urn:epcglobal:cbv:disp:' },
  bizTransactionType: { words: new Set<string>(BIZ_TRANSACTION_TYPES), web: 'https://ref.gs1.org/cbv/BTT-', urn: 'urn:epcglobal:cbv:btt:' },
  sourceDestType: { words: new Set<string>(SOURCE_DESTINATION_TYPES), web: 'https://ref.gs1.org/cbv/SDT-', urn: 'urn:epcglobal:cbv:sdt:' },
  errorReason: { words: new Set<string>(ERROR_REASONS), web: 'https://ref.gs1.org/cbv/ER-', urn: 'urn:epcglobal:cbv:er:' },
} as const;

export type Vocabulary = keyof typeof VOCABULARIES;

/** The three ways a vocabulary's word may be written as a URI: Web URI, CBV 1.x URN, compact `cbv:` form. */
const PREFIXES = Object.fromEntries(
  Object.entries(VOCABULARIES).map(([name, v]) => [name, [v.web, v.urn, 'cbv:' + v.web.slice('https://ref.gs1.org/cbv/'.length)]]),
) as Record<Vocabulary, string[]>;

/** A URI: a scheme and a colon (RFC 3986 §3.1); a bare CBV word has neither. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * The CBV word a value names, null for a URI outside the CBV namespaces, or undefined when the value is neither a
 * CBV word nor a URI (refused). A URI inside the CBV namespace naming no word of the vocabulary is refused too.
 */
export function cbvWord(vocabulary: Vocabulary, value: string): string | null | undefined {
  const v = VOCABULARIES[vocabulary];
  if (v.words.has(value)) return value;
  for (const prefix of PREFIXES[vocabulary]) {
    if (value.startsWith(prefix)) {
      const word = value.slice(prefix.length);
      return v.words.has(word) ? word : undefined;
    }
  }
  if (value.startsWith('https://ref.gs1.org/cbv/') || value.startsWith('urn:epcglobal:cbv:')) return undefined;
  return URI.test(value) ? null : undefined;
}

/** The one form a value is stored and queried in: the bare CBV word, or the URI as given. */
export function canonicalVocabularyValue(vocabulary: Vocabulary, value: string): string {
  return cbvWord(vocabulary, value) ?? value;
}

/** The CBV 2.0 Web URI of a value (event hash, CBV 2.0 §8.9.4): words expanded, URNs rewritten, other URIs kept. */
export function cbvWebUri(vocabulary: Vocabulary, value: string): string {
  const word = cbvWord(vocabulary, value);
  return word ? VOCABULARIES[vocabulary].web + word : value;
}

export const isUri = (s: string) => URI.test(s);
