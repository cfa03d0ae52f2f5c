import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';

// A document of a few hundred events: on PostgreSQL it is stored by COPY (capture.copy.ts), on PGlite by INSERT
// statements, and a document holding events stored before falls back from the COPY to the statements. Either way
// each event is stored once, copies inside the document and events captured before are counted as duplicates, a
// duplicate's other eventID finds the stored event, events naming a Tracenet lot are filed under it, and what is
// read back is what was sent, characters COPY escapes included.

const BASE = 'http://localhost:3000'; // PUBLIC_URL of the test app
const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld', { tn: 'https://tracenet.example/epcis/' }];
const doc = (events: object[]) => ({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-01T08:00:00+08:00', epcisBody: { eventList: events } });
type Ev = Record<string, unknown>;
const event = (serial: string, extra: object = {}) => ({
  type: 'ObjectEvent',
  eventTime: '2026-11-02T08:00:00+08:00',
  eventTimeZoneOffset: '+08:00',
  epcList: [`urn:epc:id:sgtin:0614141.107346.${serial}`],
  action: 'OBSERVE',
  bizStep: 'receiving',
  readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1234' },
  ...extra,
});
const idOf = (n: number) => `urn:uuid:7c0e2a4d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const eventsOf = (res: { json: <T>() => T }) => res.json<{ epcisBody: { queryResults: { resultsBody: { eventList: Ev[] } } } }>().epcisBody.queryResults.resultsBody.eventList;

let t: TestApp;
let sd: Client;
let lotCode: string;
const stored = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM epcis_events WHERE origin = 'captured'`))[0]!.n;
const capture = async (body: unknown) => {
  const res = await sd.post('/api/v1/epcis/capture', JSON.stringify(body), { 'content-type': 'application/ld+json' });
  expect(res.statusCode, res.body).toBe(202);
  return (await sd.get(res.headers.location as string)).json<{ success: boolean; eventCount: number; storedCount: number; duplicateCount: number; captureID: string }>();
};

// Text COPY has to escape: tab, newline, carriage return, backslash; quotes and backslashes inside array elements.
const NOTE = 'tab\there\nnew line\rreturn \\backslash "quoted" 山东寿光，番茄';
const ODD_SERIAL = 'x"y\\z';
const events: Ev[] = Array.from({ length: 150 }, (_, i) => event(`copy${i}`, { eventID: idOf(i) }));
events[5] = event(ODD_SERIAL, { eventID: idOf(5), 'tn:note': NOTE, bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:PO\\1' }] });
// The same event as number 10 under another eventID: stored once, found by both.
events[30] = { ...events[10]!, eventID: idOf(1030) };
// Naming a Tracenet lot in the middle of the document: its lot is looked up between two pieces of the COPY.
const LOT_EVENT = 120;

beforeAll(async () => {
  t = await createTestApp();
  const [admin, coop] = await Promise.all([t.login('sd-admin'), t.login('sg-coop')]);
  sd = admin!;
  const product = await coop!.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg' });
  expect(product.statusCode, product.body).toBe(201);
  const batch = await coop!.post('/api/v1/trace/batches', { productId: product.json().id, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
  expect(batch.statusCode, batch.body).toBe(201);
  lotCode = (await queryRows<{ code: string }>(t.database.db, sql`SELECT code FROM batches WHERE id = ${batch.json().id}::uuid`))[0]!.code;
  events[LOT_EVENT] = event('lot', { eventID: idOf(LOT_EVENT), epcList: [`${BASE}/t/${lotCode}`] });
}, 120_000);
afterAll(async () => t?.close());

it('stores a document of 150 events once each: its inner copy a duplicate, its lot filed, its text read back as sent', async () => {
  const before = await stored();
  const job = await capture(doc(events));
  expect(job).toMatchObject({ success: true, eventCount: 150, storedCount: 149, duplicateCount: 1 });
  expect(await stored()).toBe(before + 149);

  const byId = async (id: string) => eventsOf(await sd.get(`/api/v1/epcis/events/${encodeURIComponent(id)}`));
  expect((await byId(idOf(1030))).map((e) => e.eventID)).toEqual([idOf(10)]);
  expect(eventsOf(await sd.get(`/api/v1/epcis/events?EQ_eventID=${encodeURIComponent(`${idOf(1030)}|${idOf(11)}`)}&orderBy=eventTime`)).map((e) => e.eventID).sort()).toEqual([idOf(10), idOf(11)]);

  const [odd] = eventsOf(await sd.get(`/api/v1/epcis/events?MATCH_epc=${encodeURIComponent(`urn:epc:id:sgtin:0614141.107346.${ODD_SERIAL}`)}`));
  expect(odd).toMatchObject({ eventID: idOf(5), 'tn:note': NOTE, epcList: [`urn:epc:id:sgtin:0614141.107346.${ODD_SERIAL}`], bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141073467:PO\\1' }] });
  // The Digital Link form of the URN finds it too: the identifier columns hold canonical forms.
  expect(eventsOf(await sd.get(`/api/v1/epcis/events?MATCH_anyEPC=${encodeURIComponent(`https://id.gs1.org/01/10614141073464/21/${ODD_SERIAL}`)}`)).map((e) => e.eventID)).toEqual([idOf(5)]);

  const filed = await queryRows<{ eventId: string; traceCodes: string[] }>(t.database.db, sql`SELECT event_id AS "eventId", trace_codes AS "traceCodes" FROM epcis_events WHERE capture_id = ${job.captureID}::uuid AND trace_codes <> '{}'`);
  expect(filed).toEqual([{ eventId: idOf(LOT_EVENT), traceCodes: [lotCode] }]);
  const rows = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM epcis_events WHERE capture_id = ${job.captureID}::uuid`);
  expect(rows[0]!.n).toBe(149);
});

it('a document sent again stores nothing, and one half old, half new stores the new half', async () => {
  const before = await stored();
  expect(await capture(doc(events))).toMatchObject({ success: true, storedCount: 0, duplicateCount: 150 });
  expect(await stored()).toBe(before);

  const mixed = [...events.slice(0, 60), ...Array.from({ length: 60 }, (_, i) => event(`fresh${i}`))];
  const job = await capture(doc(mixed));
  expect(job).toMatchObject({ success: true, eventCount: 120, storedCount: 60, duplicateCount: 60 });
  expect(await stored()).toBe(before + 60);
  // Each new one once, under its CBV 2.0 hash as eventID.
  const fresh = eventsOf(await sd.get(`/api/v1/epcis/events?MATCH_epc=${encodeURIComponent('urn:epc:id:sgtin:0614141.107346.fresh59')}`));
  expect(fresh.map((e) => e.eventID)).toEqual([expect.stringMatching(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/)]);
});

it('a document of 150 with two bad events: rollback undoes what was stored before them and names both; proceed stores the rest', async () => {
  // Checked as the COPY goes (on PostgreSQL), the bad ones come after a hundred events were already sent.
  const bad = Array.from({ length: 150 }, (_, i) => event(`checked${i}`));
  bad[110] = event('checked110', { bizStep: 'teleporting' });
  bad[140] = event('checked140', { eventTimeZoneOffset: 'eight hours' });
  const before = await stored();
  const jobs = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM epcis_captures`))[0]!.n;
  const jobsBefore = await jobs();
  const refused = await sd.post('/api/v1/epcis/capture', JSON.stringify(doc(bad)), { 'content-type': 'application/ld+json' });
  expect(refused.statusCode, refused.body).toBe(400);
  expect(refused.json().details.problems.map((p: { event: number; field: string }) => [p.event, p.field])).toEqual([[110, 'bizStep'], [140, 'eventTimeZoneOffset']]);
  expect(await stored()).toBe(before);
  expect(await jobs()).toBe(jobsBefore);

  const res = await sd.post('/api/v1/epcis/capture', JSON.stringify(doc(bad)), { 'content-type': 'application/ld+json', 'GS1-Capture-Error-Behaviour': 'proceed' });
  expect(res.statusCode, res.body).toBe(202);
  const job = (await sd.get(res.headers.location as string)).json<{ success: boolean; storedCount: number; errors: { event: number }[] }>();
  expect(job).toMatchObject({ success: false, storedCount: 148 });
  expect(job.errors.map((e) => e.event)).toEqual([110, 140]);
  expect(await stored()).toBe(before + 148);
});
