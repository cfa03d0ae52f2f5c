import { z } from 'zod';
import { listScope } from '../../platform/http/list-scope.shared.js';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { CASE_STAGES, PENALTY_KINDS } from './case-stages.shared.js';

// The wire shapes of the enforcement domain (执法业务), shared by routes and the web console.

export const idParam = z.strictObject({ id: z.uuid() });

export const caseIn = z.strictObject({
  transferId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  title: plainText(2, 120),
  summary: plainText(1, 2000),
});

export const recordIn = z.strictObject({
  kind: z.enum(['note', 'onsite', 'evidence']),
  content: z.string().trim().min(1).max(10_000),
  attachments: z.array(z.uuid()).max(9).default([]),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  /** The subject's identity as scanned or typed on site (the /e/ link, the temporary code or the identity code): it must be the case's subject. */
  identity: z.string().trim().min(1).max(300).optional(),
});

export const advanceIn = z.strictObject({
  to: z.enum(CASE_STAGES),
  note: plainText(1, 1000).optional(),
  legalBasis: plainText(2, 1000).optional(),
  penaltyKind: z.enum(PENALTY_KINDS).optional(),
  penaltyAmount: z.number().positive().max(1e10).optional(),
  decision: plainText(2, 2000).optional(),
});

/** 委托检测: a supervisory-sampling sheet or a monitoring task sent to a testing agency for this case. */
export const commissionIn = z.strictObject({
  kind: z.enum(['supervisory_sampling', 'routine_monitoring', 'special_monitoring']),
  testingAgencyId: z.uuid(),
  title: plainText(2, 120),
  content: z.string().trim().min(1).max(10_000),
  productScope: plainText(1, 200).optional(),
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd'),
});

const caseBase = {
  id: z.string(),
  caseNo: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  regionCode: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  source: z.enum(['transfer', 'task', 'own']),
  title: z.string(),
  stage: z.enum(CASE_STAGES),
  createdAt: z.date(),
  updatedAt: z.date(),
};

export const caseListItem = z.object(caseBase);
export const casePage = countedPageOf(caseListItem);
/** `stage` 'open': any stage before 结案 (the statistics' 办理中案件); `region`, `from`, `to`: filed there on those days. */
export const caseListQuery = z.strictObject({ ...pageQuery, stage: z.enum([...CASE_STAGES, 'open']).optional(), subjectId: z.uuid().optional(), ...listScope });

export const caseOut = z.object({
  ...caseBase,
  summary: z.string(),
  legalBasis: z.string().nullable(),
  penaltyKind: z.enum(PENALTY_KINDS).nullable(),
  penaltyAmount: z.number().nullable(),
  decision: z.string().nullable(),
  closedAt: z.date().nullable(),
  /** Whether the caller's agency handles the case (others of the jurisdiction read it). */
  handling: z.boolean(),
  transfer: z
    .object({ id: z.string(), inspectionId: z.string(), fromAgencyName: z.string(), reason: z.string(), findings: z.string().nullable(), createdAt: z.date() })
    .nullable(),
  taskId: z.string().nullable(),
  commissions: z.array(
    z.object({ taskId: z.string(), kind: z.string(), title: z.string(), dueOn: z.string().nullable(), agencyName: z.string(), status: z.string(), report: z.string().nullable(), reportedAt: z.date().nullable() }),
  ),
  history: z.array(z.object({ fromStage: z.string().nullable(), toStage: z.string(), note: z.string().nullable(), actorName: z.string(), at: z.date() })),
  records: z.array(
    z.object({
      id: z.string(),
      stage: z.string(),
      kind: z.enum(['note', 'onsite', 'evidence']),
      content: z.string(),
      attachments: z.array(z.string()),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      recordedByName: z.string(),
      recordedAt: z.date(),
    }),
  ),
});

export type CaseIn = z.infer<typeof caseIn>;
export type CaseOut = z.infer<typeof caseOut>;
export type AdvanceIn = z.infer<typeof advanceIn>;
export type RecordIn = z.infer<typeof recordIn>;
export type CommissionIn = z.infer<typeof commissionIn>;
