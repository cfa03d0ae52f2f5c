import { z } from 'zod';

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
