import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, numeric, pgTable, pgView, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 农药兽药残留检测项目: the analytes a lab may report, from db/reference/residue-limits.csv (each with the source
 * the row was read in). `kind` is pesticide or vet_drug; `banned` marks substances whose use is banned or stopped
 * (any detection at or above the method's limit fails).
 */
export const analytes = pgTable('analytes', {
  code: varchar('code', { length: 40 }).primaryKey(),
  nameZh: varchar('name_zh', { length: 60 }).notNull(),
  nameEn: varchar('name_en', { length: 100 }).notNull(),
  kind: varchar('kind', { length: 16 }).notNull(),
  banned: boolean('banned').notNull().default(false),
  /** 'reference' (the ministry's set, shipped) · 'province' (a province's addition) · 'lab' (a lab's own). */
  origin: varchar('origin', { length: 12 }).notNull().default('reference'),
  /** Who added it (a province's supervision agency or a lab); null for the reference set. */
  ownerAgencyId: uuid('owner_agency_id'),
  /** The province an addition applies in (a lab's: its own region). */
  regionCode: varchar('region_code', { length: 12 }),
  cas: varchar('cas', { length: 20 }),
  method: varchar('method', { length: 120 }),
  unit: varchar('unit', { length: 8 }),
  /** The standard an addition cites (method or limit basis). */
  standard: varchar('standard', { length: 120 }),
  createdBy: uuid('created_by'),
  createdAt: at('created_at').defaultNow(),
});

/**
 * 最大残留限量: one row of db/reference/residue-limits.csv. `mrlMgPerKg` null means banned or stopped (no number
 * on purpose). `classCode` is the product class the limit is set for; `commodityZh` names the commodity when the
 * row is narrower than its class (a commodity the class file does not hold, filed under its category).
 */
export const residueLimits = pgTable(
  'residue_limits',
  {
    id: integer('id').primaryKey(),
    analyteCode: varchar('analyte_code', { length: 40 })
      .notNull()
      .references(() => analytes.code),
    commodityZh: varchar('commodity_zh', { length: 60 }).notNull(),
    classCode: varchar('class_code', { length: 12 }),
    /** Applies to food animals and their products (the banned veterinary substances), whatever the class. */
    animal: boolean('animal').notNull().default(false),
    mrlMgPerKg: numeric('mrl_mg_per_kg', { precision: 12, scale: 6, mode: 'number' }),
    /**
     * GB 31650's 动物种类 and 靶组织 as the source prints them ('猪', '牛/羊/猪/马', '所有食品动物'; '肌肉', '肝', '可食组织'):
     * set, the row applies to an animal product of a matching species and tissue only (animal-match.shared.ts).
     */
    speciesZh: varchar('species_zh', { length: 40 }),
    tissueZh: varchar('tissue_zh', { length: 20 }),
    residueDefinition: varchar('residue_definition', { length: 300 }).notNull(),
    standard: varchar('standard', { length: 120 }).notNull(),
    clause: varchar('clause', { length: 200 }).notNull(),
    sourceUrl: varchar('source_url', { length: 300 }).notNull(),
    note: varchar('note', { length: 2000 }),
    /**
     * A reference row's id in db/reference/residue-limits.csv, the same for all its versions; a changed row of the
     * file is a new version (a new id), the old one retired, so a result keeps pointing at what it was judged against.
     */
    refId: integer('ref_id'),
    version: integer('version').notNull().default(1),
    retiredAt: at('retired_at'),
    origin: varchar('origin', { length: 12 }).notNull().default('reference'),
    ownerAgencyId: uuid('owner_agency_id'),
    regionCode: varchar('region_code', { length: 12 }),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').defaultNow(),
  },
  (t) => [
    index('residue_limits_analyte').on(t.analyteCode),
    uniqueIndex('residue_limits_ref_version').on(t.refId, t.version),
    uniqueIndex('residue_limits_ref_live').on(t.refId).where(sql`retired_at IS NULL`),
    check('residue_limits_origin', sql`${t.origin} IN ('reference', 'province', 'lab')`),
  ],
);

export type SampleChainHop = { code: string; subjectName: string; regionCode: string; at: string; source: string };
export type Witness = { name: string; role: string };

/**
 * 抽样单: one sample taken for a monitoring or sampling task the sampler's agency accepted. What the platform knew
 * of the product when it was sampled is copied here (the sheet is a record of that moment), with the batch it
 * came from when a code was scanned; a product without a code gets a temporary product code (type 5).
 * Status: sampled → received (交接, by the lab) → tested (results judged, report issued).
 */
export const samples = pgTable(
  'samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleNo: varchar('sample_no', { length: 24 }).notNull(),
    taskId: uuid('task_id').notNull(),
    recipientId: uuid('recipient_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** Where it was sampled (the place's county or township): the sample is filed in that jurisdiction. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The code scanned or typed, its type (1, 2, 3), or the temporary code issued (type 5). */
    code: varchar('code', { length: 20 }).notNull(),
    codeType: integer('code_type').notNull(),
    batchId: uuid('batch_id'),
    productName: varchar('product_name', { length: 100 }).notNull(),
    classCode: varchar('class_code', { length: 12 }).notNull(),
    classZh: varchar('class_zh', { length: 60 }).notNull(),
    subjectId: uuid('subject_id'),
    subjectName: varchar('subject_name', { length: 100 }),
    /** The producer's county (the batch's origin, or as entered): whose agencies a failed sample alerts. */
    originRegion: varchar('origin_region', { length: 12 }),
    chain: jsonb('chain').$type<SampleChainHop[]>().notNull().default([]),
    /** base, wholesale_market, supermarket, farmers_market, other */
    placeKind: varchar('place_kind', { length: 20 }).notNull(),
    placeName: varchar('place_name', { length: 100 }).notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    sealNo: varchar('seal_no', { length: 40 }),
    witnesses: jsonb('witnesses').$type<Witness[]>().notNull().default([]),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    note: varchar('note', { length: 1000 }),
    samplerId: uuid('sampler_id').notNull(),
    samplerName: varchar('sampler_name', { length: 100 }).notNull(),
    sampledAt: at('sampled_at').notNull().defaultNow(),
    status: varchar('status', { length: 16 }).notNull().default('sampled'),
    receivedBy: uuid('received_by'),
    receivedByName: varchar('received_by_name', { length: 100 }),
    receivedAt: at('received_at'),
    /** The state the sample arrived in (sealed intact, quantity), as the lab wrote at the handover. */
    receivedNote: varchar('received_note', { length: 500 }),
    /** pass, fail — of the latest report version. */
    verdict: varchar('verdict', { length: 8 }),
    reportVersion: integer('report_version').notNull().default(0),
    judgedAt: at('judged_at'),
  },
  (t) => [
    uniqueIndex('samples_no').on(t.sampleNo),
    index('samples_recipient').on(t.recipientId, t.sampledAt),
    index('samples_agency').on(t.agencyId, t.status, t.sampledAt),
    index('samples_region').on(t.regionCode, t.sampledAt),
    index('samples_batch').on(t.batchId),
    check('samples_quantity', sql`${t.quantity} > 0`),
  ],
);

/**
 * 检测报告: each issued version of a sample's report. Version 1 is the first judgement; a correction is a new
 * version with its reason; an issued version never changes. Its results are sample_results of that version.
 */
export const sampleReports = pgTable(
  'sample_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    version: integer('version').notNull(),
    verdict: varchar('verdict', { length: 8 }).notNull(),
    /** Why this version replaces the one before (null on version 1). */
    reason: varchar('reason', { length: 1000 }),
    /**
     * 检验 → 审核 → 批准: 'entered' (编制, awaiting review), 'reviewed' (awaiting approval), 'approved' (issued: the
     * sample's verdict, alerts, public page and summary follow it), 'returned' (sent back with a reason, re-entered
     * as the same version). Only an approved version is issued and never changes.
     */
    status: varchar('status', { length: 12 }).notNull().default('entered'),
    enteredBy: uuid('entered_by').notNull(),
    enteredByName: varchar('entered_by_name', { length: 100 }).notNull(),
    enteredAt: at('entered_at').notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by'),
    reviewedByName: varchar('reviewed_by_name', { length: 100 }),
    reviewedAt: at('reviewed_at'),
    /** Why a reviewer or approver sent the draft back (the latest return; the history keeps all). */
    returnReason: varchar('return_reason', { length: 1000 }),
    /** Each step of the draft, oldest first: who entered, reviewed, approved or returned it, when, and why. */
    history: jsonb('history').$type<ReportStep[]>().notNull().default([]),
    /** The approver (批准): set when the version is approved, which issues it. */
    issuedBy: uuid('issued_by'),
    issuedByName: varchar('issued_by_name', { length: 100 }),
    issuedAt: at('issued_at'),
  },
  (t) => [uniqueIndex('sample_reports_version').on(t.sampleId, t.version), check('sample_reports_status', sql`${t.status} IN ('entered', 'reviewed', 'approved', 'returned')`)],
);

export type ReportStep = { action: 'entered' | 'reviewed' | 'approved' | 'returned'; by: string; byName: string; at: string; reason?: string };

/** 实验室信息: what a lab's admin sets for its reports — the CMA qualification number (检验检测机构资质认定证书编号). */
export const labProfiles = pgTable('lab_profiles', {
  agencyId: uuid('agency_id').primaryKey(),
  cmaNo: varchar('cma_no', { length: 40 }),
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** 授权签字人: the users of a lab its admin allows to approve (批准) reports. */
export const labApprovers = pgTable(
  'lab_approvers',
  {
    agencyId: uuid('agency_id').notNull(),
    userId: uuid('user_id').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: at('granted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lab_approvers_one').on(t.agencyId, t.userId)],
);

/**
 * One analyte's result in one report version, with the limit it was judged against: the seeded limit row
 * (limitId) or the lab's own, with the standard it cites.
 */
export const sampleResults = pgTable(
  'sample_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    version: integer('version').notNull(),
    analyteCode: varchar('analyte_code', { length: 40 })
      .notNull()
      .references(() => analytes.code),
    methodStandard: varchar('method_standard', { length: 120 }).notNull(),
    value: numeric('value', { precision: 14, scale: 6, mode: 'number' }).notNull(),
    /** mg/kg or μg/kg as entered; valueMgPerKg is what was judged. */
    unit: varchar('unit', { length: 8 }).notNull(),
    valueMgPerKg: numeric('value_mg_per_kg', { precision: 14, scale: 6, mode: 'number' }).notNull(),
    lodMgPerKg: numeric('lod_mg_per_kg', { precision: 14, scale: 6, mode: 'number' }).notNull(),
    limitId: integer('limit_id').references(() => residueLimits.id),
    /** Null for a banned substance: detected at or above the limit of detection fails. */
    // Six places as the value: a lab's own limit in μg/kg is stored as it was judged.
    limitMgPerKg: numeric('limit_mg_per_kg', { precision: 14, scale: 6, mode: 'number' }),
    limitStandard: varchar('limit_standard', { length: 200 }).notNull(),
    limitOverridden: boolean('limit_overridden').notNull().default(false),
    detected: boolean('detected').notNull(),
    verdict: varchar('verdict', { length: 8 }).notNull(),
  },
  (t) => [uniqueIndex('sample_results_one').on(t.sampleId, t.version, t.analyteCode), check('sample_results_value', sql`${t.value} >= 0 AND ${t.lodMgPerKg} >= 0`)],
);

export type RecallHolder = { batchId: string; code: string; depth: number; holderName: string; regionCode: string; quantity: number; unit: string };

/**
 * 预警: what a failed sample sends to the supervision and enforcement agencies of the producer's county, with the
 * sample, its result and the recall list (forward trace) as it stood when the verdict was saved. Phones are not
 * copied here: the recall list page shows them to those allowed, audited.
 */
export const monitoringAlerts = pgTable(
  'monitoring_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    agencyRegion: varchar('agency_region', { length: 12 }).notNull(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    reportVersion: integer('report_version').notNull(),
    batchId: uuid('batch_id'),
    subjectId: uuid('subject_id'),
    title: varchar('title', { length: 200 }).notNull(),
    recall: jsonb('recall').$type<RecallHolder[]>().notNull().default([]),
    recallTotal: integer('recall_total').notNull().default(0),
    readAt: at('read_at'),
    readBy: uuid('read_by'),
    /** The enforcement case opened from it (one step, by the enforcement agency alerted). */
    caseId: uuid('case_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitoring_alerts_one').on(t.sampleId, t.reportVersion, t.agencyId), index('monitoring_alerts_agency').on(t.agencyId, t.createdAt)],
);

/**
 * 同源批次待核查: one batch on the recall list of a failed sample's producing batch (the producing batch included),
 * marked and paused while 'held'; 'released' by the county, 'withdrawn' when a correction turned the sample to a pass.
 * Once the county issues the recall order (orderId) the row is also the holder's notice: acknowledged, and the
 * quantities withdrawn, destroyed and returned reported. `contactVia`: the holder's own console ('subject'), the
 * market operator of the market entry it came through ('market', marketSubjectId), its phone on record ('phone'),
 * or nobody on the platform ('none': the county reaches it by other means).
 */
export const batchHolds = pgTable(
  'batch_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    batchId: uuid('batch_id').notNull(),
    code: varchar('code', { length: 20 }).notNull(),
    depth: integer('depth').notNull(),
    subjectId: uuid('subject_id'),
    holderName: varchar('holder_name', { length: 100 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** What it held when marked (its stock then). */
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    contactVia: varchar('contact_via', { length: 8 }).notNull(),
    marketSubjectId: uuid('market_subject_id'),
    status: varchar('status', { length: 10 }).notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    endedAt: at('ended_at'),
    endedBy: uuid('ended_by'),
    endNote: varchar('end_note', { length: 500 }),
    orderId: uuid('order_id'),
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedByName: varchar('acknowledged_by_name', { length: 100 }),
    withdrawn: numeric('withdrawn', { precision: 14, scale: 3, mode: 'number' }),
    destroyed: numeric('destroyed', { precision: 14, scale: 3, mode: 'number' }),
    returned: numeric('returned', { precision: 14, scale: 3, mode: 'number' }),
    reportNote: varchar('report_note', { length: 500 }),
    reportedAt: at('reported_at'),
    reportedBy: uuid('reported_by'),
    reportedByName: varchar('reported_by_name', { length: 100 }),
  },
  (t) => [
    uniqueIndex('batch_holds_one').on(t.sampleId, t.batchId),
    index('batch_holds_batch').on(t.batchId, t.status),
    index('batch_holds_subject').on(t.subjectId),
    index('batch_holds_market').on(t.marketSubjectId),
    index('batch_holds_order').on(t.orderId),
    check('batch_holds_status', sql`${t.status} IN ('held', 'released', 'withdrawn')`),
    check('batch_holds_contact', sql`${t.contactVia} IN ('subject', 'market', 'phone', 'none')`),
    check('batch_holds_reported', sql`coalesce(${t.withdrawn}, 0) >= 0 AND coalesce(${t.destroyed}, 0) >= 0 AND coalesce(${t.returned}, 0) >= 0`),
  ],
);

/**
 * 召回/下架令: what the county supervision agency alerted issues from a failed sample's recall list, once per sample.
 * `kind` recall (召回: goods brought back) or withdraw (下架: taken off sale). Closed when the county releases the
 * batches ('released') or a correction turned the sample to a pass ('withdrawn').
 */
export const recallOrders = pgTable(
  'recall_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => monitoringAlerts.id),
    agencyId: uuid('agency_id').notNull(),
    agencyRegion: varchar('agency_region', { length: 12 }).notNull(),
    kind: varchar('kind', { length: 10 }).notNull(),
    instructions: varchar('instructions', { length: 1000 }).notNull(),
    dueOn: varchar('due_on', { length: 10 }),
    issuedBy: uuid('issued_by').notNull(),
    issuedByName: varchar('issued_by_name', { length: 100 }).notNull(),
    issuedAt: at('issued_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
    closedHow: varchar('closed_how', { length: 10 }),
    closeNote: varchar('close_note', { length: 500 }),
  },
  (t) => [uniqueIndex('recall_orders_sample').on(t.sampleId), index('recall_orders_agency').on(t.agencyId, t.issuedAt), check('recall_orders_kind', sql`${t.kind} IN ('recall', 'withdraw')`)],
);

/** Samples as the business monitors count them (监测): task, region, and the times sampled → received → judged. */
export const sampleFacts = pgView('monitoring_sample_facts').as((qb) =>
  qb
    .select({ id: samples.id, taskId: samples.taskId, recipientId: samples.recipientId, agencyId: samples.agencyId, regionCode: samples.regionCode, status: samples.status, verdict: samples.verdict, sampledAt: samples.sampledAt, receivedAt: samples.receivedAt, judgedAt: samples.judgedAt })
    .from(samples),
);
