import { sql } from 'drizzle-orm';
import { connect, JSONCodec, type JetStreamManager, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { loginAll } from '../../../../test/supervision.js';
import { queryRows } from '../../../platform/db/rows.js';
import { NATS_CONSUMER, NATS_STREAM } from './nats.js';

// Issue 17 §3: with NATS_URL set, the outbox is published to NATS JetStream, one subject per province and kind,
// against the real server (127.0.0.1:4222 on this machine and in CI, where .ci/run sets NATS_URL).

const NATS_URL = process.env.NATS_URL;
if (!NATS_URL) console.warn('nats.test.ts skipped: NATS_URL is not set (e.g. NATS_URL=nats://127.0.0.1:4222, nats-server -js)');
vi.setConfig({ testTimeout: 300_000 });

let t: TestApp;
let coop: Client;
let nc: NatsConnection;
let jsm: JetStreamManager;
const codec = JSONCodec<{ type: string; kind: string; aggregateId: string; regionCode: string; cursor: string }>();

const lastSeq = async () => {
  try {
    return (await jsm.streams.info(NATS_STREAM)).state.last_seq;
  } catch {
    return 0;
  }
};

/** The stream's messages after `seq` on subjects matching the filter. */
async function messagesAfter(seq: number, subject = 'tracenet.>') {
  const out: { subject: string; seq: number; msgId: string | undefined; data: ReturnType<typeof codec.decode> }[] = [];
  for (let s = seq + 1; ; ) {
    const m = await jsm.streams.getMessage(NATS_STREAM, { seq: s, next_by_subj: subject } as never).catch(() => null);
    if (!m) break;
    out.push({ subject: m.subject, seq: m.seq, msgId: m.header?.get('Nats-Msg-Id'), data: codec.decode(m.data) });
    s = m.seq + 1;
  }
  return out;
}

/** Waits until every transaction begun before now has ended (the outbox reads only changes older than those). */
async function settled() {
  const [mark] = await queryRows<{ x: string }>(t.database.db, sql`SELECT pg_current_xact_id()::text AS x`);
  for (let i = 0; i < 600; i++) {
    const [now] = await queryRows<{ ok: boolean }>(t.database.db, sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) > ${mark!.x}::xid8 AS ok`);
    if (now!.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!NATS_URL)('the outbox on NATS JetStream', () => {
  beforeAll(async () => {
    t = await createTestApp({ env: { NATS_URL: NATS_URL! } });
    [coop] = await loginAll(t, ['sg-coop'] as const);
    nc = await connect({ servers: NATS_URL! });
    jsm = await nc.jetstreamManager();
  }, 120_000);
  afterAll(async () => {
    await nc?.drain();
    await t?.close();
  });

  it('publishes each change once to tracenet.<province>.<kind>, making the stream if missing; a batch published again is dropped as a duplicate', async () => {
    const publisher = t.app.natsPublisher!;
    expect(publisher).toBeDefined();
    const product = (await coop.post('/api/v1/trace/products', { name: '韭菜', classCode: '04', spec: '散装', unit: 'kg' })).json<{ id: string }>();
    const batch = (await coop.post('/api/v1/trace/batches', { productId: product.id, quantity: 12, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json<{ id: string }>();
    const from = await lastSeq();
    await settled();
    const published = await publisher.publishPending();
    expect(published).toBeGreaterThan(0);
    const info = await jsm.streams.info(NATS_STREAM);
    expect(info.config.subjects).toEqual(['tracenet.>']);

    const mine = (await messagesAfter(from, 'tracenet.37.batch')).filter((m) => m.data.aggregateId === batch.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ subject: 'tracenet.37.batch', msgId: expect.stringMatching(/^\d+\.\d+\.\d+$/), data: { type: 'batch.created', kind: 'batch', regionCode: expect.stringMatching(/^370783/) } });
    // Subjects by province and kind: the subject's own creation went to tracenet.37.subject, never to a batch subject.
    expect((await messagesAfter(from)).every((m) => /^tracenet\.(\d{2}|national)\.[a-z_]+$/.test(m.subject) && m.subject.endsWith(`.${m.data.kind}`))).toBe(true);

    // Nothing new: nothing published. A server killed after JetStream's acknowledgement and before the cursor moved
    // publishes the same changes again (here: the cursor put back); JetStream drops them by their message ids.
    expect(await publisher.publishPending()).toBe(0);
    const seqBefore = await lastSeq();
    await t.database.db.execute(sql`UPDATE outbox_cursors SET tx_id = '0'::xid8, event_id = 0 WHERE consumer = ${NATS_CONSUMER}`);
    expect(await publisher.publishPending()).toBe(published);
    expect(await lastSeq()).toBe(seqBefore);
  });
});
