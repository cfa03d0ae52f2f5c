import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import type { DocumentState, ItemKind } from './inbound.shared.js';

/**
 * 数据交换 (issue 17 §2): a document a provincial platform pushed — subjects, bases, products, batches, trades and
 * market entries with its own ids — applied whole or not at all by the job `integration.document-apply`.
 * `(client_id, document_id)` is the platform's id for it: a resend is answered with this row and changes nothing. The
 * body (identity numbers and phones in it) is kept encrypted until the job has run, then dropped.
 */
export const exchangeDocuments = pgTable(
  'exchange_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    documentId: varchar('document_id', { length: 64 }).notNull(),
    /** SHA-256 of the body as sent: a resend under the same id with another body is refused (DOCUMENT_ID_REUSED). */
    bodyHash: varchar('body_hash', { length: 64 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    state: varchar('state', { length: 10 }).notNull().default('queued').$type<DocumentState>(),
    itemCount: integer('item_count').notNull(),
    /** Items written, and items a former document had written already (same kind and id: left unchanged). */
    appliedCount: integer('applied_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    counts: jsonb('counts').$type<Partial<Record<ItemKind, number>>>().notNull(),
    /** The per-item report of a refused document: [{index, kind, id, code, field?}] (at most 1,000 listed). */
    errors: jsonb('errors').$type<ItemProblemRow[]>().notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    payloadEnc: text('payload_enc'),
    jobId: bigint('job_id', { mode: 'number' }),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('exchange_documents_client').on(t.clientId, t.receivedAt),
    uniqueIndex('exchange_documents_document').on(t.clientId, t.documentId),
    check('exchange_documents_state', sql`${t.state} IN ('queued', 'applied', 'refused')`),
  ],
);

export type ItemProblemRow = { index: number; kind: string; id: string; code: string; field?: string; details?: Record<string, unknown> };

/**
 * What a platform's ids became here: one row per item written, so that a later document may name them (a batch of a
 * product sent last week) and a resend of the item changes nothing. `detail` keeps what the record itself has no
 * column for (a subject's approving agency and date as the province recorded them).
 */
export const exchangeItems = pgTable(
  'exchange_items',
  {
    clientId: uuid('client_id').notNull(),
    kind: varchar('kind', { length: 16 }).notNull().$type<ItemKind>(),
    foreignId: varchar('foreign_id', { length: 64 }).notNull(),
    localId: uuid('local_id').notNull(),
    documentId: uuid('document_id').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.kind, t.foreignId] }), index('exchange_items_local').on(t.localId)],
);
