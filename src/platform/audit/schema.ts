import { bigserial, index, jsonb, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE and DELETE). Entries are hash-chained per stream — one stream per
 * province plus '00' for national — so writers in different provinces never wait on one another.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stream: varchar('stream', { length: 2 }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 100 }),
    action: varchar('action', { length: 80 }).notNull(),
    targetType: varchar('target_type', { length: 40 }).notNull(),
    targetId: varchar('target_id', { length: 80 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: varchar('request_id', { length: 64 }),
    ip: varchar('ip', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [index('audit_log_stream_id').on(t.stream, t.id), index('audit_log_region_id').on(t.regionCode, t.id)],
);
