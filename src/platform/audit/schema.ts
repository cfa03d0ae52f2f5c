import { bigint, bigserial, index, jsonb, pgTable, smallint, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only (a trigger refuses UPDATE and DELETE; on PostgreSQL the application's role may only INSERT and
 * SELECT it). Entries are chained per stream — one stream per province plus '00' for national — so writers in
 * different provinces never wait on one another. Since key version 1 each entry's `hash` is an HMAC over every
 * column with a key derived from SECRET_KEY (outside the database); entries of version 0, written before that,
 * keep their public SHA-256 and may only lie at or below the sealed boundary of audit_key_boundary.
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
    keyVersion: smallint('key_version').notNull().default(0),
  },
  (t) => [
    index('audit_log_stream_id').on(t.stream, t.id),
    index('audit_log_region_id').on(t.regionCode, t.id),
    // A subject's file reads the entries about it (变更记录) newest first.
    index('audit_log_target_id').on(t.targetType, t.targetId, t.id),
  ],
);

/**
 * Where the keyed chain begins: entries with an id up to `legacyUntil` were written with the public hash before
 * the key existed. Written by the migration, sealed with the key (`mac`) at the first start after it, so moving the
 * boundary to pass re-chained entries off as old ones is caught.
 */
export const auditKeyBoundary = pgTable('audit_key_boundary', {
  id: smallint('id').primaryKey(),
  legacyUntil: bigint('legacy_until', { mode: 'number' }).notNull(),
  mac: varchar('mac', { length: 64 }),
});
