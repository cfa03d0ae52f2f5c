import { z } from 'zod';
import { countedPageOf, pageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { paragraphText, plainText } from '../../../platform/http/text-fields.shared.js';
import { INCIDENT_EVENT_KINDS, INCIDENT_STATES, OVERDUE_MARKS } from './incident-values.shared.js';


export const incidentLevel = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const provinceCode = z.string().regex(/^\d{2}$/, 'a province code: 2 digits');

export const incidentIdParam = z.strictObject({ id: z.uuid() });
export const writeCheckParams = z.strictObject({ id: z.uuid(), auditId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export const noticeIdParam = z.strictObject({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** 报告内容 (技术指南 应急响应 (四)): 时间、地点、现象、影响业务范围及趋势、措施、恢复预期. */
export const reportIn = z.strictObject({
  level: incidentLevel,
  occurredAt: z.iso.datetime({ offset: true }),
  place: plainText(2, 200),
  phenomenon: paragraphText(2, 2000),
  impact: paragraphText(2, 2000),
  measures: paragraphText(2, 2000),
  expectedRecovery: paragraphText(2, 1000),
  /** Provinces concerned (2-digit codes); none: the whole country. */
  provinces: z.array(provinceCode).max(40).default([]),
});
export type ReportIn = z.infer<typeof reportIn>;

export const progressIn = z.strictObject({ note: paragraphText(2, 2000) });
export const consentIn = z.strictObject({ note: plainText(1, 1000).optional() });
export const escalateIn = z.strictObject({ reason: plainText(2, 1000) });
export const extensionIn = z.strictObject({ until: z.iso.datetime({ offset: true }), reason: plainText(2, 1000) });
export const extensionDecisionIn = z.strictObject({ approve: z.boolean(), note: plainText(1, 1000).optional() });
export const recoverIn = z.strictObject({ notice: paragraphText(2, 2000) });
export const closeIn = z.strictObject({ record: paragraphText(2, 5000), assessment: paragraphText(2, 5000).optional() });
export const liaisonIn = z.strictObject({ userId: z.uuid() });
export const checkIn = z.strictObject({ note: plainText(1, 500).optional() });

export const incidentEventOut = z.object({
  id: z.number().int(),
  kind: z.enum(INCIDENT_EVENT_KINDS),
  /** null: the machine (the deadline job), named in actorName. */
  actorId: z.string().nullable(),
  actorName: z.string(),
  fromLevel: z.number().int().nullable(),
  toLevel: z.number().int().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  at: z.date(),
});

export const incidentSummaryOut = z.object({
  id: z.string(),
  no: z.string(),
  level: z.number().int(),
  state: z.enum(INCIDENT_STATES),
  occurredAt: z.date(),
  place: z.string(),
  phenomenon: z.string(),
  provinces: z.array(z.string()),
  reportedAt: z.date(),
  levelSince: z.date(),
  deadlineAt: z.date(),
  overdue: z.enum(OVERDUE_MARKS).nullable(),
  provincesToldAt: z.date().nullable(),
  extensionUntil: z.date().nullable(),
  recoveredAt: z.date().nullable(),
  closedAt: z.date().nullable(),
});
export const incidentOut = incidentSummaryOut.extend({
  impact: z.string(),
  measures: z.string(),
  expectedRecovery: z.string(),
  consentAt: z.date().nullable(),
  extensionReason: z.string().nullable(),
  recoveryNotice: z.string().nullable(),
  record: z.string().nullable(),
  assessment: z.string().nullable(),
  events: z.array(incidentEventOut),
});
export type IncidentOut = z.infer<typeof incidentOut>;

export const incidentListQuery = z.strictObject({ ...pageQuery, state: z.enum(INCIDENT_STATES).optional(), level: z.coerce.number().int().min(1).max(3).optional() });
export const incidentPage = countedPageOf(incidentSummaryOut);

export const liaisonOut = z.object({ provinceCode: z.string(), userId: z.string().nullable(), displayName: z.string().nullable(), username: z.string().nullable(), setAt: z.date().nullable() });
export const liaisonsOut = z.object({ items: z.array(liaisonOut) });

export const noticeOut = z.object({
  id: z.number().int(),
  incidentId: z.string(),
  incidentNo: z.string(),
  provinceCode: z.string(),
  kind: z.enum(['report', 'escalate', 'recover']),
  level: z.number().int(),
  phenomenon: z.string(),
  sentAt: z.date(),
  readAt: z.date().nullable(),
});
export const noticesOut = z.object({ items: z.array(noticeOut), unread: z.number().int() });

/** 后期恢复: the window looked back before the failure, in hours (the business writes to re-check). */
export const writesQuery = z.strictObject({ ...pageQuery, hours: z.coerce.number().int().min(1).max(72).default(2) });
export const writeOut = z.object({
  auditId: z.number().int(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  regionCode: z.string(),
  checkedAt: z.date().nullable(),
  checkedByName: z.string().nullable(),
  note: z.string().nullable(),
});
export const writesPage = pageOf(writeOut).extend({ from: z.date(), to: z.date(), unchecked: z.number().int() });
