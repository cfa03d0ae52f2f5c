import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { queryRows } from '../db/rows.js';

export type OutboxEvent = {
  id: number;
  txId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  regionCode: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

export type DomainEvent = { type: string; aggregateType: string; aggregateId: string; regionCode?: string | null; payload?: Record<string, unknown> };

/** Writes a domain event in the command's transaction (trace events write theirs by trigger, migration 0026). */
export async function recordEvent(tx: Tx, event: DomainEvent): Promise<void> {
  await tx.execute(
    sql`INSERT INTO outbox_events (type, aggregate_type, aggregate_id, region_code, payload)
        VALUES (${event.type}, ${event.aggregateType}, ${event.aggregateId}, ${event.regionCode ?? null}, ${JSON.stringify(event.payload ?? {})}::jsonb)`,
  );
}

/**
 * Hands the next events after `consumer`'s cursor to `handle`, in the order their transactions committed, and moves
 * the cursor past them in the same transaction. The cursor row is locked with `SKIP LOCKED`: while one server
 * delivers to a consumer, another skips it (returns 0) instead of delivering the same events twice. A handler that
 * writes to the database with `tx` is exactly once; one that calls out is at least once (a crash after its call
 * and before the commit delivers those events again). Only events of transactions older than every one still open
 * are read, so that one committing later with a smaller id is not passed over.
 */
export async function consumeOutbox(db: Db, consumer: string, handle: (events: OutboxEvent[], tx: Tx) => Promise<void>, limit = 100): Promise<number> {
  await db.execute(sql`INSERT INTO outbox_cursors (consumer) VALUES (${consumer}) ON CONFLICT (consumer) DO NOTHING`);
  return db.transaction(async (tx) => {
    const [cursor] = await queryRows<{ txId: string; eventId: number }>(
      tx,
      sql`SELECT tx_id::text AS "txId", event_id AS "eventId" FROM outbox_cursors WHERE consumer = ${consumer} FOR UPDATE SKIP LOCKED`,
    );
    if (!cursor) return 0;
    const events = await queryRows<OutboxEvent>(
      tx,
      sql`SELECT id, tx_id::text AS "txId", type, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
                 region_code AS "regionCode", payload, created_at AS "createdAt"
          FROM outbox_events
          WHERE (tx_id, id) > (${cursor.txId}::xid8, ${cursor.eventId}::bigint)
            AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY tx_id, id LIMIT ${limit}::int`,
    );
    if (!events.length) return 0;
    await handle(events, tx);
    const last = events[events.length - 1]!;
    await tx.execute(sql`UPDATE outbox_cursors SET tx_id = ${last.txId}::xid8, event_id = ${last.id}, updated_at = now() WHERE consumer = ${consumer}`);
    return events.length;
  });
}

/**
 * Events every consumer has passed and older than `keepDays` go; with no consumer, events older than `keepDays`
 * (the outbox is a hand-over, not the history: trace_events and the audit log keep that).
 */
export async function purgeOutbox(db: Db, keepDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH gone AS (
          DELETE FROM outbox_events e WHERE e.created_at < ${before}::timestamptz
            AND NOT EXISTS (SELECT 1 FROM outbox_cursors c WHERE (c.tx_id, c.event_id) < (e.tx_id, e.id))
          RETURNING 1)
        SELECT count(*)::int AS n FROM gone`,
  );
  return rows[0]?.n ?? 0;
}

export type OutboxConsumer = { name: string; handle: (events: OutboxEvent[], tx: Tx) => Promise<void> };

/** The delivery job's work: each consumer in turn, batch after batch until it has caught up (at most `maxBatches`). */
export async function deliverOutbox(db: Db, consumers: OutboxConsumer[], maxBatches = 50): Promise<number> {
  let delivered = 0;
  for (const c of consumers) {
    for (let i = 0; i < maxBatches; i++) {
      const n = await consumeOutbox(db, c.name, c.handle);
      delivered += n;
      if (n === 0) break;
    }
  }
  return delivered;
}
