import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { batches } from '../schema.js';

/**
 * 承诺达标合格证开具记录: the register of issued certificates (农业农村部令 2025 年第 4 号; see certificate.rules.ts for
 * the clauses). A certificate is a record: printing it again is a copy of the same row (`prints` counts the runs),
 * never a new certificate, and a row cannot be deleted while the two years the regulation keeps it have not passed
 * (trigger in migration 0052).
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `{batch code}-{nn}`: the batch's code, then the certificate's place among the batch's certificates. */
    number: varchar('number', { length: 26 }).notNull(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    /** The issuer: the batch's holder when issued. */
    subjectId: uuid('subject_id').notNull(),
    /** 'producer' for what it grew or raised; 'purchaser' (收购) for what it bought, mixed or repacked. */
    issuerRole: varchar('issuer_role', { length: 16 }).notNull(),
    basis: varchar('basis', { length: 24 }).notNull(),
    /** What own or commissioned testing covered (analyte names); empty for the other bases. */
    testedItems: jsonb('tested_items').$type<string[]>().notNull(),
    /** Numbers of the certificates received with the goods this one rests on (a purchaser's). */
    sources: jsonb('sources').$type<string[]>().notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').notNull(),
    prints: integer('prints').notNull().default(0),
    lastPrintedAt: timestamp('last_printed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('certificates_number').on(t.number),
    index('certificates_batch').on(t.batchId, t.issuedAt),
    index('certificates_subject').on(t.subjectId, t.issuedAt),
    check('certificates_quantity_positive', sql`${t.quantity} > 0`),
    check('certificates_role', sql`${t.issuerRole} IN ('producer', 'purchaser')`),
  ],
);
