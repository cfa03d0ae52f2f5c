import { z } from 'zod';
import { listScope } from '../../../platform/http/list-scope.shared.js';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice.shared.js';
import { regionCode } from '../../regions/contracts.js';
import { mobilePhone, password, plainText, username, uuid } from '../contracts.js';
import { PRIORITY_FLAGS } from './priority-flags.shared.js';
import { ALL_OUTPUT_UNITS, ALL_SCALE_UNITS, OUTPUT_UNITS, SCALE_UNITS } from './subject-units.shared.js';
import {
  APPLICATION_STATUSES,
  BAD_RECORD_SEVERITIES,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CHANGE_REQUEST_STATUSES,
  CHANGEABLE_FIELDS,
  ID_KINDS,
  IDENTITY_CLASHES,
  INDUSTRIES,
  ORG_FORMS,
  PHOTO_KINDS,
  SUBJECT_CATEGORIES,
  SUBJECT_STATUSES,
} from './subject-values.shared.js';

export {
  ALL_OUTPUT_UNITS,
  ALL_SCALE_UNITS,
  APPLICATION_STATUSES,
  BAD_RECORD_SEVERITIES,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CHANGE_REQUEST_STATUSES,
  CHANGEABLE_FIELDS,
  ID_KINDS,
  IDENTITY_CLASHES,
  INDUSTRIES,
  ORG_FORMS,
  OUTPUT_UNITS,
  PHOTO_KINDS,
  SCALE_UNITS,
  SUBJECT_CATEGORIES,
  SUBJECT_STATUSES,
};

// The wire shapes of subject registration (主体注册), shared by routes and the web console.

export const category = z.union(SUBJECT_CATEGORIES.map((c) => z.literal(c)) as unknown as [z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]);
export const orgForm = category;
export const industry = z.enum(INDUSTRIES);
export const idKind = z.enum(ID_KINDS);
/** The number as typed, upper-cased; its check character is judged by the service to give a precise error. */
export const idNumber = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().min(15).max(18));

export const photoRef = z.strictObject({ kind: z.enum(PHOTO_KINDS), fileId: uuid });

/** What the wizard collects (three steps: who, identity, where + login). */
export const subjectProfileIn = z.strictObject({
  category,
  orgForm,
  name: plainText(2, 100),
  industries: z.array(industry).min(1).max(3),
  scale: z.number().positive().max(1e9),
  scaleUnit: z.enum(ALL_SCALE_UNITS),
  annualOutput: z.number().min(0).max(1e9),
  outputUnit: z.enum(ALL_OUTPUT_UNITS),
  idKind,
  idNumber,
  legalRep: plainText(2, 60),
  phone: mobilePhone,
  photos: z.array(photoRef).min(1).max(8),
  provinceCode: z.string().regex(/^\d{2}$/, 'a 2-digit province code'),
  countyCode: z.string().regex(/^\d{6}$/, 'a 6-digit county code'),
  townshipCode: z.string().regex(/^\d{9}$/, 'a 9-digit township code'),
  address: plainText(2, 200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type SubjectProfileIn = z.infer<typeof subjectProfileIn>;

/** The upload ticket the application's photos were uploaded under (`POST /api/v1/registry/upload-tickets`). */
const uploadTicket = z.string().min(1).max(100);
/** The consent to the privacy notice (ID photos are sensitive personal information, 个人信息保护法 第二十八条、第二十九条: separate consent). */
export { PRIVACY_NOTICE_VERSION };
/** 法定代表人身份证号 (issue 21 §3): a company's or co-operative's legal representative, kept encrypted and shown masked. */
const legalRepIdNumber = idNumber.optional();
export const applicationIn = subjectProfileIn.extend({ username, password, uploadTicket, privacyConsent: z.literal(PRIVACY_NOTICE_VERSION), legalRepIdNumber });
export type ApplicationIn = z.infer<typeof applicationIn>;
/** A returned application corrected: the login stays; a new password is optional; new photos come under a ticket. */
export const resubmitIn = subjectProfileIn.extend({ password: password.optional(), uploadTicket: uploadTicket.optional(), legalRepIdNumber });
export type ResubmitIn = z.infer<typeof resubmitIn>;

export const trackingCode = z.string().regex(/^[A-Z0-9]{12}$/, 'a 12-character tracking code');
export const trackingParam = z.strictObject({ code: trackingCode });

/** The registration data as shown: identity number and phone masked unless the viewer is the approving county. */
export const subjectProfileOut = z.object({
  category: z.number().int(),
  orgForm: z.number().int(),
  name: z.string(),
  industries: z.array(z.string()),
  scale: z.number().nullable(),
  scaleUnit: z.string().nullable(),
  annualOutput: z.number().nullable(),
  outputUnit: z.string().nullable(),
  idKind: z.string().nullable(),
  idNumber: z.string().nullable(),
  legalRep: z.string().nullable(),
  legalRepIdNumber: z.string().nullable().describe('法定代表人身份证号, masked unless the viewer is the approving county'),
  phone: z.string().nullable(),
  photos: z.array(z.object({ kind: z.string(), fileId: z.string() })),
  regionCode: z.string(),
  regionPath: z.array(z.object({ code: z.string(), name: z.string() })),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type SubjectProfileOut = z.infer<typeof subjectProfileOut>;

export const applicationEventOut = z.object({ action: z.string(), opinion: z.string().nullable(), actorName: z.string().nullable(), at: z.date() });

export const applicationOut = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  revision: z.number().int(),
  username: z.string(),
  opinion: z.string().nullable(),
  submittedAt: z.date(),
  decidedAt: z.date().nullable(),
  profile: subjectProfileOut,
  /** True when identity number and phone are shown in full (the responsible county's view, audited). */
  revealed: z.boolean(),
  history: z.array(applicationEventOut),
  subjectId: z.string().nullable(),
  identityCode: z.string().nullable(),
  /**
   * The identity number is already a registered subject's, or another open application's: the county decides which
   * is rightful. Shown to the applicant only through the tracking code, never in the answer to the submission.
   */
  clash: z.enum(IDENTITY_CLASHES).nullable(),
  /** Temporary subjects (recorded in the field) that look like this applicant, offered for claiming. */
  claimCandidates: z.array(z.object({ id: z.string(), tempCode: z.string(), name: z.string(), regionCode: z.string(), matchedBy: z.string(), createdAt: z.date() })),
});
export type ApplicationOut = z.infer<typeof applicationOut>;

export const uploadTicketOut = z.object({ ticket: z.string(), expiresAt: z.date() });

export const applicationCreatedOut = z.object({ id: z.string(), trackingCode: z.string(), status: z.string(), statusUrl: z.string() });

export const applicationListItem = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  name: z.string(),
  category: z.number().int(),
  orgForm: z.number().int(),
  idKind: z.string(),
  idNumber: z.string().describe('masked'),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  revision: z.number().int(),
  submittedAt: z.date(),
  clash: z.enum(IDENTITY_CLASHES).nullable(),
});
export const applicationPage = countedPageOf(applicationListItem);
/** `region`, `from`, `to`: filed under the region, submitted on those days (the statistics' 注册申请). */
export const applicationListQuery = z.strictObject({ ...pageQuery, status: z.enum(APPLICATION_STATUSES).optional(), q: z.string().trim().max(50).optional(), ...listScope });

export const opinionIn = z.strictObject({ opinion: plainText(2, 500) });
export const approveIn = z.strictObject({ claimTemporaryId: uuid.optional() }).nullish();

export const uploadOut = z.object({ fileId: z.string(), mime: z.string(), size: z.number().int() });

export const subjectListItem = z.object({
  id: z.string(),
  name: z.string(),
  identityCode: z.string().describe('masked for a natural person'),
  category: z.number().int(),
  orgForm: z.number().int(),
  industries: z.array(z.string()),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.string(),
  registeredAt: z.date().nullable(),
  /** 重点主体 flags set by the agencies (龙头企业, 菜篮子, 规模主体). */
  priorityFlags: z.array(z.enum(PRIORITY_FLAGS)),
});
export const subjectPage = countedPageOf(subjectListItem);
const subjectFilter = {
  q: z.string().trim().max(50).optional().describe('name, or an identity code / number (exact)'),
  status: z.enum(SUBJECT_STATUSES).optional(),
  category: z.coerce.number().int().min(0).max(3).optional(),
  regionCode: regionCode.optional(),
  /** Only subjects carrying this 重点主体 flag. */
  priority: z.enum(PRIORITY_FLAGS).optional(),
  /** Created on or after / on or before these China days (the statistics count subjects by the day they were recorded). */
  from: listScope.from,
  to: listScope.to,
};
export const subjectListQuery = z.strictObject({ ...pageQuery, ...subjectFilter });
export const subjectFilterQuery = z.strictObject(subjectFilter);

export const statusEventOut = z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), reason: z.string().nullable(), actorName: z.string().nullable(), at: z.date() });

export const certificateOut = z.object({
  id: z.string(),
  subjectId: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  number: z.string(),
  products: z.string(),
  issuer: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  scanFileId: z.string().nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
  /** Whether today lies within the validity. */
  valid: z.boolean(),
  verifiedAt: z.date().nullable(),
  verifyNote: z.string().nullable(),
  /** The certification system that pushed it (平台对接): verified by its issuer, not by an agency. */
  issuedBySystem: z.string().nullable(),
  createdAt: z.date(),
});
export type CertificateOut = z.infer<typeof certificateOut>;

export const badRecordOut = z.object({
  id: z.string(),
  severity: z.enum(BAD_RECORD_SEVERITIES),
  description: z.string(),
  occurredOn: z.string(),
  source: z.string(),
  agencyName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.date(),
});

export const subjectDetailOut = subjectListItem.extend({
  profile: subjectProfileOut,
  tempCode: z.string().nullable(),
  certificates: z.array(certificateOut),
  badRecords: z.array(badRecordOut),
  statusHistory: z.array(statusEventOut),
  accountCount: z.number().int(),
  pendingChange: z.boolean(),
});
export type SubjectDetailOut = z.infer<typeof subjectDetailOut>;

export const statusChangeIn = z.strictObject({ reason: plainText(2, 500) });
/** Set (`set: true`) or clear a 重点主体 flag, with the reason the audit log keeps. */
export const priorityFlagIn = z.strictObject({ flag: z.enum(PRIORITY_FLAGS), set: z.boolean(), reason: plainText(2, 500) });
export const badRecordIn = z.strictObject({
  severity: z.enum(BAD_RECORD_SEVERITIES),
  description: plainText(2, 1000),
  occurredOn: z.iso.date(),
});

export const certificateIn = z.strictObject({
  kind: z.enum(CERTIFICATE_KINDS),
  number: plainText(2, 60),
  products: plainText(1, 300),
  issuer: plainText(2, 100).optional(),
  validFrom: z.iso.date(),
  validTo: z.iso.date(),
  scanFileId: uuid,
});
export const certificateVerifyIn = z.strictObject({ verified: z.boolean(), note: plainText(1, 300).optional() });

export const staffIn = z.strictObject({ username, displayName: plainText(1, 60), phone: mobilePhone.optional(), password });
export const staffUpdateIn = z.strictObject({ status: z.enum(['active', 'disabled']) });

export const identityOut = z.object({
  url: z.string(),
  token: z.string(),
  issuedAt: z.date(),
  /** The QR as an SVG document, for the console to show without another request. */
  qrSvg: z.string(),
});

/** What an inspector or trader sees after scanning an electronic identity. */
export const scannedIdentityOut = z.object({
  subject: subjectListItem,
  certificates: z.array(certificateOut),
  /** Set for agency officials of the subject's jurisdiction: open the full record. */
  canOpenDetail: z.boolean(),
});

export const changeRequestIn = z.strictObject({
  changes: subjectProfileIn
    .pick(Object.fromEntries(CHANGEABLE_FIELDS.map((f) => [f, true])) as { [K in (typeof CHANGEABLE_FIELDS)[number]]: true })
    .partial()
    .refine((v) => Object.keys(v).length > 0, 'nothing to change'),
  reason: plainText(2, 500),
});
export type ChangeRequestIn = z.infer<typeof changeRequestIn>;
export const changeRequestOut = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  status: z.enum(CHANGE_REQUEST_STATUSES),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  opinion: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export const changeRequestPage = countedPageOf(changeRequestOut);
export const changeRequestListQuery = z.strictObject({ ...pageQuery, status: z.enum(CHANGE_REQUEST_STATUSES).optional() });
/** The county's inbox, or one subject's change requests (a part of its file). */
/** `region`, `from`, `to`: the subject's region, asked on those days (the statistics' 变更申请). */
export const changeRequestInboxQuery = changeRequestListQuery.extend({ subjectId: z.uuid().optional(), ...listScope });

/** An audit entry about a subject, as its file shows it (变更记录). */
export const subjectHistoryOut = z.object({
  id: z.number().int(),
  at: z.date(),
  action: z.string(),
  actorName: z.string().nullable(),
  actorAffiliation: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const subjectHistoryPage = countedPageOf(subjectHistoryOut);
export const decideChangeIn = z.strictObject({ opinion: plainText(2, 500).optional() }).nullish();

export const temporarySubjectIn = z.strictObject({
  category,
  orgForm,
  name: plainText(2, 100),
  industries: z.array(industry).min(1).max(3),
  idKind: idKind.optional(),
  idNumber: idNumber.optional(),
  phone: mobilePhone.optional(),
  regionCode: z.string().regex(/^\d{6}(\d{3})?$/, 'a county (6) or township (9) code'),
  address: plainText(2, 200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  /** What it produces, stored as the trace domain's products of the subject, so they stay with it when it is claimed. */
  products: z
    .array(z.strictObject({ name: plainText(1, 100), classCode: z.string().regex(/^\d{2,12}$/) }))
    .max(20)
    .optional(),
});
export const temporarySubjectOut = z.object({ id: z.string(), tempCode: z.string(), name: z.string(), regionCode: z.string(), createdAt: z.date() });
