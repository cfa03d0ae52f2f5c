import { z } from 'zod';
import { listScope } from '../../platform/http/list-scope.shared.js';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { INSPECTION_INDUSTRIES } from './inspection-values.shared.js';
import { recipientOptionOut } from '../tasks/contracts.js';

// The wire shapes of the supervision domain (监管业务), shared by routes and the web console.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd');
export const idParam = z.strictObject({ id: z.uuid() });

// An agency offered as a transfer's target, in the shape a task's recipient options take.
export { recipientOptionOut };

// Checklists and inspections (基地巡查)

export { INSPECTION_INDUSTRIES };
export const checklistItem = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), zh: plainText(1, 100), en: plainText(1, 160) });
export const checklistOut = z.object({ industry: z.enum(INSPECTION_INDUSTRIES), provinceCode: z.string().nullable(), version: z.number(), items: z.array(checklistItem) });
export const checklistQuery = z.strictObject({ industry: z.enum(INSPECTION_INDUSTRIES), province: z.string().regex(/^\d{2}$/).optional() });
export const checklistIn = z.strictObject({ items: z.array(checklistItem).min(1).max(60) });

export const inspectionIn = z.strictObject({
  subjectId: z.uuid(),
  industry: z.enum(INSPECTION_INDUSTRIES),
  /** Every item of the industry's checklist answered; an item left out is refused (422 CHECKLIST_UNANSWERED). */
  answers: z.array(z.strictObject({ key: z.string().max(40), result: z.enum(['pass', 'fail', 'na']), note: plainText(1, 500).optional() })).max(60),
  /** At least one photo, or `noPhotoReason` (422 PHOTO_REQUIRED). */
  photos: z.array(z.uuid()).max(9).default([]),
  noPhotoReason: plainText(2, 200).optional(),
  /** The GPS point, or `noPointReason` (422 POINT_REQUIRED). */
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  noPointReason: plainText(2, 200).optional(),
  /** Required for a problem, and for 合格 despite a 不符合 item (422 FINDINGS_REQUIRED, CONCLUSION_CONTRADICTS_ANSWERS). */
  findings: plainText(1, 2000).optional(),
  conclusion: z.enum(['compliant', 'problem']),
  rectifyBy: day.optional(),
  followUpOf: z.uuid().optional(),
  taskId: z.uuid().optional(),
});

export const inspectionOut = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  regionCode: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  inspectorName: z.string(),
  industry: z.enum(INSPECTION_INDUSTRIES),
  checklist: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), result: z.enum(['pass', 'fail', 'na']), note: z.string().optional() })),
  photos: z.array(z.string()),
  noPhotoReason: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  noPointReason: z.string().nullable(),
  findings: z.string().nullable(),
  conclusion: z.enum(['compliant', 'problem']),
  rectifyBy: z.string().nullable(),
  rectification: z.enum(['none', 'pending', 'overdue', 'done']),
  followUpOf: z.string().nullable(),
  taskId: z.string().nullable(),
  transfer: z.object({ id: z.string(), toAgencyId: z.string(), toAgencyName: z.string(), status: z.string(), caseId: z.string().nullable(), reason: z.string() }).nullable(),
  inspectedAt: z.date(),
});
export const inspectionPage = countedPageOf(inspectionOut.omit({ checklist: true }));
export const inspectionListQuery = z.strictObject({
  ...pageQuery,
  subjectId: z.uuid().optional(),
  conclusion: z.enum(['compliant', 'problem']).optional(),
  rectification: z.enum(['none', 'pending', 'overdue', 'done']).optional(),
  ...listScope,
  /** Which day `from`/`to` bound: the inspection's (default), or the rectification's deadline (the statistics' 整改 by due day). */
  periodOf: z.enum(['inspected', 'due']).optional(),
});
export const periodQuery = z.strictObject({ from: day, to: day });

export const transferIn = z.strictObject({ toAgencyId: z.uuid(), reason: plainText(2, 1000) });
export const transferOut = z.object({
  id: z.string(),
  inspectionId: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  fromAgencyName: z.string(),
  toAgencyId: z.string(),
  toAgencyName: z.string(),
  regionCode: z.string(),
  reason: z.string(),
  findings: z.string().nullable(),
  status: z.string(),
  caseId: z.string().nullable(),
  createdAt: z.date(),
});

export const uploadOut = z.object({ fileId: z.string(), mime: z.string(), size: z.number() });

export type InspectionIn = z.infer<typeof inspectionIn>;
export type InspectionOut = z.infer<typeof inspectionOut>;
export type TransferOut = z.infer<typeof transferOut>;
export const transferPage = countedPageOf(transferOut);

/**
 * 移交 by region and period (the statistics' and monitors' 待受理移交 open their list): `box=jurisdiction` is every
 * transfer filed in my jurisdiction, whichever enforcement agency it went to (what the figures count; the same
 * transfers an enforcement agency already reads with their inspections), `inbox` (default) those sent to my agency.
 * `from`/`to` bound the day it was transferred, the day the figure counts it on.
 */
export const transferListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['pending', 'accepted']).optional(),
  box: z.enum(['inbox', 'jurisdiction']).optional(),
  ...listScope,
});
