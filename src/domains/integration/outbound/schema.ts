import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { integrationClients } from '../schema.js';

/**
 * A client system's webhook endpoint (回调地址): the outbox's changes of the kinds it names, in the client's scope,
 * are POSTed to its URL, signed with the client's key. After `PAUSE_AFTER_FAILURES` failed attempts in a row it is
 * paused (`paused_at`, and `resume_cursor`, the first change it missed): the client fixes its receiver and replays
 * from that cursor.
 */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => integrationClients.id),
    url: varchar('url', { length: 500 }).notNull(),
    kinds: text('kinds').array().notNull(),
    /** The registering transaction: changes of later transactions are delivered, earlier ones only by a replay. */
    startTx: xid8('start_tx').notNull().default(sql`pg_current_xact_id()`),
    status: varchar('status', { length: 10 }).notNull().default('active').$type<'active' | 'paused' | 'removed'>(),
    failuresInRow: integer('failures_in_row').notNull().default(0),
    pausedAt: timestamp('paused_at', { withTimezone: true, mode: 'date' }),
    resumeCursor: varchar('resume_cursor', { length: 60 }),
    /** Why it was paused: the last failure's answer (an HTTP status, a timeout), shown on the client's page. */
    pausedReason: varchar('paused_reason', { length: 300 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_client').on(t.clientId), check('webhook_endpoints_status', sql`${t.status} IN ('active', 'paused', 'removed')`)],
);

/**
 * One change to deliver to one endpoint. Its id is the delivery id the receiver sees on every attempt (it
 * de-duplicates on it); the attempts are a job's (`integration.webhook`), retried with the queue's backoff.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    clientId: uuid('client_id').notNull(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    cursor: varchar('cursor', { length: 60 }).notNull(),
    eventType: varchar('event_type', { length: 80 }).notNull(),
    /** The JSON sent, fixed when the delivery is made: every attempt sends the same bytes, whatever the outbox purges. */
    body: jsonb('body').notNull(),
    /** 'pending' · 'delivered' · 'failed' (attempts spent) · 'held' (its endpoint was paused before it went) */
    status: varchar('status', { length: 10 }).notNull().default('pending'),
    replay: smallint('replay').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: smallint('last_status'),
    lastError: varchar('last_error', { length: 300 }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('webhook_deliveries_endpoint').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_client').on(t.clientId, t.createdAt),
    check('webhook_deliveries_status', sql`${t.status} IN ('pending', 'delivered', 'failed', 'held')`),
  ],
);

/** A market's or shop's purchase recorded against a code (入市 from its side); idempotent by its own purchase id. */
export const partnerPurchases = pgTable(
  'partner_purchases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => integrationClients.id),
    purchaseRef: varchar('purchase_ref', { length: 64 }).notNull(),
    code: varchar('code', { length: 20 }).notNull(),
    batchId: uuid('batch_id').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    unit: varchar('unit', { length: 16 }).notNull(),
    stall: varchar('stall', { length: 60 }),
    purchasedAt: timestamp('purchased_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('partner_purchases_batch').on(t.batchId), index('partner_purchases_client').on(t.clientId, t.createdAt), uniqueIndex('partner_purchases_ref').on(t.clientId, t.purchaseRef)],
);
