// The inbound exchange's vocabulary (issue 17 §2), shared by the server and the console (no server code here).

/** The kinds of item a document carries, in the order they are applied (each may name those before it). */
export const ITEM_KINDS = ['subjects', 'bases', 'products', 'batches', 'trades', 'marketEntries'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** `queued` until the job has run; then `applied` (everything written) or `refused` (nothing written, see errors). */
export const DOCUMENT_STATES = ['queued', 'applied', 'refused'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];
/** Items in one document at most (issue 17 §2). */
export const MAX_DOCUMENT_ITEMS = 10_000;
/** Problems listed in a refused document's report; `errorCount` gives the total. */
export const MAX_LISTED_PROBLEMS = 1_000;
/** Why an item was refused: each a stable code with words in both console languages. */
export const ITEM_PROBLEMS = [
  'OUT_OF_SCOPE',
  'DUPLICATE_ITEM',
  'IDENTITY_INVALID',
  'IDENTITY_REGISTERED',
  'IDENTITY_REPEATED',
  'REGION_UNKNOWN',
  'REFERENCE_UNKNOWN',
  'CLASS_UNKNOWN',
  'UNIT_MISMATCH',
  'NAME_TAKEN',
  'ALIAS_TAKEN',
  'ALIAS_INVALID',
  'STOCK_EXCEEDED',
  'DATE_IN_FUTURE',
] as const;
export type ItemProblemCode = (typeof ITEM_PROBLEMS)[number];
