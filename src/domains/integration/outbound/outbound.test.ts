import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectError, tableCounts } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { callSigned, type PartnerKey, type SignedCall } from '../../../../test/partner.js';
import { loginAll } from '../../../../test/supervision.js';
import { startReceiver, type Receiver } from '../../../../test/webhook-receiver.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createJobRunner, type JobRunner } from '../../../platform/jobs/runner.js';
import { createLogger } from '../../../platform/logger.js';
import { createPii } from '../../../platform/pii/pii.js';
import { webhookJob } from './delivery.js';
import { FANOUT_JOB, purgeDeliveries } from './jobs.js';
import { purgeOutbox } from '../../../platform/events/outbox.js';

// Outbound exchange (issue 17 §3, §5): a provincial platform reads the change feed and receives signed webhooks on
// a real local HTTP receiver; a market checks codes in bulk, records purchases and hears of a failed lot it holds.

// On a shared PostgreSQL server another database's long transaction holds every reader of the outbox back (settled).
vi.setConfig({ testTimeout: 300_000 });

let t: TestApp;
let moa: Client;
let sd: Client;
let sc: Client;
let coop: Client;
let productId: string;
let platformKey: PartnerKey;
let sichuanKey: PartnerKey;
let marketKey: PartnerKey;
let receiver: Receiver;
let runner: JobRunner;
/** The delivery worker's clock, moved past each backoff. */
let offsetMs = 0;

const signed = (key: PartnerKey, call: SignedCall) => callSigned(t.app, key, call);

/**
 * Waits until every transaction that began before now has ended: the feed (and the outbox's consumers) read only
 * changes older than the oldest transaction still open, and on a shared PostgreSQL server that may be another
 * database's (transaction ids are the cluster's).
 */
async function settled() {
  const [mark] = await queryRows<{ x: string }>(t.database.db, sql`SELECT pg_current_xact_id()::text AS x`);
  for (let i = 0; i < 600; i++) {
    const [now] = await queryRows<{ ok: boolean }>(t.database.db, sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) > ${mark!.x}::xid8 AS ok`);
    if (now!.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('a transaction of the server stayed open for two minutes');
}
const feed = async (key: PartnerKey, query = '') => {
  await settled();
  return signed(key, { method: 'GET', url: `/api/v1/integration/changes${query}` });
};
const newBatch = async (quantity = 10) => (await coop.post('/api/v1/trace/batches', { productId, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json<{ id: string; code: string }>();

async function client(by: Client, body: Record<string, unknown>): Promise<{ id: string; key: PartnerKey }> {
  const res = await by.post('/api/v1/integration/clients', body);
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  const key = (await by.post(`/api/v1/integration/clients/${id}/keys`, {})).json<{ key: { id: string }; secret: string }>();
  return { id, key: { keyId: key.key.id, secret: key.secret } };
}

/** Fans the outbox out, then runs due deliveries until none is left (each attempt a job of the queue). */
async function pump() {
  await settled();
  await t.app.jobRunner.runNow(FANOUT_JOB);
  while ((await runner.tick()) > 0);
}
/** Moves the worker's clock past every backoff. */
const later = () => (offsetMs += 3 * 3600_000);

beforeAll(async () => {
  t = await createTestApp();
  [moa, sd, sc, coop] = await loginAll(t, ['moa-admin', 'sd-admin', 'sc-admin', 'sg-coop'] as const);
  productId = (await coop.post('/api/v1/trace/products', { name: '番茄', classCode: '04', spec: '散装', unit: 'kg' })).json<{ id: string }>().id;
  platformKey = (await client(moa, { name: '山东省农产品追溯平台', kind: 'provincial_platform', regions: ['37'], operations: ['integration.changes', 'trace.graph'] })).key;
  sichuanKey = (await client(moa, { name: '四川省农产品追溯平台', kind: 'provincial_platform', regions: ['51'], operations: ['integration.changes'] })).key;
  marketKey = (await client(sd, { name: '寿光农产品物流园', kind: 'market', regions: ['370783'], operations: ['integration.codes'] })).key;
  receiver = await startReceiver(() => platformKey.secret);
  const pii = createPii(t.config.secretKey);
  runner = createJobRunner(createLogger('silent'), t.database.db, { now: () => new Date(Date.now() + offsetMs), backoffMs: 1000 });
  runner.add(webhookJob({ db: t.database.db, pii, log: createLogger('silent'), pauseAfter: 3, timeoutMs: 5000 }));
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('the change feed', () => {
  it('gives a platform every change of its province in commit order, resumable page by page with no gap and no repeat', async () => {
    const start = (await feed(platformKey, "?limit=1000")).json<{ nextCursor: string }>();
    const a = await newBatch();
    const b = await newBatch();
    const sale = await coop.post('/api/v1/trace/market-entries', { batchId: a.id, quantity: 2, unit: 'kg', market: { kind: 'wholesale', name: '寿光批发市场' } });
    expect(sale.statusCode, sale.body).toBe(201);

    const whole = await feed(platformKey, `?after=${start.nextCursor}&limit=1000`);
    expect(whole.statusCode, whole.body).toBe(200);
    const all = whole.json<{ items: { cursor: string; type: string; kind: string; aggregateId: string; regionCode: string; payload: Record<string, unknown> }[]; nextCursor: string; more: boolean }>();
    const types = all.items.map((i) => `${i.type}:${i.aggregateId}`);
    expect(types).toEqual(expect.arrayContaining([`batch.created:${a.id}`, `batch.created:${b.id}`]));
    expect(types.indexOf(`batch.created:${a.id}`)).toBeLessThan(types.indexOf(`batch.created:${b.id}`));
    const entry = all.items.find((i) => i.kind === 'market_entry');
    expect(entry).toMatchObject({ type: 'market_entry.created', regionCode: expect.stringMatching(/^370783/), payload: { kind: 'market', batch_id: a.id } });
    // The stock moving with the sale is no change of its own; the batch's events carry no personal data.
    expect(all.items.filter((i) => i.type === 'batch.updated' && i.aggregateId === a.id)).toEqual([]);
    expect(JSON.stringify(all.items)).not.toMatch(/寿光批发市场|phone|id_enc|holder/);
    expect(all.items.every((i) => i.regionCode.startsWith('37'))).toBe(true);

    // One at a time from the same start: the same changes, in the same order, each once.
    const paged: string[] = [];
    let cursor = start.nextCursor;
    for (let i = 0; i < all.items.length + 2; i++) {
      const page = (await feed(platformKey, `?after=${cursor}&limit=1`)).json<{ items: { cursor: string }[]; nextCursor: string }>();
      paged.push(...page.items.map((x) => x.cursor));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all.items.map((i) => i.cursor));
    expect(cursor).toBe(all.nextCursor);
    // Narrowed by kind.
    const onlyEntries = (await feed(platformKey, `?after=${start.nextCursor}&kinds=market_entry`)).json<{ items: { kind: string }[] }>();
    expect(onlyEntries.items.map((i) => i.kind)).toEqual(['market_entry']);
  });

  it('shows another province none of it', async () => {
    const res = await feed(sichuanKey, '?limit=1000');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { regionCode: string }[] }>().items.every((i) => i.regionCode?.startsWith('51'))).toBe(true);
  });

  it('refuses a forged cursor, an unknown kind, a client without the feed in its scope and a person', async () => {
    expectError(await feed(platformKey, '?after=bm90LWEtY3Vyc29y'), 400, 'CURSOR_INVALID');
    expectError(await feed(platformKey, '?kinds=batch,secrets'), 403, 'KIND_OUT_OF_SCOPE');
    expectError(await feed(marketKey), 403, 'OUT_OF_SCOPE');
    expect((await sd.get('/api/v1/integration/changes')).statusCode).toBe(403);
  });
});

describe('webhooks', () => {
  let endpointId: string;

  it('delivers a change signed with the client’s key to its endpoint, once, with the delivery id in the body and the headers', async () => {
    const res = await signed(platformKey, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: receiver.url, kinds: ['batch'] } });
    expect(res.statusCode, res.body).toBe(201);
    endpointId = res.json<{ id: string }>().id;
    const batch = await newBatch();
    await pump();
    const got = receiver.received.filter((r) => r.body.change.aggregateId === batch.id);
    expect(got).toHaveLength(1);
    expect(got[0]!.signatureOk).toBe(true);
    expect(got[0]!.headers['x-tracenet-key']).toBe(platformKey.keyId);
    expect(got[0]!.body).toMatchObject({ deliveryId: got[0]!.deliveryId, change: { type: 'batch.created', kind: 'batch', aggregateId: batch.id } });
    // A second pump sends nothing again.
    const before = receiver.received.length;
    await pump();
    expect(receiver.received.length).toBe(before);
    const log = (await signed(platformKey, { method: 'GET', url: '/api/v1/integration/me/deliveries' })).json<{ items: { id: string; status: string; attempts: number }[] }>();
    expect(log.items.find((d) => d.id === got[0]!.deliveryId)).toMatchObject({ status: 'delivered', attempts: 1 });
    // The client's page reads the same log; another province's agency does not find the client.
    const platformId = (await signed(platformKey, { method: 'GET', url: '/api/v1/integration/me' })).json<{ id: string }>().id;
    expect((await moa.get(`/api/v1/integration/clients/${platformId}/deliveries`)).json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
    expectError(await sc.get(`/api/v1/integration/clients/${platformId}/deliveries`), 404, 'CLIENT_NOT_FOUND');
  });

  it('retries a failed delivery after a backoff with the same delivery id', async () => {
    receiver.answer = 503;
    const batch = await newBatch();
    await pump();
    const failed = receiver.received.filter((r) => r.body.change.aggregateId === batch.id);
    expect(failed).toHaveLength(1);
    const [job] = await queryRows<{ state: string; run_at: Date }>(t.database.db, sql`SELECT state, run_at FROM jobs WHERE kind = 'integration.webhook' AND payload->>'deliveryId' = ${failed[0]!.deliveryId}`);
    expect(job).toMatchObject({ state: 'queued' });
    expect(new Date(job!.run_at).getTime()).toBeGreaterThan(Date.now() + offsetMs);
    receiver.answer = 200;
    later();
    await pump();
    const all = receiver.received.filter((r) => r.body.change.aggregateId === batch.id);
    expect(all.map((r) => r.deliveryId)).toEqual([failed[0]!.deliveryId, failed[0]!.deliveryId]);
    expect(all[1]!.raw).toBe(all[0]!.raw);
  });

  it('pauses the endpoint after repeated failures, tells the registrar, holds the rest, and a replay from its resume cursor delivers what it missed', async () => {
    receiver.answer = 500;
    const batches = [await newBatch(), await newBatch()];
    await pump();
    later();
    await pump();
    later();
    await pump();
    const list = (await signed(platformKey, { method: 'GET', url: '/api/v1/integration/me/webhooks' })).json<{ items: { id: string; status: string; resumeCursor: string | null }[] }>();
    const ep = list.items.find((e) => e.id === endpointId)!;
    expect(ep.status).toBe('paused');
    expect(ep.resumeCursor).toEqual(expect.any(String));
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE action = 'integration.webhook_pause'`);
    expect(audit).toHaveLength(1);
    // The registrar's admins see it paused, with why, on the client's page and on every page of the console.
    const platformId = (await signed(platformKey, { method: 'GET', url: '/api/v1/integration/me' })).json<{ id: string }>().id;
    const seen = (await moa.get(`/api/v1/integration/clients/${platformId}/webhooks`)).json<{ items: { id: string; status: string; pausedReason: string | null }[] }>();
    expect(seen.items.find((e) => e.id === endpointId)).toMatchObject({ status: 'paused', pausedReason: 'HTTP 500' });
    const shell = (await moa.get('/api/v1/shell/notices')).json<{ pausedWebhooks: { clientId: string; clientName: string; endpoints: number }[] }>();
    expect(shell.pausedWebhooks).toEqual([{ clientId: platformId, clientName: '山东省农产品追溯平台', endpoints: 1 }]);
    expect((await sd.get('/api/v1/shell/notices')).json<{ pausedWebhooks: unknown[] }>().pausedWebhooks).toEqual([]);
    // While paused nothing is sent, a new change neither.
    const sent = receiver.received.length;
    const third = await newBatch();
    later();
    await pump();
    expect(receiver.received.length).toBe(sent);

    receiver.answer = 200;
    await settled();
    const replay = await signed(platformKey, { method: 'POST', url: `/api/v1/integration/me/webhooks/${endpointId}/replay`, body: { after: ep.resumeCursor } });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toMatchObject({ endpoint: { status: 'active', failuresInRow: 0 } });
    await pump();
    const delivered = new Set(receiver.received.slice(sent).map((r) => r.body.change.aggregateId));
    for (const b of [...batches, third]) expect(delivered.has(b.id)).toBe(true);
    expect(receiver.received.slice(sent).every((r) => r.signatureOk)).toBe(true);
  });

  it('lets the registrar’s admin resume an endpoint paused again: what it missed is delivered, the banner goes', async () => {
    const platformId = (await signed(platformKey, { method: 'GET', url: '/api/v1/integration/me' })).json<{ id: string }>().id;
    const resume = (by: Client) => by.post(`/api/v1/integration/clients/${platformId}/webhooks/${endpointId}/resume`, {});
    expectError(await resume(moa), 409, 'ENDPOINT_NOT_PAUSED');
    receiver.answer = 503;
    const missed = await newBatch();
    for (let i = 0; i < 3; i++) {
      await pump();
      later();
    }
    const paused = (await moa.get(`/api/v1/integration/clients/${platformId}/webhooks`)).json<{ items: { id: string; status: string; pausedReason: string | null }[] }>();
    expect(paused.items.find((e) => e.id === endpointId)).toMatchObject({ status: 'paused', pausedReason: 'HTTP 503' });
    // Another province's admin does not find the client; the ministry's admin, its registrar, resumes it.
    expectError(await resume(sc), 404, 'CLIENT_NOT_FOUND');
    receiver.answer = 200;
    const sent = receiver.received.length;
    await settled();
    const res = await resume(moa);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endpoint: { status: 'active', failuresInRow: 0, pausedReason: null } });
    await pump();
    expect(receiver.received.slice(sent).some((r) => r.body.change.aggregateId === missed.id && r.signatureOk)).toBe(true);
    expect((await moa.get('/api/v1/shell/notices')).json<{ pausedWebhooks: unknown[] }>().pausedWebhooks).toEqual([]);
    const [entry] = await queryRows<{ actor_name: string }>(t.database.db, sql`SELECT actor_name FROM audit_log WHERE action = 'integration.webhook_replay' ORDER BY id DESC LIMIT 1`);
    expect(entry!.actor_name).not.toBe('山东省农产品追溯平台');
  });

  it('refuses a URL that is not http(s), a kind outside the scope, and a sixth endpoint, writing nothing', async () => {
    const before = await tableCounts(t, ['webhook_endpoints', 'audit_log']);
    expectError(await signed(platformKey, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: 'ftp://127.0.0.1/x', kinds: ['batch'] } }), 400, 'VALIDATION_FAILED');
    expectError(await signed(platformKey, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: receiver.url, kinds: ['holding_alert'] } }), 403, 'KIND_OUT_OF_SCOPE');
    expectError(await signed(marketKey, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: receiver.url, kinds: ['batch'] } }), 403, 'KIND_OUT_OF_SCOPE');
    expect(await tableCounts(t, ['webhook_endpoints', 'audit_log'])).toEqual(before);
  });

  it('refuses a loopback or private-network URL where private targets are denied (production’s default)', async () => {
    const strict = await createTestApp({ env: { WEBHOOK_PRIVATE_TARGETS: 'deny' } });
    try {
      const moaHere = await strict.login('moa-admin');
      const reg = (await moaHere.post('/api/v1/integration/clients', { name: '山东省平台（严格）', kind: 'provincial_platform', regions: ['37'], operations: ['integration.changes'] })).json<{ id: string }>();
      const issued = (await moaHere.post(`/api/v1/integration/clients/${reg.id}/keys`, {})).json<{ key: { id: string }; secret: string }>();
      const key = { keyId: issued.key.id, secret: issued.secret };
      for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'https://10.1.2.3/hook', 'http://192.168.0.9/x', 'http://172.20.0.1/x', 'http://169.254.169.254/latest', 'http://[::1]/x']) {
        expectError(await callSigned(strict.app, key, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url, kinds: ['batch'] } }), 422, 'ENDPOINT_URL_PRIVATE');
      }
      expect((await callSigned(strict.app, key, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: 'https://partner.example.cn/tracenet', kinds: ['batch'] } })).statusCode).toBe(201);
    } finally {
      await strict.close();
    }
  });
});

describe('the delivery log', () => {
  it('forgets done deliveries after 30 days and keeps those still owed', async () => {
    const count = async (status: string) => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = ${status}`))[0]!.n;
    const [delivered, owed] = [await count('delivered'), (await count('pending')) + (await count('held'))];
    expect(delivered).toBeGreaterThan(0);
    expect(await purgeDeliveries(t.database.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await purgeDeliveries(t.database.db, new Date(Date.now() + 31 * 86_400_000))).toBe(delivered + (await count('failed')));
    expect((await count('pending')) + (await count('held'))).toBe(owed);
  });
});

describe('markets and shops', () => {
  let held: { id: string; code: string };
  let marketReceiver: Receiver;

  beforeAll(async () => {
    marketReceiver = await startReceiver(() => marketKey.secret, '/tracenet');
  });
  afterAll(async () => marketReceiver?.close());

  it('verifies a thousand codes in one call', async () => {
    held = await newBatch();
    const other = await newBatch();
    const codes = [held.code, other.code, '99999999999999999999', ...Array.from({ length: 997 }, (_, i) => String(10_000_000_000_000_000_000n + BigInt(i)))];
    const res = await signed(marketKey, { method: 'POST', url: '/api/v1/integration/codes/verify', body: { codes } });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { code: string; found: boolean; ok: boolean; status: string | null; productName: string | null }[] }>().items;
    expect(items).toHaveLength(1000);
    expect(items[0]).toMatchObject({ code: held.code, found: true, ok: true, status: 'active', productName: '番茄' });
    expect(items[2]).toMatchObject({ found: false, ok: false });
    expectError(await signed(marketKey, { method: 'POST', url: '/api/v1/integration/codes/verify', body: { codes: [...codes, held.code] } }), 400, 'VALIDATION_FAILED');
    expectError(await signed(platformKey, { method: 'POST', url: '/api/v1/integration/codes/verify', body: { codes: [held.code] } }), 403, 'OUT_OF_SCOPE');
  });

  it('records purchases against codes idempotently, all or nothing', async () => {
    const p = { purchaseRef: 'PO-2026-0001', code: held.code, quantity: 5, unit: 'kg', stall: 'A-12', purchasedAt: '2026-12-01T08:00:00.000Z' };
    const first = await signed(marketKey, { method: 'POST', url: '/api/v1/integration/purchases', body: { purchases: [p] } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ recorded: 1, unchanged: 0 });
    const before = await tableCounts(t, ['partner_purchases', 'outbox_events', 'audit_log']);
    const again = await signed(marketKey, { method: 'POST', url: '/api/v1/integration/purchases', body: { purchases: [p] } });
    expect(again.json()).toMatchObject({ recorded: 0, unchanged: 1, items: [{ id: first.json().items[0].id }] });
    expectError(await signed(marketKey, { method: 'POST', url: '/api/v1/integration/purchases', body: { purchases: [{ ...p, quantity: 6 }] } }), 409, 'PURCHASE_CONFLICT');
    expectError(
      await signed(marketKey, { method: 'POST', url: '/api/v1/integration/purchases', body: { purchases: [{ ...p, purchaseRef: 'PO-2' }, { ...p, purchaseRef: 'PO-3', code: '99999999999999999999' }] } }),
      404,
      'CODE_NOT_FOUND',
    );
    expect(await tableCounts(t, ['partner_purchases', 'outbox_events', 'audit_log'])).toEqual(before);
  });

  it('tells the market by webhook when a lot it holds fails, wherever the lot lies', async () => {
    const reg = await signed(marketKey, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: marketReceiver.url, kinds: ['holding_alert'] } });
    expect(reg.statusCode, reg.body).toBe(201);
    // Monitoring's verdict on the lot (failure.service marks a failed sample's batch 'failed').
    await t.database.db.execute(sql`UPDATE batches SET status = 'failed' WHERE id = ${held.id}::uuid`);
    await pump();
    expect(marketReceiver.received).toHaveLength(1);
    expect(marketReceiver.received[0]!.signatureOk).toBe(true);
    expect(marketReceiver.received[0]!.body).toMatchObject({ change: { type: 'batch.updated', aggregateId: held.id, payload: { status: 'failed' } }, holding: { status: 'failed', codes: [held.code] } });
  });
});

describe('the change feed after the outbox purge', () => {
  /** The cursor at the feed's end now, page after page. */
  async function latest(key: PartnerKey): Promise<string> {
    let cursor = '';
    for (;;) {
      const page = (await feed(key, `?limit=1000${cursor ? `&after=${cursor}` : ''}`)).json<{ nextCursor: string; more: boolean }>();
      cursor = page.nextCursor;
      if (!page.more) return cursor;
    }
  }

  it('refuses a cursor older than what the 7-day purge deleted (410, resync from a snapshot), never resuming past the gap', async () => {
    const before = await latest(platformKey);
    await newBatch();
    await pump();
    // Everything up to the batch's change is eight days old (the purge takes only a prefix of the outbox).
    await t.database.db.execute(sql`UPDATE outbox_events SET created_at = now() - interval '8 days'`);
    expect(await purgeOutbox(t.database.db, 7)).toBeGreaterThan(0);

    const body = expectError(await feed(platformKey, `?after=${before}`), 410, 'CURSOR_EXPIRED');
    expect(body.message.zh).toContain('快照');
    expect(body.message.en).toContain('snapshot');
    // A replay from there is refused alike, writing nothing.
    const [endpoint] = (await signed(platformKey, { method: 'GET', url: '/api/v1/integration/me/webhooks' })).json<{ items: { id: string }[] }>().items;
    const endpointId = endpoint?.id ?? (await signed(platformKey, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: receiver.url, kinds: ['batch'] } })).json<{ id: string }>().id;
    const counts = await tableCounts(t, ['webhook_deliveries', 'webhook_endpoints', 'audit_log']);
    expectError(await signed(platformKey, { method: 'POST', url: `/api/v1/integration/me/webhooks/${endpointId}/replay`, body: { after: before } }), 410, 'CURSOR_EXPIRED');
    expect(await tableCounts(t, ['webhook_deliveries', 'webhook_endpoints', 'audit_log'])).toEqual(counts);

    // A cursor at or past the purged change reads on; no cursor reads what is kept (a client starting after a snapshot).
    const after = await latest(platformKey);
    expect((await feed(platformKey, `?after=${after}`)).statusCode).toBe(200);
    expect((await feed(platformKey)).statusCode).toBe(200);
  });
});
