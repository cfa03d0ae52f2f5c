import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { plainText } from '../../../platform/http/text-fields.shared.js';
import { category, idKind, idNumber, industry, orgForm } from '../../registry/subjects/subject.contracts.js';
import { baseIn, MARKET_KINDS, PRODUCT_UNITS, productIn, SELF_CHECK_RESULTS } from '../../trace/contracts.js';
import { quantityIn } from '../../trace/quantity.shared.js';
import { ENVIRONMENT_NOTE_MAX, VARIETY_MAX } from '../../trace/batch-origin.shared.js';
import { DOCUMENT_STATES, ITEM_KINDS, MAX_DOCUMENT_ITEMS } from './inbound.shared.js';

// 数据交换 (issue 17 §2): what a provincial platform pushes, and what it and the agencies read back.

/** A platform's own id of a document or an item: what a resend repeats, and what later items name. */
export const foreignId = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, '1–64 letters, digits or . _ : -');
/** A platform's own code of a batch (kept as an alias): printable, no spaces or slashes (it goes in a URL path). */
export const foreignCode = z.string().regex(/^[A-Za-z0-9._-]{4,80}$/, '4–80 letters, digits or . _ -');
/** The codes a batch carries on the platform: its own (up to 5) and the national long code. */
const codes = {
  codes: z.array(foreignCode).max(5).default([]),
  longCode: z.string().max(80).optional(),
};

/** 主体: as registered and approved by the province (it checked the papers; the identity is checked here again). */
export const exchangeSubjectIn = z.strictObject({
  id: foreignId,
  category,
  orgForm,
  name: plainText(2, 100),
  industries: z.array(industry).min(1).max(3),
  idKind,
  idNumber,
  legalRep: plainText(2, 60).optional(),
  phone: z.string().regex(/^1\d{10}$/).optional(),
  townshipCode: z.string().regex(/^\d{9}$/, 'a 9-digit township code'),
  address: plainText(2, 200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** The agency that approved the registration on the provincial platform, and when. */
  approvedBy: plainText(2, 100),
  approvedOn: z.iso.date(),
});
export const exchangeBaseIn = baseIn.extend({ id: foreignId, subject: foreignId });
export const exchangeProductIn = productIn.omit({ gtin: true }).extend({ id: foreignId, subject: foreignId });
export const exchangeBatchIn = z.strictObject({
  id: foreignId,
  product: foreignId,
  base: foreignId.optional(),
  quantity: quantityIn,
  unit: z.enum(PRODUCT_UNITS),
  harvestDate: z.iso.date(),
  selfCheck: z.enum(SELF_CHECK_RESULTS).default('none'),
  /** 品种 and 产地环境 notes (soil, water), as a batch recorded in the console may carry them (issue 21 §3). */
  variety: plainText(1, VARIETY_MAX).optional(),
  soilNote: plainText(1, ENVIRONMENT_NOTE_MAX).optional(),
  waterNote: plainText(1, ENVIRONMENT_NOTE_MAX).optional(),
  ...codes,
});
/** 交易: a completed sale to a subject the platform sent; the buyer's batch gets a type-2 code (and these aliases). */
export const exchangeTradeIn = z.strictObject({ id: foreignId, batch: foreignId, buyer: foreignId, quantity: quantityIn, ...codes });
/** 入市: a sale into a market; the market's batch gets a type-3 voucher (and these aliases). */
export const exchangeMarketEntryIn = z.strictObject({
  id: foreignId,
  batch: foreignId,
  market: z.strictObject({ kind: z.enum(MARKET_KINDS), name: plainText(2, 100), stall: plainText(1, 40).optional() }),
  quantity: quantityIn,
  ...codes,
});

export const documentIn = z
  .strictObject({
    documentId: foreignId,
    subjects: z.array(exchangeSubjectIn).max(MAX_DOCUMENT_ITEMS).default([]),
    bases: z.array(exchangeBaseIn).max(MAX_DOCUMENT_ITEMS).default([]),
    products: z.array(exchangeProductIn).max(MAX_DOCUMENT_ITEMS).default([]),
    batches: z.array(exchangeBatchIn).max(MAX_DOCUMENT_ITEMS).default([]),
    trades: z.array(exchangeTradeIn).max(MAX_DOCUMENT_ITEMS).default([]),
    marketEntries: z.array(exchangeMarketEntryIn).max(MAX_DOCUMENT_ITEMS).default([]),
  })
  .refine((d) => ITEM_KINDS.reduce((n, k) => n + d[k].length, 0) <= MAX_DOCUMENT_ITEMS, { message: `at most ${MAX_DOCUMENT_ITEMS} items in a document` })
  .refine((d) => ITEM_KINDS.some((k) => d[k].length > 0), { message: 'a document carries at least one item' });
export type DocumentIn = z.infer<typeof documentIn>;

export const itemProblemOut = z.object({
  index: z.number().int(),
  kind: z.enum(ITEM_KINDS),
  id: z.string(),
  code: z.string(),
  field: z.string().nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
});

export const documentOut = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  documentId: z.string(),
  state: z.enum(DOCUMENT_STATES),
  itemCount: z.number().int(),
  appliedCount: z.number().int(),
  unchangedCount: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  errorCount: z.number().int(),
  errors: z.array(itemProblemOut),
  receivedAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type DocumentOut = z.infer<typeof documentOut>;

export const documentParam = z.strictObject({ id: z.uuid() });
export const documentListQuery = z.strictObject({ ...pageQuery, state: z.enum(DOCUMENT_STATES).optional() });
export const documentPage = countedPageOf(documentOut);
