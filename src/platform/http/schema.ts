import { index, integer, jsonb, pgTable, primaryKey, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * A POST with an Idempotency-Key claims its row inside the command's transaction, so a retry never writes twice.
 * `result` is what the command's transaction produced, written in that same transaction: a retry after a crash
 * between the commit and the response (kill -9) rebuilds its answer from it and the committed rows. `response` is
 * the answer as sent, without any field the route declares secret. Rows older than the replay window are purged.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: varchar('scope', { length: 64 }).notNull(),
    key: varchar('key', { length: 200 }).notNull(),
    requestHash: varchar('request_hash', { length: 64 }).notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);
