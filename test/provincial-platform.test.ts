import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../src/platform/db/rows.js';
import { createJobRunner, type JobRunner } from '../src/platform/jobs/runner.js';
import { createLogger } from '../src/platform/logger.js';
import { createPii } from '../src/platform/pii/pii.js';
import { webhookJob } from '../src/domains/integration/outbound/delivery.js';
import { FANOUT_JOB } from '../src/domains/integration/outbound/jobs.js';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { callSigned, type PartnerKey } from './partner.js';
import { uscc } from './subjects.js';
import { loginAll } from './supervision.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

// Issue 17's acceptance, end to end: a provincial platform is registered by the ministry, pushes a document of every
// kind with its own ids and codes, reads the change feed, receives signed webhooks, and resolves its own codes
// through the public page and the JSON API — as a partner would, with Node's crypto only (test/partner.ts).

vi.setConfig({ testTimeout: 300_000 });

let t: TestApp;
let moa: Client;
let key: PartnerKey;
let receiver: Receiver;
let runner: JobRunner;

type EpcisResults = { epcisBody: { queryResults: { resultsBody: { eventList: Record<string, unknown>[] } } } };

const signed = (call: Parameters<typeof callSigned>[2]) => callSigned(t.app, key, call);

/** Until every transaction begun before now has ended: the feed reads only changes older than the oldest open one. */
async function settled() {
  const [mark] = await queryRows<{ x: string }>(t.database.db, sql`SELECT pg_current_xact_id()::text AS x`);
  for (let i = 0; i < 600; i++) {
    const [now] = await queryRows<{ ok: boolean }>(t.database.db, sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) > ${mark!.x}::xid8 AS ok`);
    if (now!.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('a transaction stayed open for two minutes');
}

const LONG = `1.0.${uscc(9301)}.04.20261121083000.001`;
const document = {
  documentId: 'HARNESS-DOC-1',
  subjects: [
    { id: 'H-S-1', category: 0, orgForm: 3, name: '寿光对接合作社', industries: ['planting'], idKind: 'uscc', idNumber: uscc(9301), legalRep: '王建国', phone: '13800138001', townshipCode: '370783100', address: '化龙镇裴岭村', lat: 36.87, lng: 118.64, approvedBy: '寿光市农业农村局', approvedOn: '2026-10-01' },
    { id: 'H-S-2', category: 1, orgForm: 0, name: '潍坊对接商贸公司', industries: ['planting'], idKind: 'uscc', idNumber: uscc(9302), legalRep: '赵六', phone: '13800138002', townshipCode: '370783100', address: '化龙镇', lat: 36.87, lng: 118.64, approvedBy: '寿光市农业农村局', approvedOn: '2026-10-02' },
  ],
  bases: [{ id: 'H-B-1', subject: 'H-S-1', name: '对接基地 1 号棚', regionCode: '370783100', address: '裴岭村', lat: 36.87, lng: 118.64 }],
  products: [{ id: 'H-P-1', subject: 'H-S-1', name: '西红柿', classCode: '04', spec: '散装', unit: 'kg' }],
  batches: [{ id: 'H-L-1', product: 'H-P-1', base: 'H-B-1', quantity: 300, unit: 'kg', harvestDate: '2026-11-21', selfCheck: 'pass', codes: ['SDH-0000001'], longCode: LONG }],
  trades: [{ id: 'H-T-1', batch: 'H-L-1', buyer: 'H-S-2', quantity: 100, codes: ['SDH-0000002'] }],
  marketEntries: [{ id: 'H-M-1', batch: 'H-L-1', market: { kind: 'wholesale', name: '寿光农产品物流园' }, quantity: 50, codes: ['SDH-0000003'] }],
};

beforeAll(async () => {
  t = await createTestApp();
  [moa] = await loginAll(t, ['moa-admin'] as const);
  const client = await moa.post('/api/v1/integration/clients', { name: '山东省农产品追溯平台', kind: 'provincial_platform', regions: ['37'], operations: ['integration.exchange', 'integration.changes', 'trace.graph'] });
  expect(client.statusCode, client.body).toBe(201);
  const k = (await moa.post(`/api/v1/integration/clients/${client.json().id}/keys`, {})).json();
  key = { keyId: k.key.id, secret: k.secret };
  receiver = await startReceiver(() => key.secret);
  runner = createJobRunner(createLogger('silent'), t.database.db, { backoffMs: 1000 });
  runner.add(webhookJob({ db: t.database.db, pii: createPii(t.config.secretKey), log: createLogger('silent'), pauseAfter: 3, timeoutMs: 5000 }));
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('a provincial platform, end to end', () => {
  it('registers a webhook, pushes a document of every kind, reads the feed, receives signed deliveries and resolves its own codes', async () => {
    const start = (await signed({ method: 'GET', url: '/api/v1/integration/changes?limit=1000' })).json<{ nextCursor: string }>();
    const hook = await signed({ method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: receiver.url, kinds: ['subject', 'batch', 'trade', 'market_entry'] } });
    expect(hook.statusCode, hook.body).toBe(201);

    const pushed = await signed({ method: 'POST', url: '/api/v1/integration/documents', body: document });
    expect(pushed.statusCode, pushed.body).toBe(202);
    while ((await t.app.jobRunner.tick()) > 0);
    const status = (await signed({ method: 'GET', url: `/api/v1/integration/documents/${pushed.json().id}` })).json();
    expect(status).toMatchObject({ state: 'applied', appliedCount: 7, errorCount: 0 });

    // The feed has the document's changes in commit order, in the province only, without personal data.
    await settled();
    const feed = (await signed({ method: 'GET', url: `/api/v1/integration/changes?after=${start.nextCursor}&limit=1000` })).json<{ items: { type: string; kind: string; regionCode: string }[] }>();
    const kinds = new Set(feed.items.map((i) => i.kind));
    for (const kind of ['subject', 'batch', 'trade', 'market_entry']) expect(kinds, kind).toContain(kind);
    expect(feed.items.every((i) => i.regionCode.startsWith('37'))).toBe(true);
    expect(JSON.stringify(feed.items)).not.toMatch(/13800138001|id_enc|phone/);

    // Webhooks: each delivered, signed with the platform's key.
    await t.app.jobRunner.runNow(FANOUT_JOB);
    while ((await runner.tick()) > 0);
    expect(receiver.received.length).toBeGreaterThanOrEqual(4);
    expect(receiver.received.every((r) => r.signatureOk)).toBe(true);
    expect(new Set(receiver.received.map((r) => r.body.change.kind))).toEqual(new Set(['subject', 'batch', 'trade', 'market_entry']));

    // Its own codes resolve on the public page and the JSON API, saying they are the province's.
    for (const code of ['SDH-0000001', LONG]) {
      const json = await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${encodeURIComponent(code)}` });
      expect(json.statusCode, json.body).toBe(200);
      expect(json.json().product.name).toBe('西红柿');
      const page = await t.app.inject({ method: 'GET', url: `/t/${encodeURIComponent(code)}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('西红柿');
    }
  });

  it('writes the EPCIS-shaped trace event of every pushed act, so a pushed trade shows on the public chain and in the EPCIS query like a console one', async () => {
    type Hop = { code: string; source: string };
    const pub = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${encodeURIComponent(code)}` })).json<{ code: string; chain: Hop[] }>();
    const lot = await pub('SDH-0000001');
    const bought = await pub('SDH-0000002');
    const entered = await pub('SDH-0000003');
    // The public chains: the buyer's lot and the market's voucher reach back to the producer's lot.
    expect(bought.chain.map((h) => h.code).sort()).toEqual([bought.code, lot.code].sort());
    expect(entered.chain.map((h) => h.code).sort()).toEqual([entered.code, lot.code].sort());

    // The trace events, as the console writes them: commissioning by the producer, shipping by the seller and
    // receiving by the buyer for the trade, accepting for the market entry; the client system as the actor.
    const events = await queryRows<{ biz_step: string; event_type: string; action: string; codes: string[]; subject_id: string; actor_id: string; detail: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT biz_step, event_type, action, codes::text[] AS codes, subject_id, actor_id, detail FROM trace_events
          WHERE codes && ${`{${[lot.code, bought.code, entered.code].join(',')}}`}::varchar[] ORDER BY id`,
    );
    const me = (await signed({ method: 'GET', url: '/api/v1/integration/me' })).json<{ id: string }>().id;
    const step = (s: string) => events.find((e) => e.biz_step === s)!;
    expect(events.map((e) => e.biz_step).sort()).toEqual(['accepting', 'commissioning', 'receiving', 'shipping']);
    expect(step('commissioning').codes).toEqual([lot.code]);
    expect(step('shipping').codes).toEqual([lot.code, bought.code]);
    expect(step('receiving').codes).toEqual([lot.code, bought.code]);
    expect(step('accepting').codes).toEqual([lot.code, entered.code]);
    expect(events.every((e) => e.actor_id === me && e.detail.via === 'exchange' && e.action === 'ADD')).toBe(true);
    const [shipped, received] = [step('shipping'), step('receiving')];
    expect(shipped!.subject_id).not.toBe(received!.subject_id);
    expect(shipped!.detail.tradeId).toBe(received!.detail.tradeId);

    // The EPCIS query reads them (the ministry reads every province's events).
    const query = await moa.get(`/api/v1/epcis/events?perPage=500&EQ_bizStep=shipping`);
    expect(query.statusCode, query.body).toBe(200);
    const list = query.json<EpcisResults>().epcisBody.queryResults.resultsBody.eventList;
    // The sale names the seller's lot and the trade (the buyer's lot is named by the event relabelling it).
    const trade = list.find((e) => JSON.stringify(e).includes(String(shipped!.detail.tradeId)));
    expect(trade).toMatchObject({ type: 'TransactionEvent', action: 'ADD', bizStep: 'shipping', disposition: 'in_transit' });
    expect(JSON.stringify(trade)).toContain(lot.code);
    const made = (await moa.get(`/api/v1/epcis/events?perPage=500&EQ_bizStep=commissioning&eventType=ObjectEvent`)).json<EpcisResults>();
    expect(JSON.stringify(made.epcisBody.queryResults.resultsBody.eventList)).toContain(lot.code);
  });
});
