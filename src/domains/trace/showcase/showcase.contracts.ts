import { z } from 'zod';
import { pageOf } from '../../../platform/http/page.shared.js';

/** Filters of the showcase: a region (province to township), a product class (any level), a certificate kind. */
export const showcaseQuery = z.object({
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/).optional().catch(undefined),
  class: z.string().regex(/^\d{2,12}$/).optional().catch(undefined),
  cert: z.enum(['green', 'organic', 'geo']).optional().catch(undefined),
  cursor: z.string().max(200).optional(),
  lang: z.enum(['zh', 'en']).catch('zh').default('zh'),
});

export const showcaseItemOut = z.object({
  id: z.uuid(),
  name: z.string(),
  spec: z.string(),
  brand: z.string().nullable(),
  gtin: z.string().nullable(),
  className: z.object({ zh: z.string(), en: z.string() }),
  producer: z.object({ name: z.string(), region: z.object({ code: z.string(), name: z.string() }), certificates: z.array(z.object({ kind: z.string(), validTo: z.string() })) }),
  /** Batches recorded in the last twelve months, and when the latest was. */
  batches: z.number().int(),
  lastBatchOn: z.string().nullable(),
});
export const showcasePage = pageOf(showcaseItemOut);

export const showcaseIn = z.strictObject({ shown: z.boolean() });
export const showcaseOut = z.object({ id: z.uuid(), showcased: z.boolean() });
