import { z } from 'zod';
import { animalDetailsOut } from '../animal.shared.js';
import { CERTIFICATE_BASES } from '../labels/label.shared.js';

// The public trace facts (消费查询): what the page behind every label shows and what markets and online shops read
// as JSON. Only public facts: no phone of a person, no identity number, places down to the township.

const text = z.object({ zh: z.string(), en: z.string() });
const place = z.object({ regionCode: z.string(), name: z.string() });

export const PUBLIC_WARNINGS = ['CODE_UNKNOWN', 'CODE_MISTYPED', 'PRODUCER_SUSPENDED', 'BATCH_FAILED', 'BATCH_HELD', 'BATCH_RECALLED', 'BATCH_VOIDED', 'SELF_CHECK_FAILED', 'OFTEN_LOOKED_UP'] as const;
export const publicWarning = z.object({ code: z.enum(PUBLIC_WARNINGS), message: text });

export const publicCertificate = z.object({
  kind: z.string(),
  number: z.string(),
  products: z.string(),
  issuer: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  verified: z.boolean(),
  /** The certification system that pushed it: verified by its issuer (平台对接), not only by an agency. */
  issuedBySystem: z.string().nullable(),
  valid: z.boolean(),
});

export const publicHop = z.object({
  /** Hops back from the looked-up batch (0 is that batch). */
  hops: z.number(),
  code: z.string(),
  codeType: text,
  /** 'producer' (自产), 'processor' (加工), 'buyer' (a registered buyer), 'person' (a buyer recorded by hand), 'market' (入市). */
  holderKind: z.enum(['producer', 'processor', 'buyer', 'person', 'market', 'holder']),
  holderName: z.string(),
  county: place,
  receivedAt: z.date(),
  quantity: z.number(),
  unit: z.string(),
  source: z.string(),
  /** 入市追溯凭证: the market's kind and the stall, on a market-entry voucher's hop. */
  voucher: z.object({ marketKind: z.string().nullable(), stall: z.string().nullable() }).nullable(),
});

/**
 * A judged sample (监测) of a batch of the chain, as the public sees it: when it was sampled, the batch's code, the
 * testing agency, the verdict of its latest report and each analyte's result in mg/kg against its limit (null: the
 * substance is banned, it must not be detected). No person's name.
 */
export const publicSampleResult = z.object({
  sampledAt: z.date(),
  batchCode: z.string(),
  agencyName: z.string(),
  verdict: z.enum(['pass', 'fail']),
  results: z.array(
    z.object({
      analyte: text,
      detected: z.boolean(),
      valueMgPerKg: z.number(),
      limitMgPerKg: z.number().nullable(),
      verdict: z.enum(['pass', 'fail']),
    }),
  ),
});
export type PublicSampleResult = z.infer<typeof publicSampleResult>;

export const publicTraceOut = z.object({
  code: z.string(),
  codeType: text,
  product: z.object({ name: z.string(), spec: z.string(), brand: z.string().nullable(), gtin: z.string().nullable(), classCode: z.string(), className: text }),
  batch: z.object({
    source: z.string(),
    quantity: z.number(),
    unit: z.string(),
    harvestDate: z.string().nullable(),
    /** Species, tissue, slaughter and quarantine details of an animal product: its own, or its origin's. */
    animal: animalDetailsOut.nullable(),
    /** 品种 and 产地环境 notes (soil, water): its own, or the nearest batch of the chain that recorded them. */
    variety: z.string().nullable(),
    soilNote: z.string().nullable(),
    waterNote: z.string().nullable(),
    recordedAt: z.date(),
    selfCheck: z.string(),
    status: z.string(),
    /** 作废: its holder withdrew the record, on this day (China time) for this reason. */
    voided: z.object({ on: z.string(), reason: z.string() }).nullable(),
    base: z.object({ name: z.string(), place }).nullable(),
  }),
  producers: z.array(
    z.object({
      name: z.string(),
      county: place,
      suspended: z.boolean(),
      certificates: z.array(publicCertificate),
      /** The producer's batch carries a 承诺达标合格证 (the pledge that it meets the standards). */
      pledged: z.boolean(),
      /** 重点主体 flags the agencies set: national_leading, provincial_leading, vegetable_basket, scale. */
      priorityFlags: z.array(z.string()),
    }),
  ),
  /**
   * 承诺达标合格证 issued on the batches of the chain (the register's terms, checkable by number at
   * /api/v1/public/certificates/{number}), newest first; the issuer as the public page names holders.
   */
  pledgeCertificates: z.array(
    z.object({
      number: z.string(),
      batchCode: z.string(),
      issuerName: z.string(),
      issuerRole: z.enum(['producer', 'purchaser']),
      basis: z.enum(CERTIFICATE_BASES),
      testedItems: z.array(z.string()),
      quantity: z.number(),
      unit: z.string(),
      issuedOn: z.string(),
    }),
  ),
  chain: z.array(publicHop),
  /** 监测结果: the judged samples of the chain's batches, latest first (empty while none was tested). */
  monitoring: z.array(publicSampleResult),
  lookups: z.object({ count: z.number(), firstAt: z.date() }),
  warnings: z.array(publicWarning),
  /** Set when what was looked up is a foreign code of the batch (a province's own code, a national long code; issue 17 §2). */
  resolvedFrom: z.object({ alias: z.string(), kind: z.enum(['province', 'national']) }).nullable().optional(),
  /** Events of the chain's lots captured from other traceability systems (EPCIS): the CBV step, when, which lot. */
  outside: z.array(z.object({ code: z.string(), eventType: z.string(), bizStep: z.string().nullable(), eventTime: z.date() })).optional(),
});
export type PublicTraceOut = z.infer<typeof publicTraceOut>;

export const verifyIn = z.strictObject({ codes: z.array(z.string().max(64)).min(1).max(1000) });
export const verifyOut = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      /** 'valid' a batch's code, 'issued' a code not yet on a batch, 'unknown', or 'invalid' (not a code, a wrong check digit). */
      result: z.enum(['valid', 'issued', 'unknown', 'invalid']),
      productName: z.string().nullable(),
      warnings: z.array(z.enum(PUBLIC_WARNINGS)),
      /** A voided batch's code: the day (China time) and the reason. */
      voided: z.object({ on: z.string(), reason: z.string() }).nullable(),
      /** Set when what was looked up is a foreign code of the batch (a province's own code, a national long code; issue 17 §2). */
      resolvedFrom: z.object({ alias: z.string(), kind: z.enum(['province', 'national']) }).nullable().optional(),
    }),
  ),
});
