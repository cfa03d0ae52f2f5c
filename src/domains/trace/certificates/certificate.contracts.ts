import { z } from 'zod';
import { plainText } from '../../../platform/http/text-fields.shared.js';
import { CERTIFICATE_BASES } from '../labels/label.shared.js';
import { quantityIn } from '../quantity.shared.js';

/** At most 40 analytes on one certificate: a multi-residue screen names a few dozen. */
export const MAX_TESTED_ITEMS = 40;
export const testedItemsIn = z.array(plainText(1, 60)).max(MAX_TESTED_ITEMS);

export const certificateIn = z.strictObject({
  quantity: quantityIn.optional().describe('数量(重量): default the batch quantity, never more'),
  basis: z.enum(CERTIFICATE_BASES).describe('承诺依据'),
  testedItems: testedItemsIn.optional().describe('检测项目 (analyte names) for self_test and entrusted_test: must cover every pesticide and veterinary drug recorded on the batch and the batches it came from'),
});

const issuerRole = z.enum(['producer', 'purchaser']).describe('producer for its own goods; purchaser (收购) for goods it bought, mixed or repacked');

export const certificateOut = z.object({
  id: z.uuid(),
  number: z.string().describe('{batch code}-{nn}'),
  batchId: z.uuid(),
  batchCode: z.string(),
  productName: z.string(),
  issuerRole,
  basis: z.enum(CERTIFICATE_BASES),
  testedItems: z.array(z.string()),
  sources: z.array(z.string()).describe('numbers of the certificates received with the goods it rests on'),
  quantity: z.number(),
  unit: z.string(),
  issuedOn: z.string(),
  issuedAt: z.date(),
  prints: z.number().int().describe('copies printed so far'),
});

export const receivedCertificateOut = z.object({
  id: z.uuid(),
  number: z.string(),
  batchCode: z.string().describe('the seller’s batch it was issued on'),
  issuerName: z.string().nullable(),
  basis: z.string(),
  quantity: z.number(),
  unit: z.string(),
  issuedOn: z.string(),
  receivedAt: z.string(),
});

export const batchCertificatesOut = z.object({ issued: z.array(certificateOut), received: z.array(receivedCertificateOut) });

export const publicCertificateOut = z.object({
  number: z.string(),
  batchCode: z.string(),
  productName: z.string(),
  issuerName: z.string(),
  issuerRegion: z.string(),
  issuerRole,
  basis: z.enum(CERTIFICATE_BASES),
  testedItems: z.array(z.string()),
  sources: z.array(z.string()),
  quantity: z.number(),
  unit: z.string(),
  issuedOn: z.string(),
  batchStatus: z.string().describe('the batch’s state now: active, held, failed, recalled or voided'),
});

/** A certificate number as printed: a 20-digit trace code, a hyphen, its place among the batch's certificates. */
export const certificateNumber = z.string().regex(/^\d{20}-\d{2,4}$/);
