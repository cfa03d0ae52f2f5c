import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, jsonb, pgTable, smallint, timestamp, varchar } from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id, read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The outbox (领域事件发件箱): a command writes its domain event here in its own transaction, so an event exists
 * exactly when the change does. `tx_id` is the writing transaction: consumers read only events of transactions
 * older than every one still open (`pg_snapshot_xmin`), in (tx_id, id) order, so an event committed late with
 * a smaller id is never skipped behind a cursor that has moved past it.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    txId: xid8('tx_id').notNull().default(sql`pg_current_xact_id()`),
    type: varchar('type', { length: 80 }).notNull(),
    aggregateType: varchar('aggregate_type', { length: 40 }).notNull(),
    aggregateId: varchar('aggregate_id', { length: 80 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }),
    payload: jsonb('payload').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('outbox_events_order').on(t.txId, t.id)],
);

/** Each consumer's durable position in the outbox: the (tx_id, id) of the last event it has handled. */
export const outboxCursors = pgTable('outbox_cursors', {
  consumer: varchar('consumer', { length: 80 }).primaryKey(),
  txId: xid8('tx_id').notNull().default(sql`'0'::xid8`),
  eventId: bigint('event_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * The last position the purge has deleted up to (one row, `id` 1): a reader's cursor before it may have missed
 * purged events, so the change feed refuses it (HTTP 410) instead of resuming past a hole.
 */
export const outboxPurged = pgTable('outbox_purged', {
  id: smallint('id').primaryKey().default(1),
  txId: xid8('tx_id').notNull(),
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
