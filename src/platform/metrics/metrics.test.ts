import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { expectError } from '../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';
import { createLogger } from '../logger.js';

// GET /metrics (issue 14 §2): Prometheus text with per-route request figures, the database pool and query times,
// jobs, live streams, public look-ups and the business counts; readable from loopback or with the token only.

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The samples of a Prometheus text exposition (no escaped quotes occur in our label values). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) labels[k!] = v!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

const pick = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) => {
  const found = pick(samples, name, labels);
  if (found.length !== 1) throw new Error(`${name} ${JSON.stringify(labels)}: ${found.length} samples`);
  return found[0]!.value;
};

let t: TestApp;
let coop: Client;
let batchCode: string;

async function scrape(app: FastifyInstance = t.app) {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode, res.body).toBe(200);
  return { res, samples: parse(res.body) };
}

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  const base = (await coop.post('/api/v1/trace/bases', { name: '化龙镇 5 号大棚', regionCode: '370783100', address: '化龙镇裴岭村', area: 5, areaUnit: 'mu', lat: 36.87, lng: 118.64 })).json();
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json();
  const batch = await coop.post('/api/v1/trace/batches', { productId: product.id, baseId: base.id, quantity: 80, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
  expect(batch.statusCode, batch.body).toBe(201);
  batchCode = batch.json().code;
});
afterAll(async () => t?.close());

describe('GET /metrics', () => {
  it('counts requests per route pattern, with a latency histogram, and keeps 404 noise and itself out', async () => {
    await t.anonymous.get('/healthz');
    await t.anonymous.get('/healthz');
    expect((await t.anonymous.get(`/api/v1/public/trace/${batchCode}`)).statusCode).toBe(200);
    expect((await t.anonymous.get('/api/v1/no-such-thing/12345')).statusCode).toBe(404);
    const { res, samples } = await scrape();
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toContain('# TYPE tracenet_http_request_duration_seconds histogram');

    expect(value(samples, 'tracenet_http_requests_total', { method: 'GET', route: '/healthz', status: '200' })).toBe(2);
    expect(value(samples, 'tracenet_http_requests_total', { method: 'GET', route: '/api/v1/public/trace/:code', status: '200' })).toBe(1);
    // The histogram of a called route: cumulative buckets up to +Inf, its count and sum.
    const buckets = pick(samples, 'tracenet_http_request_duration_seconds_bucket', { method: 'GET', route: '/healthz' });
    expect(buckets.map((b) => b.labels.le)).toEqual(['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf']);
    expect(buckets.at(-1)!.value).toBe(2);
    expect(buckets.every((b, i) => i === 0 || b.value >= buckets[i - 1]!.value)).toBe(true);
    expect(value(samples, 'tracenet_http_request_duration_seconds_count', { method: 'GET', route: '/healthz' })).toBe(2);
    expect(value(samples, 'tracenet_http_request_duration_seconds_sum', { method: 'GET', route: '/healthz' })).toBeGreaterThan(0);
    // A login is a POST on its own route; the raw URL with a code never becomes a label value.
    expect(pick(samples, 'tracenet_http_requests_total', { method: 'POST', route: '/api/v1/auth/login', status: '200' })).toHaveLength(1);
    const routes = new Set(samples.filter((s) => s.name.startsWith('tracenet_http_request')).map((s) => s.labels.route));
    expect([...routes].filter((r) => r?.includes(batchCode) || r?.includes('no-such-thing') || r === '/metrics')).toEqual([]);
    expect(value(samples, 'tracenet_http_unmatched_requests_total', { method: 'GET' })).toBeGreaterThanOrEqual(1);

    // A second scrape still does not count the first.
    const again = (await scrape()).samples;
    expect(pick(again, 'tracenet_http_requests_total', { route: '/metrics' })).toEqual([]);
  });

  it('reports the database pool and query times, jobs, live streams and public look-ups', async () => {
    await t.app.jobRunner.runNow('supervision.overdue');
    const { samples } = await scrape();
    expect(value(samples, 'tracenet_db_info', { driver: t.database.kind })).toBe(1);
    expect(value(samples, 'tracenet_db_pool_max')).toBe(t.database.kind === 'pglite' ? 1 : 5);
    for (const state of ['in_use', 'idle', 'waiting']) expect(value(samples, 'tracenet_db_pool_connections', { state })).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'tracenet_db_connections_lost_total')).toBe(0);
    expect(value(samples, 'tracenet_db_query_duration_seconds_count')).toBeGreaterThan(10);
    expect(value(samples, 'tracenet_db_query_duration_seconds_sum')).toBeGreaterThan(0);
    expect(value(samples, 'tracenet_job_runs_total', { job: 'supervision.overdue' })).toBe(1);
    expect(value(samples, 'tracenet_job_failures_total', { job: 'supervision.overdue' })).toBe(0);
    expect(value(samples, 'tracenet_job_running', { job: 'supervision.overdue' })).toBe(0);
    expect(value(samples, 'tracenet_job_last_finished_seconds', { job: 'supervision.overdue' })).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(value(samples, 'tracenet_public_lookups_total')).toBe(1);
    expect(value(samples, 'tracenet_sse_connections')).toBe(0);
    expect(pick(samples, 'process_resident_memory_bytes')).toHaveLength(1);
  });

  it('counts open live notification streams', async () => {
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/trace/notifications/stream`, { headers: { cookie: coop.cookie! }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    expect(value((await scrape()).samples, 'tracenet_sse_connections')).toBe(1);
    controller.abort();
    const deadline = Date.now() + 5_000;
    while (value((await scrape()).samples, 'tracenet_sse_connections') !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(value((await scrape()).samples, 'tracenet_sse_connections')).toBe(0);
  });

  it('reads the business counts from the database at scrape time', async () => {
    const counted = async () => {
      const [row] = await queryRows<Record<string, number>>(
        t.database.db,
        sql`SELECT (SELECT count(*) FROM subject_applications) AS registrations, (SELECT count(*) FROM subjects WHERE status <> 'temporary') AS subjects,
                   (SELECT count(*) FROM batches) AS batches, (SELECT count(*) FROM trades) AS trades, (SELECT count(*) FROM samples) AS samples,
                   (SELECT count(*) FROM samples WHERE verdict = 'fail') AS failed_samples, (SELECT count(*) FROM monitoring_alerts) AS alerts`,
      );
      return row!;
    };
    const before = (await scrape()).samples;
    expect(value(before, 'tracenet_business_counts_up')).toBe(1);
    const expected = await counted();
    for (const [kind, n] of Object.entries(expected)) expect(value(before, 'tracenet_business_records', { kind }), kind).toBe(Number(n));
    expect(Number(expected.batches)).toBeGreaterThanOrEqual(1);
    expect(Number(expected.subjects)).toBeGreaterThanOrEqual(1);

    const product = (await coop.get('/api/v1/trace/products')).json().items[0];
    const base = (await coop.get('/api/v1/trace/bases')).json().items[0];
    const made = await coop.post('/api/v1/trace/batches', { productId: product.id, baseId: base.id, quantity: 10, unit: 'kg', harvestDate: '2026-11-21', selfCheck: { result: 'pass' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(value((await scrape()).samples, 'tracenet_business_records', { kind: 'batches' })).toBe(Number(expected.batches) + 1);
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  let withToken: FastifyInstance;
  let openToTen: FastifyInstance;
  beforeAll(async () => {
    // More servers on the same database, configured otherwise.
    withToken = await buildApp({ ...t.config, metricsToken: TOKEN }, t.database, createLogger('silent'));
    openToTen = await buildApp({ ...t.config, metricsAllow: ['10.0.0.0/8'] }, t.database, createLogger('silent'));
  });
  afterAll(async () => {
    await withToken?.close();
    await openToTen?.close();
  });
  const get = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('lets loopback in by default and refuses another address with 403 when no token is configured', async () => {
    expect((await get(t.app, '127.0.0.1')).statusCode).toBe(200);
    expect((await get(t.app, '::1')).statusCode).toBe(200);
    const refused = await get(t.app, '203.0.113.9');
    expectError(refused, 403, 'METRICS_ADDRESS_REFUSED');
    expect(refused.json().message.zh).toContain('白名单');
    expect(refused.headers['www-authenticate']).toBeUndefined();
  });

  it('judges the socket address, never X-Forwarded-For, and nothing that came through a proxy', async () => {
    expectError(await get(t.app, '203.0.113.9', { 'x-forwarded-for': '127.0.0.1' }), 403, 'METRICS_ADDRESS_REFUSED');
    // A reverse proxy on the same host connects from loopback on behalf of anyone.
    expectError(await get(t.app, '127.0.0.1', { 'x-forwarded-for': '198.51.100.7' }), 403, 'METRICS_ADDRESS_REFUSED');
  });

  it('with a token: none is 401 (with WWW-Authenticate), a wrong one 401, the right one 200 from anywhere', async () => {
    const none = await get(withToken, '203.0.113.9');
    expectError(none, 401, 'METRICS_TOKEN_REQUIRED');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expectError(await get(withToken, '203.0.113.9', { authorization: 'Bearer wrong-token-0123456789' }), 401, 'METRICS_TOKEN_INVALID');
    expectError(await get(withToken, '127.0.0.1', { authorization: `Basic ${TOKEN}` }), 401, 'METRICS_TOKEN_INVALID');
    const ok = await get(withToken, '203.0.113.9', { authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('tracenet_http_requests_total');
    expect((await get(withToken, '198.51.100.7', { 'x-forwarded-for': '1.2.3.4', authorization: `bearer ${TOKEN}` })).statusCode).toBe(200);
    // Loopback still needs nothing.
    expect((await get(withToken, '127.0.0.1')).statusCode).toBe(200);
    // No refused scrape shows up as a route's figures.
    expect(parse((await get(withToken, '127.0.0.1')).body).filter((s) => s.labels.route === '/metrics')).toEqual([]);
  });

  it('follows METRICS_ALLOW', async () => {
    expect((await get(openToTen, '10.20.30.40')).statusCode).toBe(200);
    expect((await get(openToTen, '::ffff:10.1.1.1')).statusCode).toBe(200);
    expectError(await get(openToTen, '127.0.0.1'), 403, 'METRICS_ADDRESS_REFUSED');
  });
});
