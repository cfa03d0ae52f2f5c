import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { nextRun, parseSchedule } from './subscription-schedule.js';
import { deliverSubscriptions } from './subscriptions.service.js';

// Issue 18 §2: named queries (POST /queries, GET /queries/{name}/events) and subscriptions to them delivered to a
// webhook, as a stream or on a schedule, through a real HTTP receiver.

let t: TestApp;
let sd: Client;
let sc: Client;
let receiver: Server;
let dest: string;
type Delivered = { epcisBody: { queryResults: { subscriptionID: string; resultsBody: { eventList: Record<string, unknown>[] } } } };
const received: { body: Delivered; auth: string | undefined }[] = [];
let answer = 204;
const ids = { publicUrl: 'http://localhost:3000' };

const CONTEXT = ['https://ref.gs1.org/standards/epcis/epcis-context.jsonld'];
const event = (serial: string, bizStep = 'shipping') => ({ type: 'ObjectEvent', eventTime: '2026-11-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00', epcList: [`urn:epc:id:sgtin:0614141.107346.${serial}`], action: 'OBSERVE', bizStep });
const capture = (who: Client, events: object[]) =>
  who.post('/api/v1/epcis/capture', JSON.stringify({ '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-01T08:00:00+08:00', epcisBody: { eventList: events } }), { 'content-type': 'application/ld+json' });
type Ev = Record<string, unknown>;
const eventsOf = (res: { json: <T>() => T }) => res.json<{ epcisBody: { queryResults: { queryName: string; resultsBody: { eventList: Ev[] } } } }>().epcisBody.queryResults;

beforeAll(async () => {
  t = await createTestApp();
  [sd, sc] = await Promise.all([t.login('sd-admin'), t.login('sc-admin')]);
  receiver = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ body: JSON.parse(body), auth: req.headers.authorization });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  dest = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
}, 60_000);
afterAll(async () => {
  await t?.close();
  receiver?.close();
});

describe('named queries', () => {
  it('a named query is saved once per organisation, runs with the reader’s rights, and is the organisation’s own', async () => {
    expect((await capture(sd, [event('nq1'), event('nq2', 'receiving')])).statusCode).toBe(202);
    const saved = await sd.post('/api/v1/epcis/queries', { name: 'shipped', query: { EQ_bizStep: ['shipping'], MATCH_anyEPC: 'urn:epc:id:sgtin:0614141.107346.nq1|urn:epc:id:sgtin:0614141.107346.nq2' } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.headers.location).toBe('/api/v1/epcis/queries/shipped');
    expect((await sd.post('/api/v1/epcis/queries', { name: 'shipped', query: {} })).statusCode).toBe(409);
    expect((await sd.post('/api/v1/epcis/queries', { name: 'bad', query: { EQ_colour: 'red' } })).statusCode).toBe(400);
    const run = eventsOf(await sd.get('/api/v1/epcis/queries/shipped/events'));
    expect(run.queryName).toBe('shipped');
    expect(run.resultsBody.eventList.map((e) => (e.epcList as string[])[0])).toEqual(['urn:epc:id:sgtin:0614141.107346.nq1']);
    expect((await sc.get('/api/v1/epcis/queries/shipped/events')).statusCode).toBe(404);
    expect((await sd.get('/api/v1/epcis/queries')).json().map((q: { name: string }) => q.name)).toContain('shipped');
  });

  it('a stream subscription delivers new matching events once, with its token; a failed delivery is tried again', async () => {
    const sub = await sd.post('/api/v1/epcis/queries/shipped/subscriptions', { dest, stream: true, signatureToken: 'tok-1' });
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await deliverSubscriptions(t.database.db, ids)).delivered).toBe(0); // nothing new since it subscribed
    expect((await capture(sd, [event('nq1', 'shipping'), { ...event('nq2'), eventTime: '2026-11-02T08:00:00+08:00' }])).statusCode).toBe(202);
    answer = 500;
    expect(await deliverSubscriptions(t.database.db, ids)).toEqual({ delivered: 0, failed: 1 });
    answer = 204;
    expect(await deliverSubscriptions(t.database.db, ids)).toEqual({ delivered: 1, failed: 0 });
    const last = received.at(-1)!;
    expect(last.auth).toBe('Bearer tok-1');
    expect(last.body.epcisBody.queryResults.subscriptionID).toBe(sub.json().subscriptionID);
    expect(last.body.epcisBody.queryResults.resultsBody.eventList.map((e: Ev) => (e.epcList as string[])[0])).toEqual(['urn:epc:id:sgtin:0614141.107346.nq2']);
    const count = received.length;
    expect((await deliverSubscriptions(t.database.db, ids)).delivered).toBe(0);
    expect(received.length).toBe(count);
    const gone = await sd.delete(`/api/v1/epcis/queries/shipped/subscriptions/${sub.json().subscriptionID}`);
    expect(gone.statusCode).toBe(204);
  });

  it('a scheduled subscription waits for its time; bad schedules and destinations are refused', async () => {
    const refused = await sd.post('/api/v1/epcis/queries/shipped/subscriptions', { dest, schedule: { minute: '61' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ type: 'epcisException:SubscriptionControlsException' });
    expect((await sd.post('/api/v1/epcis/queries/shipped/subscriptions', { dest: 'ftp://x', stream: true })).statusCode).toBe(400);
    const sub = await sd.post('/api/v1/epcis/queries/shipped/subscriptions', { dest, schedule: { hour: '3', minute: '0' }, reportIfEmpty: true, initialRecordTime: '2000-01-01T00:00:00Z' });
    expect(sub.statusCode, sub.body).toBe(201);
    const next = new Date(sub.json().nextRunAt);
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([3, 0, 0]);
    expect((await deliverSubscriptions(t.database.db, ids, undefined, new Date(next.getTime() - 1000))).delivered).toBe(0);
    expect((await deliverSubscriptions(t.database.db, ids, undefined, next)).delivered).toBe(1);
    expect(received.at(-1)!.body.epcisBody.queryResults.resultsBody.eventList.length).toBe(2);
  });

  it('schedules: lists and ranges, ISO days of the week, UTC', () => {
    const s = parseSchedule({ second: '30', minute: '[10-11]', dayOfWeek: '1' });
    expect('bad' in s).toBe(false);
    // 2026-12-05 is a Saturday: the next Monday is 2026-12-07.
    expect(nextRun(s as Exclude<typeof s, { bad: string }>, new Date('2026-12-05T12:00:00Z'))!.toISOString()).toBe('2026-12-07T00:10:30.000Z');
    expect(parseSchedule({ hour: '[5-2]' })).toEqual({ bad: 'schedule.hour' });
  });
});
