import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { plainText } from '../../../platform/http/text-fields.shared.js';
import { CERTIFICATION_SCHEMES } from '../integration.shared.js';
import { CERTIFIED_STATES, MAX_CERTIFICATE_PUSH, MAX_TRACE_CHECK, TRACE_CHECK_OUTCOMES } from './certification.shared.js';

/** 统一社会信用代码 or 居民身份证号码 (18 characters); its check character is checked by the service. */
export const identityNumber = z.string().regex(/^[0-9A-Za-z]{18}$/, 'an 18-character credit code or resident ID number');
const day = z.iso.date();

export const standingKeyParam = z.strictObject({ uscc: identityNumber });
export const standingByIdIn = z.strictObject({ idNumber: identityNumber });

const activityOut = z.object({ since: z.string(), batches: z.number().int(), scanTrades: z.number().int(), marketVouchers: z.number().int(), lastActivityAt: z.date().nullable() });
const schemeCertificateOut = z.object({
  scheme: z.enum(CERTIFICATION_SCHEMES),
  number: z.string(),
  products: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  state: z.enum(CERTIFIED_STATES),
  annualCheck: z.object({ year: z.number().int(), result: z.enum(['passed', 'failed']) }).nullable(),
  renewedOn: z.string().nullable(),
});

/** 前置条件: what a certification system needs to know of a holder before it certifies, checks yearly or renews. */
export const standingOut = z.object({
  registered: z.boolean(),
  subject: z
    .object({
      id: z.uuid(),
      name: z.string(),
      status: z.string(),
      regionCode: z.string(),
      registeredAt: z.date().nullable(),
      certificates: z.array(z.object({ kind: z.string(), number: z.string(), products: z.string(), validFrom: z.string(), validTo: z.string(), status: z.string(), issuedBySystem: z.string().nullable() })),
    })
    .nullable(),
  activity: activityOut.nullable(),
  /** Registered, not suspended, and a batch recorded in the last 12 months. */
  implementsTraceability: z.boolean(),
  schemeCertificates: z.array(schemeCertificateOut),
});

export const certificateItemIn = z.strictObject({
  number: plainText(1, 60),
  holder: z.strictObject({ idNumber: identityNumber, name: plainText(1, 100), regionCode: z.string().regex(/^\d{6}(\d{3})?$/, 'the holder’s county (6 digits) or township (9)') }),
  products: plainText(1, 300),
  validFrom: day,
  validTo: day,
  state: z.enum(CERTIFIED_STATES),
  annualCheck: z.strictObject({ year: z.number().int().min(1990).max(2100), result: z.enum(['passed', 'failed']) }).optional(),
  renewedOn: day.optional(),
});

export const certificatePushIn = z.strictObject({ certificates: z.array(certificateItemIn).min(1).max(MAX_CERTIFICATE_PUSH) });
export const certificatePushOut = z.object({
  written: z.number().int(),
  unchanged: z.number().int(),
  /** Items whose holder is registered: their certificates now show on the subject's page and public page. */
  onSubjects: z.number().int(),
});

export const traceCheckIn = z.strictObject({
  title: plainText(2, 100),
  items: z.array(z.strictObject({ idNumber: identityNumber, name: plainText(1, 100).optional() })).min(1).max(MAX_TRACE_CHECK),
});

export const traceCheckItemOut = z.object({
  seq: z.number().int(),
  nameGiven: z.string().nullable(),
  identityShown: z.string(),
  outcome: z.enum(TRACE_CHECK_OUTCOMES),
  subjectId: z.uuid().nullable(),
  subjectName: z.string().nullable(),
  batches: z.number().int(),
  scanTrades: z.number().int(),
  marketVouchers: z.number().int(),
  lastActivityAt: z.date().nullable(),
});

export const traceCheckOut = z.object({
  id: z.uuid(),
  title: z.string(),
  regionCode: z.string(),
  itemCount: z.number().int(),
  implementing: z.number().int(),
  createdAt: z.date(),
  items: z.array(traceCheckItemOut),
});
export const traceCheckSummaryOut = traceCheckOut.omit({ items: true });
export const traceCheckPage = countedPageOf(traceCheckSummaryOut);
export const traceCheckListQuery = z.strictObject({ ...pageQuery });
export const traceCheckParam = z.strictObject({ id: z.uuid() });

export const coverageQuery = z.strictObject({ region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/).optional() });
export const coverageOut = z.object({
  regionCode: z.string(),
  schemes: z.array(z.object({ scheme: z.enum(CERTIFICATION_SCHEMES), holders: z.number().int(), onPlatform: z.number().int(), share: z.number().nullable() })),
});
export const coverageHoldersQuery = z.strictObject({
  scheme: z.enum(CERTIFICATION_SCHEMES),
  onPlatform: z.enum(['yes', 'no']).optional(),
  region: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/).optional(),
  ...pageQuery,
});
export const coverageHolderOut = z.object({
  number: z.string(),
  holderName: z.string(),
  holderShown: z.string(),
  regionCode: z.string(),
  products: z.string(),
  validTo: z.string(),
  state: z.enum(CERTIFIED_STATES),
  subjectId: z.uuid().nullable(),
});
export const coverageHolderPage = countedPageOf(coverageHolderOut);
