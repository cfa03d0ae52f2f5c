import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../../test/harness.js';
import { gs1CheckDigit } from '../epc-digital-link.js';
import { validateEvent } from '../validate.js';

// Issue 18 §2: a chain made through the trace API reads back from the EPCIS query interface, with the CBV words
// and identifiers of Tracenet's records, and a consumer rebuilds the chain from the events alone.
//
//   A (sg-coop, GTIN, 500 kg) ──trade 100──▶ B1 (sg-farmer) ──┐
//                             ──trade  50──▶ B2 (sg-farmer) ──┴─merge─▶ M ──manual 30──▶ U (hand-recorded buyer)
//                                                                        ──market 20──▶ K (wholesale market)

const BASE = 'http://localhost:3000'; // PUBLIC_URL of the test app
const BUYER_PHONE = '13966660001';
const GTIN = (() => {
  const body = '0690123456' + String(Date.now()).slice(-3);
  return body + gs1CheckDigit(body);
})();

let t: TestApp;
let coop: Client;
let farmer: Client;
let sd: Client;
let sc: Client;
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- events are open JSON-LD; the assertions check their shape
type Ev = Record<string, any>;
const eventsOf = (res: { json: <T>() => T }) => res.json<{ epcisBody: { queryResults: { resultsBody: { eventList: Ev[] } } } }>().epcisBody.queryResults.resultsBody.eventList;

async function sell(batchId: string, quantity: number) {
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const sale = await coop.post('/api/v1/trace/trades', { batchId, buyerToken: token, quantity, unit: 'kg' });
  expect(sale.statusCode, sale.body).toBe(201);
  const confirmed = await farmer.post(`/api/v1/trace/trades/${sale.json().id}/confirm`, {});
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json().buyerBatchId as string;
}

// Every lot of the chain is of the coop's product (a buyer's lot keeps the product), so of its GTIN.
const lot = (name: string) => `${BASE}/01/${GTIN}/10/${codes[name]}`;
const all = async (who: Client, query = ''): Promise<Ev[]> => eventsOf(await who.get(`/api/v1/epcis/events?perPage=500${query}`));

beforeAll(async () => {
  t = await createTestApp();
  const [a1, a2, a3, a4] = await Promise.all(['sg-coop', 'sg-farmer', 'sd-admin', 'sc-admin'].map((u) => t.login(u)));
  [coop, farmer, sd, sc] = [a1!, a2!, a3!, a4!];
  const product = await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg', gtin: GTIN });
  expect(product.statusCode, product.body).toBe(201);
  const a = await coop.post('/api/v1/trace/batches', { productId: product.json().id, quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' }, variety: '粉果番茄', soilNote: '壤土，pH 6.5', waterNote: '井水灌溉' });
  expect(a.statusCode, a.body).toBe(201);
  ids.A = a.json().id;
  ids.B1 = await sell(ids.A!, 100);
  ids.B2 = await sell(ids.A!, 50);
  const merged = await farmer.post('/api/v1/trace/batches/merge', { batchIds: [ids.B1, ids.B2] });
  expect(merged.statusCode, merged.body).toBe(201);
  ids.M = merged.json().id;
  const manual = await farmer.post('/api/v1/trace/trades', { batchId: ids.M, quantity: 30, unit: 'kg', buyer: { name: '李记饭店', phone: BUYER_PHONE, address: '寿光市圣城街 88 号' } });
  expect(manual.statusCode, manual.body).toBe(201);
  ids.U = manual.json().buyerBatchId;
  const market = await farmer.post('/api/v1/trace/market-entries', { batchId: ids.M, quantity: 20, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', stall: 'A-12' } });
  expect(market.statusCode, market.body).toBe(201);
  ids.K = market.json().buyerBatchId;
  // The codes as the trace graph gives them (the hand-recorded buyer's and the market's lots have no holder to ask).
  const graph = (await sd.get(`/api/v1/trace/batches/${ids.A}/trace?direction=forward`)).json<{ nodes: { id: string; code: string }[] }>();
  for (const [name, id] of Object.entries(ids)) {
    codes[name] = graph.nodes.find((n) => n.id === id)?.code ?? '';
    expect(codes[name], name).toMatch(/^\d{20}$/);
  }
}, 120_000);
afterAll(async () => t?.close());

describe('Tracenet’s own records as EPCIS events', () => {
  it('production is a commissioning ObjectEvent (ADD) with ilmd, the lot a GS1 Digital Link of its GTIN', async () => {
    const [made] = await all(coop, `&EQ_bizStep=commissioning&eventType=ObjectEvent&MATCH_anyEPCClass=${encodeURIComponent(lot('A'))}`);
    expect(made).toMatchObject({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      eventTimeZoneOffset: '+08:00',
      quantityList: [{ epcClass: lot('A'), quantity: 500, uom: 'KGM' }],
      ilmd: { 'cbvmda:lotNumber': codes.A, 'cbvmda:countryOfOrigin': 'CN', 'tn:harvestDate': '2026-11-20', 'tn:productClass': '04', 'tn:variety': '粉果番茄', 'tn:soilNote': '壤土，pH 6.5', 'tn:waterNote': '井水灌溉' },
    });
  });

  it('a sale and its confirmation are shipping and receiving TransactionEvents naming the trade and the owning parties', async () => {
    const shipped = await all(coop, `&EQ_bizStep=shipping&MATCH_epcClass=${encodeURIComponent(lot('A'))}`);
    expect(shipped).toHaveLength(2);
    const s = shipped[0]!;
    expect(s).toMatchObject({ type: 'TransactionEvent', action: 'ADD', disposition: 'in_transit', bizTransactionList: [{ type: 'desadv', bizTransaction: expect.stringMatching(new RegExp(`^${BASE}/epcis/trade/`)) }] });
    expect(s.sourceList).toEqual([{ type: 'owning_party', source: expect.stringMatching(new RegExp(`^${BASE}/epcis/party/subject/`)) }]);
    expect(s.destinationList).toEqual([{ type: 'owning_party', destination: expect.stringMatching(new RegExp(`^${BASE}/epcis/party/subject/`)) }]);
    // The buyer's confirmation names the same trade; a typed parameter finds both sides (the province reads both).
    const trade = s.bizTransactionList[0].bizTransaction as string;
    const both = await all(sd, `&EQ_bizTransaction_desadv=${encodeURIComponent(trade)}`);
    expect(both.map((e) => e.bizStep).sort()).toEqual(['receiving', 'shipping']);
    expect(both.find((e) => e.bizStep === 'receiving')).toMatchObject({ type: 'TransactionEvent', disposition: 'in_progress', sourceList: s.sourceList, destinationList: s.destinationList });
    expect(await all(sd, `&EQ_source_owning_party=${encodeURIComponent(s.sourceList[0].source)}&EQ_bizStep=shipping&MATCH_anyEPCClass=${encodeURIComponent(lot('A'))}`)).toHaveLength(2);
    expect(await all(sd, `&EQ_destination_urn:epcglobal:cbv:sdt:owning_party=${encodeURIComponent(s.sourceList[0].source)}&MATCH_anyEPCClass=${encodeURIComponent(lot('A'))}`)).toHaveLength(0);
  });

  it('a consumer rebuilds the chain from the events alone: input to output of the transformations, from the farm lot to every holder', async () => {
    const events = await all(sd);
    const next = new Map<string, Set<string>>();
    for (const e of events.filter((x) => x.type === 'TransformationEvent')) {
      for (const i of e.inputQuantityList ?? []) for (const o of e.outputQuantityList ?? []) next.set(i.epcClass, (next.get(i.epcClass) ?? new Set()).add(o.epcClass));
    }
    const reached = new Set([lot('A')]);
    const queue = [lot('A')];
    while (queue.length) {
      for (const n of next.get(queue.shift()!) ?? []) {
        if (reached.has(n)) continue;
        reached.add(n);
        queue.push(n);
      }
    }
    expect([...reached].sort()).toEqual(['A', 'B1', 'B2', 'M', 'U', 'K'].map(lot).sort());
    const merge = events.find((e) => e.type === 'TransformationEvent' && e.bizStep === 'repackaging');
    expect(merge!.inputQuantityList.map((q: Ev) => q.epcClass).sort()).toEqual([lot('B1'), lot('B2')].sort());
    expect(events.find((e) => e.bizStep === 'accepting')).toMatchObject({ type: 'TransactionEvent', disposition: 'sellable_accessible', quantityList: [{ epcClass: lot('M'), quantity: 20, uom: 'KGM' }] });
  });

  it('every own event is a valid EPCIS 2.0 event, and none carries a phone, a name or an address', async () => {
    const res = await sd.get('/api/v1/epcis/events?perPage=500');
    const doc = res.json();
    const events = eventsOf(res);
    expect(events.length).toBeGreaterThanOrEqual(12);
    events.forEach((e, i) => expect(validateEvent(e, i, doc['@context'])).toEqual([]));
    for (const secret of [BUYER_PHONE, '13905360002', '李记饭店', '圣城街', '张建国', '绿源']) expect(res.body).not.toContain(secret);
  });

  it('epcs/{epc}/events finds a lot anywhere in an event; GS1-EPC-Format is answered; others’ jurisdictions read nothing', async () => {
    const res = await sd.get(`/api/v1/epcis/epcs/${encodeURIComponent(lot('M'))}/events?perPage=100`, { 'GS1-EPC-Format': 'Always_GS1_Digital_Link' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['gs1-epc-format']).toBe('Always_GS1_Digital_Link');
    expect(eventsOf(res).map((e) => `${e.type}:${e.bizStep}`).sort()).toEqual(
      ['TransformationEvent:repackaging', 'TransactionEvent:shipping', 'TransformationEvent:commissioning', 'TransactionEvent:accepting', 'TransformationEvent:commissioning'].sort(),
    );
    expect((await sd.get('/api/v1/epcis/events', { 'GS1-EPC-Format': 'Sometimes' })).statusCode).toBe(400);
    expect(await all(sc, `&MATCH_anyEPCClass=${encodeURIComponent(lot('A'))}`)).toEqual([]);
    // A producer reads its own records only: the coop not the farmer's merge.
    expect(await all(coop, `&MATCH_anyEPCClass=${encodeURIComponent(lot('M'))}`)).toEqual([]);
    expect((await sd.get('/api/v1/epcis/bizSteps')).json()).toContain('sampling');
    expect((await sd.get('/api/v1/epcis/dispositions')).json()).toContain('non_conformant');
  });

  it('a receiving event captured from an outside system, naming a lot by its Digital Link, extends the chain on the public page', async () => {
    const outside = (id: string, epcClass: string) => ({
      type: 'ObjectEvent',
      eventTime: '2026-11-25T09:30:00+08:00',
      eventTimeZoneOffset: '+08:00',
      epcList: [],
      quantityList: [{ epcClass, quantity: 20, uom: 'KGM' }],
      action: 'OBSERVE',
      bizStep: 'receiving',
      eventID: id,
    });
    const doc = {
      '@context': ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-11-25T09:31:00+08:00',
      // Under another GTIN the code names no lot of ours: it stays outside the graph.
      epcisBody: { eventList: [outside('urn:uuid:6d3c1d2e-0000-4000-8000-000000000001', `https://id.gs1.org/01/${GTIN}/10/${codes.K}`), outside('urn:uuid:6d3c1d2e-0000-4000-8000-000000000002', `https://id.gs1.org/01/09506000134352/10/${codes.U}`)] },
    };
    const res = await sd.post('/api/v1/epcis/capture', JSON.stringify(doc), { 'content-type': 'application/ld+json' });
    expect(res.statusCode, res.body).toBe(202);
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${codes.K}` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().outside).toEqual([{ code: codes.K, eventType: 'ObjectEvent', bizStep: 'receiving', eventTime: '2026-11-25T01:30:00.000Z' }]);
    const page = await t.app.inject({ method: 'GET', url: `/t/${codes.K}` });
    expect(page.body).toContain('其他追溯系统的记录');
    expect(page.body).toContain('收货');
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${codes.U}` });
    expect(other.json().outside).toBeUndefined();
  });
});
