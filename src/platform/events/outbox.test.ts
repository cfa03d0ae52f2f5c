import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';
import { consumeOutbox, deliverOutbox, recordEvent, type OutboxEvent } from './outbox.js';
import { settled } from '../../../test/settled.js';

// The outbox: an event is written in its command's transaction (trace events by trigger), and a consumer reads each
// event once, in commit order, from a cursor that survives it.

describe('the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const db = () => t.database.db;

  it('gets a row with every trace event, in the same transaction, and none when that transaction rolls back', async () => {
    const subject = randomUUID();
    const insert = sql`INSERT INTO trace_events (event_type, action, biz_step, codes, subject_id, actor_id, region_code, detail)
      VALUES ('ObjectEvent', 'ADD', 'commissioning', '{37078300000000000001}', ${subject}::uuid, ${randomUUID()}::uuid, '370783', '{}'::jsonb)`;
    await db().execute(insert);
    await db()
      .transaction(async (tx) => {
        await tx.execute(insert);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const rows = await queryRows<{ type: string; aggregateType: string; payload: { subjectId: string; codes: string[] } }>(
      db(),
      sql`SELECT type, aggregate_type AS "aggregateType", payload FROM outbox_events WHERE payload->>'subjectId' = ${subject}`,
    );
    expect(rows).toEqual([{ type: 'trace.commissioning', aggregateType: 'trace_event', payload: expect.objectContaining({ subjectId: subject, codes: ['37078300000000000001'] }) }]);
  });

  it('hands each event to a consumer once, in order, and resumes from its cursor', async () => {
    for (const n of [1, 2, 3]) await db().transaction((tx) => recordEvent(tx, { type: 'test.step', aggregateType: 'test', aggregateId: String(n) }));
    const seen: string[] = [];
    const handle = async (events: OutboxEvent[]) => {
      for (const e of events) if (e.type === 'test.step') seen.push(e.aggregateId);
    };
    await settled(db());
    expect(await deliverOutbox(db(), [{ name: 'test.consumer', handle }])).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(['1', '2', '3']);
    expect(await consumeOutbox(db(), 'test.consumer', handle)).toBe(0);
    await db().transaction((tx) => recordEvent(tx, { type: 'test.step', aggregateType: 'test', aggregateId: '4' }));
    await settled(db());
    expect(await consumeOutbox(db(), 'test.consumer', handle)).toBe(1);
    expect(seen).toEqual(['1', '2', '3', '4']);
    // A handler that fails leaves the cursor where it was: the events come again.
    await db().transaction((tx) => recordEvent(tx, { type: 'test.step', aggregateType: 'test', aggregateId: '5' }));
    await settled(db());
    await expect(consumeOutbox(db(), 'test.consumer', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await consumeOutbox(db(), 'test.consumer', handle)).toBe(1);
    expect(seen).toEqual(['1', '2', '3', '4', '5']);
  });

  it('does not pass over an event whose transaction commits after a later one (PostgreSQL)', async () => {
    if (t.database.kind !== 'postgres') return; // PGlite runs one transaction at a time: no such interleaving
    const handle = async () => {};
    await consumeOutbox(db(), 'test.order', handle, 100_000);
    const seen: string[] = [];
    let releaseA = () => {};
    const holding = new Promise<void>((r) => (releaseA = r));
    let started = () => {};
    const aStarted = new Promise<void>((r) => (started = r));
    const a = db().transaction(async (tx) => {
      await recordEvent(tx, { type: 'test.order', aggregateType: 'test', aggregateId: 'A' });
      started();
      await holding;
    });
    await aStarted;
    await db().transaction((tx) => recordEvent(tx, { type: 'test.order', aggregateType: 'test', aggregateId: 'B' }));
    const collect = async (events: OutboxEvent[]) => {
      for (const e of events) if (e.type === 'test.order') seen.push(e.aggregateId);
    };
    // B has committed, but A (older) is still open: B waits, or A would be skipped once the cursor passed B.
    await consumeOutbox(db(), 'test.order', collect);
    expect(seen).toEqual([]);
    releaseA();
    await a;
    await settled(db());
    await consumeOutbox(db(), 'test.order', collect);
    expect(seen).toEqual(['A', 'B']);
  });
});
