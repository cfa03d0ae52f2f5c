import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { ANALYTE_KINDS } from './monitoring-values.shared.js';

// 检测参照数据 (issue 21 §2): the analytes and limits a lab judges against — the ministry's reference set, shipped and
// versioned, plus a province's and a lab's additions, each citing its standard.

export const REFERENCE_ORIGINS = ['reference', 'province', 'lab'] as const;
const decimal = z.number().positive().max(100_000);

export const analyteIn = z.strictObject({
  nameZh: plainText(1, 60),
  nameEn: plainText(1, 100).optional(),
  kind: z.enum(ANALYTE_KINDS),
  /** CAS Registry Number where known (digits-digits-check digit). */
  cas: z.string().regex(/^\d{2,7}-\d{2}-\d$/, 'a CAS number such as 2921-88-2').optional(),
  method: plainText(1, 120),
  unit: z.enum(['mg/kg', 'μg/kg']),
  standard: plainText(1, 120),
  banned: z.boolean().default(false),
});

export const referenceAnalyteOut = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(ANALYTE_KINDS),
  banned: z.boolean(),
  origin: z.enum(REFERENCE_ORIGINS),
  cas: z.string().nullable(),
  method: z.string().nullable(),
  unit: z.string().nullable(),
  standard: z.string().nullable(),
  ownerAgencyName: z.string().nullable(),
  createdAt: z.date().nullable(),
});
export const referenceAnalyteList = z.object({ items: z.array(referenceAnalyteOut) });

export const limitIn = z.strictObject({
  analyteCode: z.string().trim().min(1).max(40),
  classCode: z.string().regex(/^\d{2,12}$/),
  /** The commodity when narrower than the class (the class's name by default). */
  commodityZh: plainText(1, 60).optional(),
  /** The limit in `unit`; absent: must not be detected (不得检出). */
  value: decimal.optional(),
  unit: z.enum(['mg/kg', 'μg/kg']).default('mg/kg'),
  residueDefinition: plainText(1, 300).optional(),
  standard: plainText(1, 120),
  clause: plainText(1, 200),
  sourceUrl: z.url().max(300).optional(),
  note: plainText(1, 500).optional(),
});

export const referenceLimitOut = z.object({
  id: z.number().int(),
  refId: z.number().int().nullable(),
  version: z.number().int(),
  origin: z.enum(REFERENCE_ORIGINS),
  analyteCode: z.string(),
  analyteZh: z.string(),
  classCode: z.string().nullable(),
  commodityZh: z.string(),
  animal: z.boolean(),
  /** GB 31650's 动物种类 and 靶组织 as printed, for a veterinary drug's limit by species and tissue. */
  speciesZh: z.string().nullable(),
  tissueZh: z.string().nullable(),
  mrlMgPerKg: z.number().nullable(),
  residueDefinition: z.string(),
  standard: z.string(),
  clause: z.string(),
  sourceUrl: z.string(),
  note: z.string().nullable(),
  retiredAt: z.date().nullable(),
  ownerAgencyName: z.string().nullable(),
  createdAt: z.date().nullable(),
  /** Results judged against this very version. */
  results: z.number().int(),
});
export const referenceLimitList = z.object({ items: z.array(referenceLimitOut) });
/** The limits list, a page at a time by analyte (the shipped set alone is hundreds of rows, and grows). */
export const referenceLimitPage = countedPageOf(referenceLimitOut);
export const referenceLimitQuery = z.strictObject({
  ...pageQuery,
  analyteCode: z.string().trim().min(1).max(40).optional(),
  origin: z.enum(REFERENCE_ORIGINS).optional(),
  retired: z.enum(['yes', 'no']).default('no'),
});
export const analyteListQuery = z.strictObject({ origin: z.enum(REFERENCE_ORIGINS).optional() });
export const limitIdParam = z.strictObject({ id: z.coerce.number().int().positive() });
