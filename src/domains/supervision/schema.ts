import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, jsonb, pgTable, pgView, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { InspectionIndustry } from './inspection-values.shared.js';
// A foreign key names the other domain's table itself; schema files may import each other for that alone.
import { supervisionTaskRecipients } from '../tasks/schema.js';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** A province's own checklist for an industry (巡查检查表); without one the national default applies. */
export const checklistTemplates = pgTable(
  'checklist_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: varchar('province_code', { length: 2 }).notNull(),
    industry: varchar('industry', { length: 16 }).notNull(),
    items: jsonb('items').$type<{ key: string; zh: string; en: string }[]>().notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checklist_templates_one').on(t.provinceCode, t.industry)],
);

export type ChecklistAnswer = { key: string; zh: string; en: string; result: 'pass' | 'fail' | 'na'; note?: string | undefined };

/** 基地巡查: one visit to a subject, with its checklist, photos, place, findings and conclusion. */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id').notNull(),
    subjectName: varchar('subject_name', { length: 100 }).notNull(),
    /** The subject's region when inspected: the inspection belongs to that jurisdiction. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** The subject's 部门 when inspected (issue 21 §3): a county's 渔业 bureau reads the inspections of its fish farms. */
    department: varchar('department', { length: 16 }).notNull().default('agriculture'),
    recipientId: uuid('recipient_id').references(() => supervisionTaskRecipients.id),
    agencyId: uuid('agency_id').notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    inspectorName: varchar('inspector_name', { length: 100 }).notNull(),
    industry: varchar('industry', { length: 16 }).notNull().$type<InspectionIndustry>(),
    checklist: jsonb('checklist').$type<ChecklistAnswer[]>().notNull(),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** Why the inspection has no photo / no GPS point: one of the two is on every inspection filed since issue 15. */
    noPhotoReason: varchar('no_photo_reason', { length: 200 }),
    noPointReason: varchar('no_point_reason', { length: 200 }),
    findings: varchar('findings', { length: 2000 }),
    /** compliant, problem */
    conclusion: varchar('conclusion', { length: 16 }).notNull(),
    /** 限期整改: the date the problem must be put right by, checked again by a follow-up inspection. */
    rectifyBy: date('rectify_by', { mode: 'string' }),
    /** none, pending, overdue (its deadline passed; the overdue job), done */
    rectification: varchar('rectification', { length: 16 }).notNull().default('none'),
    followUpOf: uuid('follow_up_of'),
    inspectedAt: timestamp('inspected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('inspections_region').on(t.regionCode, t.inspectedAt),
    index('inspections_subject').on(t.subjectId, t.inspectedAt),
    // The overdue job's look-up of pending rectifications by deadline (a small part of the table).
    index('inspections_rectify_pending').on(t.rectifyBy).where(sql`${t.rectification} = 'pending'`),
  ],
);

/** 移交执法: a problem found in an inspection handed to an enforcement agency, which opens a case from it. */
export const supervisionTransfers = pgTable(
  'supervision_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    toAgencyId: uuid('to_agency_id').notNull(),
    fromAgencyId: uuid('from_agency_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    reason: varchar('reason', { length: 1000 }).notNull(),
    /** pending, accepted (a case was opened) */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    caseId: uuid('case_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supervision_transfers_inspection').on(t.inspectionId), index('supervision_transfers_to').on(t.toAgencyId, t.status)],
);

/** Inspections as the business monitors count them (日常监管): where, by which agency, when, and the rectification. */
export const inspectionFacts = pgView('supervision_inspection_facts').as((qb) =>
  qb
    .select({ id: inspections.id, subjectId: inspections.subjectId, regionCode: inspections.regionCode, agencyId: inspections.agencyId, conclusion: inspections.conclusion, rectification: inspections.rectification, rectifyBy: inspections.rectifyBy, inspectedAt: inspections.inspectedAt })
    .from(inspections),
);

/** 移交执法 as the monitors count them: transfers not yet opened as a case. */
export const transferFacts = pgView('supervision_transfer_facts').as((qb) =>
  qb.select({ id: supervisionTransfers.id, regionCode: supervisionTransfers.regionCode, toAgencyId: supervisionTransfers.toAgencyId, status: supervisionTransfers.status, createdAt: supervisionTransfers.createdAt }).from(supervisionTransfers),
);
