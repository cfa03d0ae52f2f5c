import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, smallint, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { CertificationScheme } from '../integration.shared.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 三品一标 certificates as their issuing system pushed them (issue 17 §4): one row per (scheme, number), the holder
 * known by the keyed hash of its identity number (never the number) and its county, so that coverage can count the
 * certified holders of a region whether or not they are on the platform. A push of the same content changes nothing.
 */
export const schemeCertificates = pgTable(
  'scheme_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    scheme: varchar('scheme', { length: 16 }).notNull().$type<CertificationScheme>(),
    number: varchar('number', { length: 60 }).notNull(),
    holderHash: varchar('holder_hash', { length: 64 }).notNull(),
    /** The identity number as lists show it: a credit code whole, a resident ID masked. */
    holderShown: varchar('holder_shown', { length: 18 }).notNull(),
    /** A company's name, a person's masked. */
    holderName: varchar('holder_name', { length: 100 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    products: varchar('products', { length: 300 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    /** 'valid' 有效 · 'suspended' 暂停 · 'revoked' 撤销 */
    state: varchar('state', { length: 12 }).notNull(),
    /** 年检: the year last checked and its result ('passed' | 'failed'). */
    annualCheck: jsonb('annual_check').$type<{ year: number; result: 'passed' | 'failed' } | null>(),
    /** 续展: when the certificate was last renewed. */
    renewedOn: date('renewed_on', { mode: 'string' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scheme_certificates_number').on(t.scheme, t.number),
    index('scheme_certificates_holder').on(t.holderHash),
    index('scheme_certificates_region').on(t.regionCode, t.scheme),
    check('scheme_certificates_state', sql`${t.state} IN ('valid', 'suspended', 'revoked')`),
    check('scheme_certificates_dates', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);

/**
 * 追溯挂钩: an agency's check of a list of subjects (a project, a brand selection, a fair, an award) for whether each
 * implements traceability. Results are kept as found on the day, so the check can be shown and exported later as the
 * evidence it was.
 */
export const traceChecks = pgTable(
  'trace_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    itemCount: integer('item_count').notNull(),
    implementing: integer('implementing').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('trace_checks_region').on(t.regionCode, t.createdAt)],
);

export const traceCheckItems = pgTable(
  'trace_check_items',
  {
    checkId: uuid('check_id')
      .notNull()
      .references(() => traceChecks.id),
    seq: smallint('seq').notNull(),
    nameGiven: varchar('name_given', { length: 100 }),
    identityShown: varchar('identity_shown', { length: 18 }).notNull(),
    /** 'implements' · 'inactive' (registered, no batch in 12 months) · 'suspended' · 'not_registered' · 'outside' (not in the checker's jurisdiction) */
    outcome: varchar('outcome', { length: 16 }).notNull(),
    subjectId: uuid('subject_id'),
    subjectName: varchar('subject_name', { length: 100 }),
    batches: integer('batches').notNull().default(0),
    scanTrades: integer('scan_trades').notNull().default(0),
    marketVouchers: integer('market_vouchers').notNull().default(0),
    lastActivityAt: at('last_activity_at'),
  },
  (t) => [uniqueIndex('trace_check_items_seq').on(t.checkId, t.seq)],
);
