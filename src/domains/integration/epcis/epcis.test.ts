import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { CAPTURE_FILE_SIZE_LIMIT, CAPTURE_LIMIT } from './capture.service.js';

// GS1 EPCIS 2.0 capture and query (issue 18 §1–§2): error behaviours, limits, duplicates, query parameters and
// pages, who reads what.

let t: TestApp;
let sd: Client;
let sc: Client;
let moa: Client;
let coop: Client;
let county: Client;

const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { tn: 'https://tracenet.example/epcis/' }];
const doc = (events: object[]) => ({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-01T08:00:00+08:00', epcisBody: { eventList: events } });
const shipping = (serial: string, extra: object = {}) => ({
  type: 'ObjectEvent',
  eventTime: '2026-11-01T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  epcList: [`urn:epc:id:sgtin:0614141.107346.${serial}`],
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
  'tn:batch': serial,
  ...extra,
});
const counts = async () => (await queryRows<{ events: number; captures: number; audits: number }>(t.database.db, sql`SELECT (SELECT count(*)::int FROM epcis_events) AS events, (SELECT count(*)::int FROM epcis_captures) AS captures, (SELECT count(*)::int FROM audit_log WHERE action = 'epcis.capture') AS audits`))[0]!;
const capture = (who: Client, body: unknown, headers: Record<string, string> = {}) => who.post('/api/v1/epcis/capture', JSON.stringify(body), { 'content-type': 'application/ld+json', ...headers });
type Ev = Record<string, unknown>;
const eventsOf = (res: { json: <T>() => T }) => res.json<{ epcisBody: { queryResults: { resultsBody: { eventList: Ev[] } } } }>().epcisBody.queryResults.resultsBody.eventList;
const idOf = (e: Ev) => e.eventID as string;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b, c, d, e] = await Promise.all(['sd-admin', 'sc-admin', 'moa-admin', 'sg-coop', 'sg-admin'].map((u) => t.login(u)));
  [sd, sc, moa, coop, county] = [a!, b!, c!, d!, e!];
});
afterAll(async () => t?.close());

describe('capture', () => {
  it('OPTIONS /capture announces the limits; a document over the event limit is refused with 413', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/epcis/capture' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['gs1-epcis-capture-limit']).toBe(String(CAPTURE_LIMIT));
    expect(res.headers['gs1-epcis-capture-file-size-limit']).toBe(String(CAPTURE_FILE_SIZE_LIMIT));
    const before = await counts();
    const over = await capture(sd, doc(Array.from({ length: CAPTURE_LIMIT + 1 }, (_, i) => shipping(`over${i}`))));
    expect(over.statusCode, over.body).toBe(413);
    expect(over.json()).toMatchObject({ type: 'epcisException:CaptureLimitExceededException', code: 'EPCIS_CAPTURE_LIMIT' });
    expect(await counts()).toEqual(before);
  });

  it('rollback (the default) stores nothing when one event is invalid; proceed stores the valid ones and lists the others', async () => {
    const body = doc([shipping('p1'), shipping('p2', { bizStep: 'teleporting' })]);
    const before = await counts();
    const refused = await capture(sd, body);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json().details.problems).toEqual([{ event: 1, field: 'bizStep', reason: expect.stringContaining('CBV 2.0') }]);
    expect(await counts()).toEqual(before);

    const res = await capture(sd, body, { 'GS1-Capture-Error-Behaviour': 'proceed' });
    expect(res.statusCode, res.body).toBe(202);
    const job = (await sd.get(res.headers.location as string)).json();
    expect(job).toMatchObject({ running: false, success: false, captureErrorBehaviour: 'proceed', eventCount: 2, storedCount: 1, errors: [{ event: 1, field: 'bizStep' }] });
    expect(await counts()).toEqual({ events: before.events + 1, captures: before.captures + 1, audits: before.audits + 1 });
    const bad = await capture(sd, body, { 'GS1-Capture-Error-Behaviour': 'sometimes' });
    expect(bad.statusCode).toBe(400);
  });

  it('an event without eventID gets its CBV 2.0 hash; a second capture, even spelled as a Digital Link, is stored once', async () => {
    const first = await capture(sd, doc([shipping('d1')]));
    expect(first.statusCode, first.body).toBe(202);
    const stored = eventsOf(await sd.get('/api/v1/epcis/events?EQ_eventID=' + encodeURIComponent('x') + '&perPage=1'));
    expect(stored).toEqual([]);
    const found = eventsOf(await sd.get('/api/v1/epcis/events?MATCH_epc=urn:epc:id:sgtin:0614141.107346.d1'));
    expect(found).toHaveLength(1);
    expect(idOf(found[0]!)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    const before = await counts();
    // The same event: the GTIN of 0614141.107346 is 10614141073464; times in another offset, same instant.
    const again = shipping('d1', { epcList: ['https://id.gs1.org/01/10614141073464/21/d1'], eventTime: '2026-11-01T00:00:00.000Z', eventID: 'urn:uuid:5b1c7f0e-1d2a-4c1b-9a70-000000000001' });
    const res = await capture(sd, doc([again]));
    const job = (await sd.get(res.headers.location as string)).json();
    expect(job).toMatchObject({ success: true, storedCount: 0, duplicateCount: 1 });
    expect((await counts()).events).toBe(before.events);
    // The second eventID names the stored event too.
    expect(eventsOf(await sd.get(`/api/v1/epcis/events/${encodeURIComponent('urn:uuid:5b1c7f0e-1d2a-4c1b-9a70-000000000001')}`)).map(idOf)).toEqual([idOf(found[0]!)]);
  });

  it('POST /events captures one event (201, Location) and refuses an invalid one with 400', async () => {
    const event = { '@context': CONTEXT, ...shipping('single'), eventID: 'urn:uuid:5b1c7f0e-1d2a-4c1b-9a70-000000000002' };
    const res = await sd.post('/api/v1/epcis/events', JSON.stringify(event), { 'content-type': 'application/json' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/epcis/events/${encodeURIComponent(event.eventID)}`);
    const back = eventsOf(await sd.get(res.headers.location as string));
    expect(back[0]).toMatchObject({ eventID: event.eventID, 'tn:batch': 'single', recordTime: expect.any(String) });
    const bad = await sd.post('/api/v1/epcis/events', JSON.stringify({ ...event, quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 'ten' }] }), { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.problems[0]).toMatchObject({ event: 0, eventID: event.eventID, field: 'quantityList[0].quantity' });
  });

  it('each capture is an audit entry; the job list shows the organisation’s captures', async () => {
    const { audits, captures } = await counts();
    expect(audits).toBe(captures);
    const list = await sd.get('/api/v1/epcis/capture?perPage=2');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(2);
    expect(list.headers.link).toMatch(/rel="next"/);
  });
});

describe('query', () => {
  beforeAll(async () => {
    const events = [
      shipping('q1', { eventTime: '2026-10-01T08:00:00+08:00' }),
      shipping('q2', { eventTime: '2026-10-02T08:00:00+08:00', bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving', disposition: 'in_progress' }),
      { type: 'AggregationEvent', eventTime: '2026-10-03T08:00:00+08:00', eventTimeZoneOffset: '+08:00', parentID: 'urn:epc:id:sscc:0614141.1234567890', childEPCs: ['urn:epc:id:sgtin:0614141.107346.q1'], action: 'ADD', bizStep: 'packing' },
      { type: 'ObjectEvent', eventTime: '2026-10-04T08:00:00+08:00', eventTimeZoneOffset: '+08:00', quantityList: [{ epcClass: 'urn:epc:class:lgtin:0614141.107346.LOT9', quantity: 120, uom: 'KGM' }], action: 'ADD', bizStep: 'commissioning', ilmd: { 'tn:origin': '山东寿光' } },
    ];
    expect((await capture(sd, doc(events))).statusCode).toBe(202);
  });
  const q = async (query: string) => {
    const res = await sd.get(`/api/v1/epcis/events?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return eventsOf(res);
  };

  it('filters by the standard parameters, CBV words and URIs alike, EPCs as URN or Digital Link', async () => {
    expect((await q('eventType=AggregationEvent')).map((e) => e.parentID)).toEqual(['urn:epc:id:sscc:0614141.1234567890']);
    expect((await q('EQ_bizStep=receiving')).map((e) => e['tn:batch'])).toEqual(['q2']);
    expect((await q('EQ_bizStep=https://ref.gs1.org/cbv/BizStep-receiving|urn:epcglobal:cbv:bizstep:packing')).map((e) => e.type).sort()).toEqual(['AggregationEvent', 'ObjectEvent']);
    expect((await q('EQ_disposition=in_progress')).map((e) => e['tn:batch'])).toEqual(['q2']);
    // MATCH_epc looks in epcList and childEPCs (EPCIS 2.0 §8.2.7.1); MATCH_anyEPC also in parentID and the input/output lists.
    expect((await q('MATCH_epc=urn:epc:id:sgtin:0614141.107346.q1')).map((e) => e.type).sort()).toEqual(['AggregationEvent', 'ObjectEvent']);
    expect((await q('MATCH_epc=urn:epc:id:sscc:0614141.1234567890'))).toEqual([]);
    expect((await q('MATCH_anyEPC=urn:epc:id:sscc:0614141.1234567890')).map((e) => e.type)).toEqual(['AggregationEvent']);
    expect((await q('MATCH_anyEPC=https://id.gs1.org/01/10614141073464/21/q1')).map((e) => e.type).sort()).toEqual(['AggregationEvent', 'ObjectEvent']);
    expect((await q('MATCH_epcClass=urn:epc:class:lgtin:0614141.107346.LOT9')).map((e) => e.bizStep)).toEqual(['commissioning']);
    expect((await q('MATCH_anyEPCClass=https://id.gs1.org/01/10614141073464/10/LOT9')).map((e) => e.bizStep)).toEqual(['commissioning']);
    expect((await q('GE_eventTime=2026-10-02T00:00:00Z&LT_eventTime=2026-10-03T08:00:00%2B08:00')).map((e) => e['tn:batch'])).toEqual(['q2']);
    expect((await q('EQ_action=ADD&eventType=ObjectEvent&GE_quantity=100&LT_quantity=200')).map((e) => e.bizStep)).toEqual(['commissioning']);
    expect(await q('GE_quantity=121&MATCH_epcClass=urn:epc:class:lgtin:0614141.107346.LOT9')).toEqual([]);
    expect(await q('EQ_readPoint=urn:epc:id:sgln:0614141.07346.9999')).toEqual([]);
  });

  it('orders, limits and pages with nextPageToken and Link rel="next"', async () => {
    const all = await q('GE_eventTime=2026-10-01T00:00:00Z&LT_eventTime=2026-10-05T00:00:00Z&orderBy=eventTime&orderDirection=ASC');
    expect(all.map((e) => e.eventTime)).toEqual(['2026-10-01T08:00:00+08:00', '2026-10-02T08:00:00+08:00', '2026-10-03T08:00:00+08:00', '2026-10-04T08:00:00+08:00']);
    const seen: string[] = [];
    let url: string | null = '/api/v1/epcis/events?GE_eventTime=2026-10-01T00:00:00Z&LT_eventTime=2026-10-05T00:00:00Z&orderBy=eventTime&perPage=3&eventCountLimit=4';
    while (url) {
      const res = await sd.get(url);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...eventsOf(res).map((e) => e.eventTime as string));
      url = /<([^>]+)>; rel="next"/.exec((res.headers.link as string | undefined) ?? '')?.[1] ?? null;
    }
    expect(seen).toEqual([...all].reverse().map((e) => e.eventTime));
    expect(await q('orderBy=eventTime&eventCountLimit=2')).toHaveLength(2);
  });

  it('refuses unknown parameters, bad values and tokens with 400 QueryParameterException', async () => {
    for (const query of ['EQ_colour=red', 'eventType=ThingEvent', 'GE_eventTime=yesterday', 'orderDirection=UP', 'perPage=0', 'nextPageToken=abc', 'EQ_action=ADD|']) {
      const res = await sd.get(`/api/v1/epcis/events?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().type).toBe('epcisException:QueryParameterException');
    }
  });

  it('answers with the version headers, refuses another EPCIS version (406), lists event types', async () => {
    const res = await sd.get('/api/v1/epcis/eventTypes');
    expect(res.json()).toEqual(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
    expect(res.headers['gs1-epcis-version']).toBe('2.0.0');
    expect(res.headers['gs1-cbv-version']).toBe('2.0.0');
    expect((await sd.get('/api/v1/epcis/eventTypes', { 'GS1-EPCIS-Version': '1.2' })).statusCode).toBe(406);
  });

  it('GS1-EPC-Format: Always_EPC_URN gives URNs, Digital Links of a company whose URNs were captured too; the header says what was applied', async () => {
    // 0614141 came in URN form above; 9506000 never did, so its Digital Link cannot be split into a URN.
    const events = [shipping('f1', { epcList: ['https://id.gs1.org/01/10614141073464/21/f1'] }), shipping('f2', { epcList: ['https://id.gs1.org/01/09506000134352/21/f2'] })];
    expect((await capture(sd, doc(events))).statusCode).toBe(202);
    const read = async (epc: string, format: string) => {
      const res = await sd.get(`/api/v1/epcis/events?MATCH_epc=${encodeURIComponent(epc)}`, { 'GS1-EPC-Format': format });
      expect(res.statusCode, res.body).toBe(200);
      const [e] = eventsOf(res);
      return { header: res.headers['gs1-epc-format'], epcList: e!.epcList, readPoint: e!.readPoint };
    };
    expect(await read('urn:epc:id:sgtin:0614141.107346.f1', 'Always_EPC_URN')).toEqual({ header: 'Always_EPC_URN', epcList: ['urn:epc:id:sgtin:0614141.107346.f1'], readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' } });
    expect(await read('urn:epc:id:sgtin:0614141.107346.f1', 'Always_GS1_Digital_Link')).toEqual({
      header: 'Always_GS1_Digital_Link',
      epcList: ['https://id.gs1.org/01/10614141073464/21/f1'],
      readPoint: { id: 'https://id.gs1.org/414/0614141073467/254/1234' },
    });
    expect(await read('urn:epc:id:sgtin:0614141.107346.f1', 'No_Preference')).toMatchObject({ header: 'No_Preference', epcList: ['https://id.gs1.org/01/10614141073464/21/f1'] });
    expect(await read('https://id.gs1.org/01/09506000134352/21/f2', 'Always_EPC_URN')).toMatchObject({ header: 'No_Preference', epcList: ['https://id.gs1.org/01/09506000134352/21/f2'] });
  });
});

describe('who captures and reads', () => {
  it('anonymous callers and agencies below the province are refused', async () => {
    expect((await t.anonymous.get('/api/v1/epcis/events')).statusCode).toBe(401);
    expect((await county.get('/api/v1/epcis/events')).statusCode).toBe(403);
    expect((await capture(county, doc([shipping('c1')]))).statusCode).toBe(403);
  });

  it('a producer reads only its own events; its province and the ministry read them, another province does not', async () => {
    const mine = { ...shipping('coop1'), eventID: 'urn:uuid:5b1c7f0e-1d2a-4c1b-9a70-0000000000c1' };
    expect((await capture(coop, doc([mine]))).statusCode).toBe(202);
    const path = `/api/v1/epcis/events/${encodeURIComponent(mine.eventID)}`;
    for (const who of [coop, sd, moa]) expect((await who.get(path)).statusCode).toBe(200);
    expect((await sc.get(path)).statusCode).toBe(404);
    expect(await eventsOf(await sc.get('/api/v1/epcis/events?MATCH_epc=urn:epc:id:sgtin:0614141.107346.coop1'))).toEqual([]);
    // The province's own captures are not the producer's.
    expect(eventsOf(await coop.get('/api/v1/epcis/events?perPage=500')).map(idOf)).toEqual([mine.eventID]);
    const job = (await coop.get('/api/v1/epcis/capture')).json()[0].captureID as string;
    expect((await sc.get(`/api/v1/epcis/capture/${job}`)).statusCode).toBe(404);
  });
});
