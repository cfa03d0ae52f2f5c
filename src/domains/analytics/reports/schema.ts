import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ReportContent } from './report-content.shared.js';

/**
 * 信息调度 and 总结报告: a province's monthly report or half-year summary, each generation a new version with the
 * figures frozen as they were then. draft → submitted (to the ministry) → acknowledged.
 */
export const periodicReports = pgTable(
  'periodic_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    agencyName: varchar('agency_name', { length: 100 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** 'monthly' 月度信息调度 · 'half_year' 半年总结报告 */
    kind: varchar('kind', { length: 12 }).notNull(),
    /** '2026-11' for a month, '2026-H2' for a half year. */
    period: varchar('period', { length: 8 }).notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ReportContent>().notNull(),
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    /** Null when the schedule generated it (the job). */
    generatedBy: uuid('generated_by'),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('periodic_reports_version').on(t.agencyId, t.kind, t.period, t.version),
    index('periodic_reports_region').on(t.regionCode, t.period),
    check('periodic_reports_status', sql`${t.status} IN ('draft', 'submitted', 'acknowledged')`),
    check('periodic_reports_kind', sql`${t.kind} IN ('monthly', 'half_year')`),
  ],
);

/** 实施方案 and progress reports a province submits to the ministry as documents with attachments (platform/files). */
export const reportDocuments = pgTable(
  'report_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    agencyName: varchar('agency_name', { length: 100 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** 'plan' 实施方案 · 'progress' 进展报告 */
    kind: varchar('kind', { length: 12 }).notNull(),
    title: varchar('title', { length: 120 }).notNull(),
    note: varchar('note', { length: 2000 }),
    attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
    submittedBy: uuid('submitted_by').notNull(),
    submitterName: varchar('submitter_name', { length: 100 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('report_documents_region').on(t.regionCode, t.submittedAt), check('report_documents_kind', sql`${t.kind} IN ('plan', 'progress')`)],
);
