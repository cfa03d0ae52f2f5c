import { index, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Foreign codes of a batch (issue 17 §2): a provincial platform's own code for it, or the national long code
 * (`{type}.{category}.{ID18}.{class}.{time}.{seq}`, DESIGN.md §3) it was issued under there. Every place that takes a
 * code looks an unknown one up here and answers for the batch, saying which alias it came through. An alias names
 * one batch in the whole country: a second province sending the same text is refused, never re-pointed.
 */
export const batchAliases = pgTable(
  'batch_aliases',
  {
    alias: varchar('alias', { length: 80 }).primaryKey(),
    batchId: uuid('batch_id').notNull(),
    /** 'province' a platform's own code · 'national' the national platform's long code */
    kind: varchar('kind', { length: 10 }).notNull().$type<AliasKind>(),
    /** The client system that sent it. */
    clientId: uuid('client_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('batch_aliases_batch').on(t.batchId)],
);

export type AliasKind = 'province' | 'national';
