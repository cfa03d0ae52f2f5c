import { sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.js';
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

/** The last outbox position the purge deleted, if it ever deleted one (outbox_purged). */
export async function purgedUpTo(db: Executor): Promise<{ txId: string; eventId: number } | undefined> {
  const [row] = await queryRows<{ txId: string; eventId: number }>(db, sql`SELECT tx_id::text AS "txId", event_id AS "eventId" FROM outbox_purged WHERE id = 1`);
  return row ? { txId: row.txId, eventId: Number(row.eventId) } : undefined;
}

/**
 * Events every consumer has passed and older than `keepDays` go; with no consumer, events older than `keepDays`
 * (the outbox is a hand-over, not the history: trace_events and the audit log keep that). Only a prefix of the
 * outbox in its (tx_id, id) order goes — up to the first event still young, not passed by a consumer or of a
 * transaction possibly still open — and its end is kept (outbox_purged): every event at or before it is gone, every
 * one after it is kept, so a reader whose cursor lies before it is told to resync, never moved past a hole.
 */
export async function purgeOutbox(db: Db, keepDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  const rows = await queryRows<{ n: number }>(
    db,
    sql`WITH young AS (
          SELECT tx_id, id FROM outbox_events WHERE created_at >= ${before}::timestamptz OR tx_id >= pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY tx_id, id LIMIT 1),
        passed AS (SELECT tx_id, event_id AS id FROM outbox_cursors ORDER BY tx_id, event_id LIMIT 1),
        gone AS (
          DELETE FROM outbox_events e
          WHERE NOT EXISTS (SELECT 1 FROM young y WHERE (e.tx_id, e.id) >= (y.tx_id, y.id))
            AND NOT EXISTS (SELECT 1 FROM passed c WHERE (e.tx_id, e.id) > (c.tx_id, c.id))
            AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
          RETURNING e.tx_id, e.id),
        last AS (SELECT tx_id, id FROM gone ORDER BY tx_id DESC, id DESC LIMIT 1),
        horizon AS (
          INSERT INTO outbox_purged (id, tx_id, event_id, purged_at) SELECT 1, tx_id, id, now() FROM last
          ON CONFLICT (id) DO UPDATE SET tx_id = excluded.tx_id, event_id = excluded.event_id, purged_at = excluded.purged_at
            WHERE (outbox_purged.tx_id, outbox_purged.event_id) < (excluded.tx_id, excluded.event_id))
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
