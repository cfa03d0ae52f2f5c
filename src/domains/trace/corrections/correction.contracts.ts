import { z } from 'zod';
import { plainText } from '../../../platform/http/text-fields.shared.js';
import { AREA_UNITS, PRODUCT_UNITS, SELF_CHECK_RESULTS } from '../contracts.js';
import { quantityIn } from '../quantity.shared.js';

// 更正与作废 (issue 15 §5): the wire shapes of corrections, voids and the history (修改记录) they leave.

/** Why a record is corrected or voided: required, kept in its history and the audit log. */
const reason = plainText(2, 300);
const atLeastOneField = (v: Record<string, unknown>) => Object.keys(v).some((k) => k !== 'reason' && v[k] !== undefined);
const NOTHING = { message: 'name at least one field to correct (至少更正一项)' };

export const batchCorrectionIn = z
  .strictObject({
    quantity: quantityIn.optional(),
    harvestDate: z.iso.date().optional(),
    productId: z.uuid().optional(),
    /** null: the batch came from no recorded base. */
    baseId: z.uuid().nullable().optional(),
    selfCheck: z.strictObject({ result: z.enum(SELF_CHECK_RESULTS), note: plainText(1, 300).optional() }).optional(),
    reason,
  })
  .refine(atLeastOneField, NOTHING);
export type BatchCorrectionIn = z.infer<typeof batchCorrectionIn>;

export const productCorrectionIn = z
  .strictObject({
    name: plainText(1, 100).optional(),
    classCode: z.string().regex(/^\d{2,12}$/).optional(),
    spec: plainText(1, 60).optional(),
    unit: z.enum(PRODUCT_UNITS).optional(),
    brand: plainText(1, 60).nullable().optional(),
    gtin: z.string().trim().max(20).nullable().optional(),
    reason,
  })
  .refine(atLeastOneField, NOTHING);
export type ProductCorrectionIn = z.infer<typeof productCorrectionIn>;

export const baseCorrectionIn = z
  .strictObject({
    name: plainText(2, 100).optional(),
    regionCode: z.string().regex(/^\d{9}$/, 'a 9-digit township code').optional(),
    address: plainText(2, 200).optional(),
    area: z.number().positive().max(1e8).nullable().optional(),
    areaUnit: z.enum(AREA_UNITS).nullable().optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    reason,
  })
  .refine(atLeastOneField, NOTHING);
export type BaseCorrectionIn = z.infer<typeof baseCorrectionIn>;

export const voidIn = z.strictObject({ reason });

export const CORRECTION_TARGETS = ['batch', 'product', 'base'] as const;
export type CorrectionTarget = (typeof CORRECTION_TARGETS)[number];

export const correctionOut = z.object({
  id: z.string(),
  kind: z.enum(['edit', 'void']),
  /** The fields changed, with the values they had before and have after. */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  reason: z.string(),
  actorName: z.string(),
  at: z.date(),
});

export const voidedOut = z.object({ at: z.date(), reason: z.string() }).nullable();
