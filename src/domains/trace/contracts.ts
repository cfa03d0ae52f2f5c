import { z } from 'zod';
import { ENVIRONMENT_NOTE_MAX, VARIETY_MAX } from './batch-origin.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { animalDetailsIn, animalDetailsOut, ANIMAL_SPECIES, ANIMAL_TISSUES } from './animal.shared.js';
import { DOSE_UNITS } from './dose-units.shared.js';
import { quantityIn } from './quantity.shared.js';
import { BATCH_SOURCES, BATCH_STATUSES, INPUT_KINDS, MARKET_KINDS, SELF_CHECK_RESULTS, TRADE_STATUSES } from './trace-values.shared.js';
import { AREA_UNITS, PRODUCT_UNITS } from './units.shared.js';

export { ANIMAL_SPECIES, ANIMAL_TISSUES, AREA_UNITS, BATCH_SOURCES, BATCH_STATUSES, INPUT_KINDS, MARKET_KINDS, PRODUCT_UNITS, SELF_CHECK_RESULTS, TRADE_STATUSES };

// The wire shapes of the trace domain, shared by routes and the web console.

export const codeParam = z.strictObject({ code: z.string().min(1).max(80) });

const typeName = z.object({ zh: z.string(), en: z.string() });
export const codeDescriptionOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('product'), code: z.string(), type: z.number().int(), typeKey: z.string(), typeName, county: z.string(), province: z.string(), serial: z.string() }),
  z.object({
    kind: z.literal('long'),
    code: z.string(),
    type: z.number().int(),
    typeKey: z.string(),
    category: z.number().int(),
    identity: z.string().describe('the identity number in the code, masked when it is a resident ID'),
    productClass: z.string(),
    issuedAt: z.string(),
    seq: z.string(),
  }),
  z.object({ kind: z.literal('subject'), code: z.string(), category: z.number().int(), identity: z.string(), accountNo: z.number().int() }),
  z.object({ kind: z.literal('temporary_subject'), code: z.string(), county: z.string() }),
]);

export const productClassOut = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  gb2763Category: z.string(),
  sourceUrl: z.string(),
  hasChildren: z.boolean(),
});
export const productClassQuery = z.strictObject({ parent: z.string().regex(/^\d{2,12}$/).optional() });


export const baseIn = z.strictObject({
  name: plainText(2, 100),
  regionCode: z.string().regex(/^\d{9}$/, 'a 9-digit township code'),
  address: plainText(2, 200),
  area: z.number().positive().max(1e8).optional(),
  areaUnit: z.enum(AREA_UNITS).optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export const baseOut = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  address: z.string(),
  area: z.number().nullable(),
  areaUnit: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  status: z.string(),
  voided: z.object({ at: z.date(), reason: z.string() }).nullable(),
  createdAt: z.date(),
});

export const productIn = z.strictObject({
  name: plainText(1, 100),
  classCode: z.string().regex(/^\d{2,12}$/),
  spec: plainText(1, 60),
  unit: z.enum(PRODUCT_UNITS),
  brand: plainText(1, 60).optional(),
  gtin: z.string().trim().max(20).optional(),
});
export const productOut = z.object({
  id: z.string(),
  name: z.string(),
  classCode: z.string(),
  className: z.string(),
  spec: z.string(),
  unit: z.string(),
  brand: z.string().nullable(),
  gtin: z.string().nullable(),
  /** Shown in the public showcase (在线展示), by the producer's choice. */
  showcased: z.boolean(),
  status: z.string(),
  voided: z.object({ at: z.date(), reason: z.string() }).nullable(),
  createdAt: z.date(),
});


export const batchIn = z.strictObject({
  productId: z.uuid(),
  baseId: z.uuid().optional(),
  quantity: quantityIn,
  unit: z.enum(PRODUCT_UNITS),
  harvestDate: z.iso.date(),
  inputs: z
    .array(z.strictObject({ kind: z.enum(INPUT_KINDS), name: plainText(1, 100), dose: z.number().positive().max(1e6), doseUnit: z.enum(DOSE_UNITS), appliedOn: z.iso.date() }))
    .max(100)
    .default([]),
  selfCheck: z.strictObject({ result: z.enum(SELF_CHECK_RESULTS), note: plainText(1, 300).optional() }),
  /** Live animals and animal products: species, tissue, slaughter details, quarantine certificate (animal.shared.ts). */
  animal: animalDetailsIn.optional(),
  /** 品种 and 产地环境 notes (soil 土壤, water 灌溉/养殖用水), optional (batch-origin.shared.ts). */
  variety: plainText(1, VARIETY_MAX).optional(),
  soilNote: plainText(1, ENVIRONMENT_NOTE_MAX).optional(),
  waterNote: plainText(1, ENVIRONMENT_NOTE_MAX).optional(),
});
export type BatchIn = z.infer<typeof batchIn>;

export const batchOut = z.object({
  id: z.string(),
  code: z.string(),
  productId: z.string(),
  productName: z.string(),
  baseId: z.string().nullable(),
  source: z.string(),
  quantity: z.number(),
  unit: z.string(),
  stock: z.number(),
  frozen: z.number(),
  harvestDate: z.string().nullable(),
  animal: animalDetailsOut.nullable(),
  variety: z.string().nullable(),
  soilNote: z.string().nullable(),
  waterNote: z.string().nullable(),
  selfCheck: z.string(),
  selfCheckNote: z.string().nullable(),
  status: z.string(),
  /** 作废: when and why its holder withdrew it. */
  voided: z.object({ at: z.date(), reason: z.string() }).nullable(),
  /** A 承诺达标合格证 was issued for it (its base and self-check are then fixed). */
  certified: z.boolean(),
  createdAt: z.date(),
  inputs: z.array(z.object({ kind: z.string(), name: z.string(), dose: z.number(), doseUnit: z.string(), appliedOn: z.string() })),
});

const phone = z.string().regex(/^1[3-9]\d{9}$/);
const carrierIn = z.strictObject({ company: plainText(1, 100).optional(), plate: plainText(1, 16).optional(), driver: plainText(1, 40).optional(), phone: phone.optional() });
/** How goods leave: quantity in the batch's unit, carrier (company, plate, driver, phone), storage, quarantine certificate. */
const shipment = {
  batchId: z.uuid(),
  quantity: quantityIn,
  unit: z.enum(PRODUCT_UNITS),
  carrier: carrierIn.optional(),
  storage: plainText(1, 100).optional(),
  /** 动物检疫合格证明 number, for livestock. */
  quarantineCert: plainText(1, 60).optional(),
};
/** A buyer who is not on the platform, recorded by hand. */
export const manualBuyerIn = z.strictObject({ name: plainText(2, 100), phone: phone.optional(), address: plainText(2, 200).optional() });

export const tradeIn = z
  .strictObject({
    ...shipment,
    /** The token of the buyer's electronic identity, as scanned (the part after /e/). */
    buyerToken: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/).optional(),
    /** Or a buyer who is not registered: the sale completes at once with a type-2 code. */
    buyer: manualBuyerIn.optional(),
  })
  .refine((t) => (t.buyerToken === undefined) !== (t.buyer === undefined), { message: 'give either buyerToken (a registered buyer) or buyer (one recorded by hand)', path: ['buyerToken'] });
export type TradeIn = z.infer<typeof tradeIn>;

export const marketEntryIn = z.strictObject({
  ...shipment,
  market: z
    .strictObject({
      kind: z.enum(MARKET_KINDS),
      /** The market's electronic identity when it is registered… */
      token: z.string().regex(/^[A-Za-z0-9_-]{16,40}$/).optional(),
      /** …or its name and address as written by the seller. */
      name: plainText(2, 100).optional(),
      address: plainText(2, 200).optional(),
      stall: plainText(1, 40).optional(),
    })
    .refine((m) => (m.token === undefined) !== (m.name === undefined), { message: 'give either the market’s token or its name', path: ['token'] }),
});
export type MarketEntryIn = z.infer<typeof marketEntryIn>;

export const tradeReasonIn = z.strictObject({ reason: plainText(2, 300) });
const party = z.object({
  subjectId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable().describe('masked'),
  address: z.string().nullable(),
  marketKind: z.enum(MARKET_KINDS).nullable(),
  stall: z.string().nullable(),
});
export const tradeOut = z.object({
  id: z.string(),
  kind: z.enum(['scan', 'manual', 'market']),
  status: z.enum(TRADE_STATUSES),
  batchId: z.string(),
  batchCode: z.string(),
  productName: z.string(),
  quantity: z.number(),
  unit: z.string(),
  returned: z.number(),
  seller: z.object({ subjectId: z.string(), name: z.string() }),
  buyer: party,
  carrier: z.object({ company: z.string().nullable(), plate: z.string().nullable(), driver: z.string().nullable(), phone: z.string().nullable().describe('masked') }).nullable(),
  storage: z.string().nullable(),
  quarantineCert: z.string().nullable(),
  buyerBatchId: z.string().nullable(),
  buyerBatchCode: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type TradeOut = z.infer<typeof tradeOut>;

export const returnIn = z.strictObject({ tradeId: z.uuid(), quantity: quantityIn, reason: plainText(2, 300) });
export const returnOut = z.object({ id: z.string(), tradeId: z.string(), quantity: z.number(), reason: z.string(), createdAt: z.date(), trade: tradeOut });

export const transformationIn = z.strictObject({
  inputs: z.array(z.strictObject({ batchId: z.uuid(), quantity: quantityIn })).min(1).max(50),
  output: z.strictObject({ productId: z.uuid(), quantity: quantityIn, unit: z.enum(PRODUCT_UNITS), productionDate: z.iso.date(), animal: animalDetailsIn.optional() }),
});
export type TransformationIn = z.infer<typeof transformationIn>;
export const splitIn = z.strictObject({ parts: z.array(z.strictObject({ quantity: quantityIn })).min(1).max(100) });
export const mergeIn = z.strictObject({ batchIds: z.array(z.uuid()).min(2).max(50) });

export const batchLookupOut = z.object({
  id: z.string(),
  code: z.string(),
  productName: z.string(),
  source: z.string(),
  quantity: z.number(),
  unit: z.string(),
  stock: z.number(),
  harvestDate: z.string().nullable(),
  createdAt: z.date(),
  holderName: z.string(),
  county: z.string(),
  countyName: z.string().nullable(),
  /** Set when the code looked up is a foreign code of the batch (issue 17 §2). */
  resolvedFrom: z.object({ alias: z.string(), kind: z.enum(['province', 'national']) }).nullable().optional(),
});

/** A subject's products and latest batches, for an official of its jurisdiction. */
export const subjectTraceRecordsOut = z.object({
  products: z.array(z.object({ id: z.string(), name: z.string(), spec: z.string(), unit: z.string(), gtin: z.string().nullable() })),
  recentBatches: z.array(
    z.object({ id: z.string(), code: z.string(), productName: z.string(), quantity: z.number(), stock: z.number(), unit: z.string(), harvestDate: z.string().nullable(), selfCheck: z.string(), status: z.string(), createdAt: z.date() }),
  ),
});

// Lists (issue 15 §8): search, filters, a total on the first page, and an export of the same filter.
const listDay = z.iso.date();
const batchFilter = {
  /** A batch code, or part of the product's name. */
  q: z.string().trim().min(1).max(40).optional(),
  status: z.enum(BATCH_STATUSES).optional(),
  source: z.enum(BATCH_SOURCES).optional(),
  /** Recorded on or after / on or before this day (China time). */
  from: listDay.optional(),
  to: listDay.optional(),
};
export const batchFilterQuery = z.strictObject(batchFilter);
export const batchListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
  code: z.string().regex(/^\d{20}$/).optional(),
  ...batchFilter,
});
export type BatchListQuery = z.infer<typeof batchListQuery>;

const tradeFilter = {
  status: z.enum(TRADE_STATUSES).optional(),
  /** A batch code, or part of the product's or the other party's name. */
  q: z.string().trim().min(1).max(40).optional(),
  from: listDay.optional(),
  to: listDay.optional(),
};
export const tradeFilterQuery = z.strictObject({ direction: z.enum(['incoming', 'outgoing']).default('incoming'), ...tradeFilter });
export const tradeSearchQuery = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
  ...tradeFilter,
});
export type TradeSearchQuery = z.infer<typeof tradeSearchQuery>;
