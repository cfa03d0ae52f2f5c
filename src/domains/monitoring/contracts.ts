import { z } from 'zod';
import { listScope } from '../../platform/http/list-scope.shared.js';
import { countedPageOf, pageQuery } from '../../platform/http/page.shared.js';
import { plainText } from '../../platform/http/text-fields.shared.js';
import { ANIMAL_SPECIES, ANIMAL_TISSUES } from '../trace/animal.shared.js';
import { ANALYTE_KINDS, ANSWERS, CONTACT_VIA, HOLD_STATUSES, PLACE_KINDS, RECALL_KINDS, REPORT_ACTIONS, REPORT_STATUSES, RESULT_UNITS, SAMPLE_STATUSES, VERDICTS } from './monitoring-values.shared.js';

export { ANALYTE_KINDS, ANSWERS, CONTACT_VIA, HOLD_STATUSES, PLACE_KINDS, RECALL_KINDS, REPORT_ACTIONS, REPORT_STATUSES, RESULT_UNITS, SAMPLE_STATUSES, VERDICTS };

// The wire shapes of the monitoring domain (监测业务), shared by routes and the web console.

export const idParam = z.strictObject({ id: z.uuid() });
export const taskIdParam = z.strictObject({ taskId: z.uuid() });
export const reportVersionParam = z.strictObject({ id: z.uuid(), version: z.coerce.number().int().min(1).max(1000) });


const point = { lat: z.number().min(-90).max(90).optional(), lng: z.number().min(-180).max(180).optional() };

/** A product without a code, entered by hand: it gets a temporary product code (type 5). */
export const manualProductIn = z.strictObject({
  productName: plainText(1, 100),
  classCode: z.string().regex(/^\d{2,12}$/),
  /** The sampled holder as read on site (a stall keeper, a farm), when not on the platform. */
  subjectName: plainText(1, 100).optional(),
  /** The producer's county as the holder declares it (6 digits): whose agencies a failure alerts. */
  originRegion: z.string().regex(/^\d{6}$/).optional(),
});

export const sampleIn = z
  .strictObject({
    taskId: z.uuid(),
    /** Any code scanned or typed (batch, trace code, market-entry voucher, long code); or `manual`. */
    code: z.string().trim().min(1).max(80).optional(),
    manual: manualProductIn.optional(),
    placeKind: z.enum(PLACE_KINDS),
    placeName: plainText(1, 100),
    /** The place's region (county 6 or township 9 digits): the sample is filed there. */
    regionCode: z.string().regex(/^(\d{6}|\d{9})$/),
    quantity: z.number().positive().max(100_000),
    unit: plainText(1, 16),
    sealNo: plainText(1, 40).optional(),
    witnesses: z.array(z.strictObject({ name: plainText(1, 50), role: plainText(1, 50) })).max(5).default([]),
    /** Field photos uploaded first to POST /api/v1/supervision/photos. */
    photos: z.array(z.uuid()).max(9).default([]),
    ...point,
    note: plainText(1, 1000).optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.manual), { message: 'either a code or a manual product, not both' });

export const receiveIn = z.strictObject({ note: plainText(1, 500).optional() });

export const resultIn = z.strictObject({
  analyteCode: z.string().min(1).max(40),
  methodStandard: plainText(2, 120),
  value: z.number().min(0).max(1_000_000),
  unit: z.enum(RESULT_UNITS),
  /** The method's limit of detection, in the same unit as the value. */
  lod: z.number().min(0).max(1_000_000),
  /** The lab's own limit, when the seeded one does not apply or is missing: value (same unit) and the standard it cites. */
  limitOverride: z.strictObject({ value: z.number().min(0).max(1_000_000), standard: plainText(4, 200) }).optional(),
});

/** Version 1 of the results (the first judgement) and every correction after it (with its reason). */
export const resultsIn = z.strictObject({ results: z.array(resultIn).min(1).max(200) });
export const correctionIn = resultsIn.extend({ reason: plainText(4, 1000) });

export const resultOut = z.object({
  analyteCode: z.string(),
  analyteZh: z.string(),
  analyteEn: z.string(),
  methodStandard: z.string(),
  value: z.number(),
  unit: z.string(),
  valueMgPerKg: z.number(),
  lodMgPerKg: z.number(),
  limitId: z.number().nullable(),
  limitMgPerKg: z.number().nullable(),
  limitStandard: z.string(),
  limitOverridden: z.boolean(),
  detected: z.boolean(),
  verdict: z.enum(VERDICTS),
});

export const reportStepOut = z.object({ action: z.enum(REPORT_STATUSES), byName: z.string(), at: z.string(), reason: z.string().optional() });

export const reportOut = z.object({
  version: z.number(),
  verdict: z.enum(VERDICTS),
  reason: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  /** 编制 (entered), 审核 (reviewed), 批准 (approved: issuedByName, issuedAt). */
  enteredByName: z.string(),
  enteredAt: z.date(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  issuedByName: z.string().nullable(),
  issuedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  history: z.array(reportStepOut),
  results: z.array(resultOut),
});

export const sampleOut = z.object({
  id: z.string(),
  sampleNo: z.string(),
  taskId: z.string(),
  taskTitle: z.string(),
  taskKind: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  regionCode: z.string(),
  code: z.string(),
  codeType: z.number(),
  batchId: z.string().nullable(),
  productName: z.string(),
  classCode: z.string(),
  classZh: z.string(),
  /** The species and tissue an animal product is judged by (its batch's, else its class's); empty for a plant. */
  animal: z.object({ species: z.enum(ANIMAL_SPECIES).optional(), tissue: z.enum(ANIMAL_TISSUES).optional() }),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  originRegion: z.string().nullable(),
  chain: z.array(z.object({ code: z.string(), subjectName: z.string(), regionCode: z.string(), at: z.string(), source: z.string() })),
  placeKind: z.enum(PLACE_KINDS),
  placeName: z.string(),
  quantity: z.number(),
  unit: z.string(),
  sealNo: z.string().nullable(),
  witnesses: z.array(z.object({ name: z.string(), role: z.string() })),
  photos: z.array(z.string()),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  note: z.string().nullable(),
  samplerName: z.string(),
  sampledAt: z.date(),
  status: z.enum(SAMPLE_STATUSES),
  receivedByName: z.string().nullable(),
  receivedAt: z.date().nullable(),
  receivedNote: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  judgedAt: z.date().nullable(),
  /** Every version, newest first: the issued (approved) ones and the draft in review, if any. */
  reports: z.array(reportOut),
  /** What the reader may do now at the lab bench (the lab's own users only; empty for everyone else). */
  actions: z.array(z.enum(REPORT_ACTIONS)),
  /** The batches a failure holds (同源批次待核查) and the recall order, for those who read the sample. */
  holds: z.object({ held: z.number(), released: z.number(), withdrawn: z.number(), recallOrderId: z.string().nullable() }),
  /** The alerts a failure sent (agency names), when it failed. */
  alerts: z.array(z.object({ id: z.string(), agencyName: z.string(), caseId: z.string().nullable() })),
});

export const sampleListItem = sampleOut.pick({
  id: true,
  sampleNo: true,
  taskId: true,
  taskTitle: true,
  code: true,
  codeType: true,
  productName: true,
  classZh: true,
  subjectName: true,
  placeKind: true,
  placeName: true,
  regionCode: true,
  samplerName: true,
  sampledAt: true,
  status: true,
  verdict: true,
});
export const samplePage = countedPageOf(sampleListItem);
export const sampleListQuery = z.strictObject({
  ...pageQuery,
  taskId: z.uuid().optional(),
  status: z.enum(SAMPLE_STATUSES).optional(),
  verdict: z.enum(VERDICTS).optional(),
  /** The samples taken from one subject (its file). */
  subjectId: z.uuid().optional(),
  /** Sampled in the region on those days (the statistics' 抽样 and 合格率 count by the sampling day). */
  ...listScope,
});

/** What the sheet is filled from when a code is scanned, before the sample is saved. */
export const sampleFactsOut = sampleOut.pick({ code: true, codeType: true, batchId: true, productName: true, classCode: true, classZh: true, subjectId: true, subjectName: true, originRegion: true, chain: true }).extend({
  /** Set when the code scanned is a foreign code of the batch (a province's own, a national long code; issue 17 §2). */
  resolvedFrom: z.object({ alias: z.string(), kind: z.enum(['province', 'national']) }).nullable().optional(),
});
export const codeQuery = z.strictObject({ code: z.string().trim().min(1).max(80) });

// Task summaries (数据汇总分析), reported to the agency that issued the task.

const tally = z.object({ key: z.string(), label: z.string(), taken: z.number(), tested: z.number(), failed: z.number(), passRate: z.number().nullable() });
export const summaryOut = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  /** One row per recipient agency the caller may see (the issuer sees all; a recipient its own). */
  recipients: z.array(
    z.object({
      recipientId: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      status: z.string(),
      planned: z.number().nullable(),
      taken: z.number(),
      tested: z.number(),
      failed: z.number(),
      passRate: z.number().nullable(),
      reportedAt: z.date().nullable(),
    }),
  ),
  byClass: z.array(tally),
  byAnalyte: z.array(tally),
  byRegion: z.array(tally),
  /** One line of the figures in Chinese, for the recipient's completion report (上报) upward. */
  reportLine: z.string(),
});

// Alerts (预警) of failed samples, in the inboxes of the producer's county supervision and enforcement agencies.

export const alertOut = z.object({
  id: z.string(),
  title: z.string(),
  sampleId: z.string(),
  sampleNo: z.string(),
  reportVersion: z.number(),
  batchId: z.string().nullable(),
  code: z.string(),
  productName: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  /** The failing results of that version. */
  failed: z.array(resultOut),
  recall: z.array(z.object({ batchId: z.string(), code: z.string(), depth: z.number(), holderName: z.string(), regionCode: z.string(), quantity: z.number(), unit: z.string() })),
  recallTotal: z.number(),
  readAt: z.date().nullable(),
  caseId: z.string().nullable(),
  /** The recall order issued for the sample (by whichever county agency issued it), once issued. */
  recallOrderId: z.string().nullable(),
  createdAt: z.date(),
});
export const alertPage = countedPageOf(alertOut.omit({ failed: true, recall: true }));
/** `region`, `from`, `to`: the alerted agency's region (an agency sees its own alerts only), raised on those days. */
export const alertListQuery = z.strictObject({ ...pageQuery, unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), ...listScope });
/** 一键立案 from an alert: the title and summary are drafted from the sample unless given. */
export const alertCaseIn = z.strictObject({ title: plainText(2, 120).optional(), summary: plainText(1, 2000).optional() });

export type SampleIn = z.infer<typeof sampleIn>;
export type SampleOut = z.infer<typeof sampleOut>;
export type ReportOut = z.infer<typeof reportOut>;
export type ResultIn = z.infer<typeof resultIn>;
export type ResultOut = z.infer<typeof resultOut>;
export type SummaryOut = z.infer<typeof summaryOut>;
export type AlertOut = z.infer<typeof alertOut>;
export type AlertCaseIn = z.infer<typeof alertCaseIn>;
export type SampleFacts = z.infer<typeof sampleFactsOut>;

// Analytes and residue limits (limits.routes.ts): the lab bench's picker and the limit a result will be judged against.

export const analyteOut = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.enum(ANALYTE_KINDS), banned: z.boolean() });
export const analyteList = z.object({ items: z.array(analyteOut) });
export const limitQuery = z.strictObject({
  analyteCode: z.string().trim().min(1).max(40),
  classCode: z.string().regex(/^\d{2,12}$/),
  /** The product's name, for a limit set on a commodity the class file does not hold (韭菜 under 蔬菜). */
  productName: z.string().trim().min(1).max(100).optional(),
  /** An animal product's species and tissue (GB 31650 sets limits by them); by default the class's (猪肉: pig, muscle). */
  species: z.enum(ANIMAL_SPECIES).optional(),
  tissue: z.enum(ANIMAL_TISSUES).optional(),
});
export const limitOut = z.object({
  id: z.number(),
  analyteCode: z.string(),
  /** Null: banned or stopped, any detection at or above the limit of detection fails. */
  mrlMgPerKg: z.number().nullable(),
  commodityZh: z.string(),
  classCode: z.string().nullable(),
  animal: z.boolean(),
  residueDefinition: z.string(),
  standard: z.string(),
  clause: z.string(),
  sourceUrl: z.string(),
  note: z.string().nullable(),
  /** GB 31650's 动物种类 and 靶组织 as printed, for a veterinary drug's limit by species and tissue. */
  speciesZh: z.string().nullable().optional(),
  tissueZh: z.string().nullable().optional(),
  /** The ministry's reference set, a province's addition or the lab's own; a reference row's version. */
  origin: z.enum(['reference', 'province', 'lab']).optional(),
  version: z.number().int().optional(),
});
/** `limit` null: no seeded limit applies; the lab gives its own (limitOverride) or the result is refused. */
export const limitLookupOut = z.object({ analyte: analyteOut, classCode: z.string(), classZh: z.string(), limit: limitOut.nullable() });
export type AnalyteOut = z.infer<typeof analyteOut>;
export type LimitOut = z.infer<typeof limitOut>;

// The lab's settings (its admin): the CMA qualification number printed on reports, and who approves them.

export const labSettingsOut = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  cmaNo: z.string().nullable(),
  approvers: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  /** The lab's active accounts, to choose approvers from (its admin only). */
  members: z.array(z.object({ id: z.string(), displayName: z.string() })),
});
export const labSettingsIn = z.strictObject({
  /** 检验检测机构资质认定证书编号, as on the certificate; null clears it. */
  cmaNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,40}$/)
    .nullable(),
  approverIds: z.array(z.uuid()).max(50),
});
export const returnIn = z.strictObject({ reason: plainText(2, 1000) });
export type LabSettingsOut = z.infer<typeof labSettingsOut>;

// Failed lots: the holds on a failed sample's recall list and the county's recall order (召回/下架).


export const recallOrderIn = z.strictObject({
  kind: z.enum(RECALL_KINDS),
  instructions: plainText(4, 1000),
  dueOn: z.iso.date().optional(),
});
export const releaseIn = z.strictObject({ note: plainText(2, 500) });
export const recallReportIn = z
  .strictObject({
    withdrawn: z.number().min(0).max(100_000_000),
    destroyed: z.number().min(0).max(100_000_000),
    returned: z.number().min(0).max(100_000_000),
    note: plainText(1, 500).optional(),
  })
  .refine((v) => v.withdrawn + v.destroyed + v.returned > 0, { message: 'report at least one quantity' });

export const recallHolderOut = z.object({
  id: z.string(),
  batchId: z.string(),
  code: z.string(),
  depth: z.number(),
  holderName: z.string(),
  regionCode: z.string(),
  quantity: z.number(),
  unit: z.string(),
  contactVia: z.enum(CONTACT_VIA),
  /** The market operator the notice goes through (contactVia market). */
  marketName: z.string().nullable(),
  status: z.enum(HOLD_STATUSES),
  answer: z.enum(ANSWERS),
  acknowledgedAt: z.date().nullable(),
  acknowledgedByName: z.string().nullable(),
  withdrawn: z.number().nullable(),
  destroyed: z.number().nullable(),
  returned: z.number().nullable(),
  reportNote: z.string().nullable(),
  reportedAt: z.date().nullable(),
});
const unitTotals = z.object({ unit: z.string(), held: z.number(), withdrawn: z.number(), destroyed: z.number(), returned: z.number() });
export const recallOrderOut = z.object({
  id: z.string(),
  sampleId: z.string(),
  sampleNo: z.string(),
  productName: z.string(),
  agencyName: z.string(),
  kind: z.enum(RECALL_KINDS),
  instructions: z.string(),
  dueOn: z.string().nullable(),
  issuedByName: z.string(),
  issuedAt: z.date(),
  closedAt: z.date().nullable(),
  closedHow: z.enum(['released', 'withdrawn']).nullable(),
  closeNote: z.string().nullable(),
  holders: z.array(recallHolderOut),
  totals: z.object({ holders: z.number(), acknowledged: z.number(), reported: z.number(), unanswered: z.number(), byUnit: z.array(unitTotals) }),
});
export type RecallOrderOut = z.infer<typeof recallOrderOut>;
export type RecallHolderOut = z.infer<typeof recallHolderOut>;

/** A holder's notice (召回通知) as its subject (or the market operator it goes through) sees it. */
export const recallNoticeOut = recallHolderOut.extend({
  orderId: z.string(),
  kind: z.enum(RECALL_KINDS),
  instructions: z.string(),
  dueOn: z.string().nullable(),
  agencyName: z.string(),
  productName: z.string(),
  issuedAt: z.date(),
  closedAt: z.date().nullable(),
  /** True when the notice reaches this subject as the market operator of the holder. */
  viaMarket: z.boolean(),
});
export const recallNoticeList = z.object({ items: z.array(recallNoticeOut) });
export type RecallNoticeOut = z.infer<typeof recallNoticeOut>;
