import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../db/rows.js';

// Issue 19, findings 6, 14 and 19: which peer may name the client's address, no caching of API answers, and the
// security headers (HSTS only over https, a Permissions-Policy, the API docs without outside origins).

const login = (t: TestApp, remoteAddress: string, forwardedFor?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    payload: JSON.stringify({ username: 'sd-admin', password: DEMO_PASSWORD }),
  });

/** The address the last login was audited under (the audit entry takes the request's client address). */
async function lastLoginIp(t: TestApp): Promise<string> {
  const [row] = await queryRows<{ ip: string }>(t.database.db, sql`SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`);
  return row!.ip;
}

describe('X-Forwarded-For and TRUST_PROXY', () => {
  const apps: TestApp[] = [];
  const app = async (env: Record<string, string> = {}) => {
    const t = await createTestApp({ env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('by default believes nobody: a forged X-Forwarded-For changes neither the audited address nor the per-address limit', async () => {
    const t = await app({ LOGIN_RATE_LIMIT: '2' });
    expect((await login(t, '192.0.2.1', '203.0.113.7')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toBe('192.0.2.1');
    // Rotating the header does not give a guesser fresh addresses.
    const wrong = (forged: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.2', headers: { 'content-type': 'application/json', 'x-forwarded-for': forged }, payload: JSON.stringify({ username: 'x-guess', password: 'Wrong#Pass2026' }) });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await wrong(`203.0.113.${i + 10}`)).statusCode);
    expect(codes).toEqual([401, 401, 429, 429]);
  });

  it('with a hop count, takes the client from behind that many proxies', async () => {
    const t = await app({ TRUST_PROXY: '1' });
    expect((await login(t, '10.0.0.5', '203.0.113.7')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toBe('203.0.113.7');
    // Only one hop: an address the client itself put in front is not believed.
    expect((await login(t, '10.0.0.5', '198.51.100.66, 203.0.113.8')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toBe('203.0.113.8');
  });

  it('with a list, believes the header only from those proxies', async () => {
    const t = await app({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    expect((await login(t, '10.1.2.3', '203.0.113.9')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toBe('203.0.113.9');
    expect((await login(t, '192.0.2.50', '203.0.113.9')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toBe('192.0.2.50');
  });
});

describe('headers', () => {
  let t: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    https = await createTestApp({ env: { PUBLIC_URL: 'https://trace.example.cn' } });
  });
  afterAll(async () => {
    await t?.close();
    await https?.close();
  });

  it('sends HSTS only when PUBLIC_URL is https', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toBeUndefined();
    expect((await https.app.inject({ method: 'GET', url: '/healthz' })).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('sends a Permissions-Policy: camera and position for our own pages only, the rest off', async () => {
    const policy = String((await t.app.inject({ method: 'GET', url: '/healthz' })).headers['permissions-policy']);
    expect(policy).toContain('camera=(self)');
    expect(policy).toContain('geolocation=(self)');
    expect(policy).toContain('microphone=()');
    expect(policy).toContain('payment=()');
  });

  it('the API docs page allows no outside origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https:|http:|validator\.swagger\.io/);
    const init = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.body).toContain('validatorUrl: null');
  });

  it('marks every /api/v1 answer no-store (errors included); a route that may be cached says so itself', async () => {
    const me = await t.login('sd-admin');
    expect((await me.get('/api/v1/auth/me')).headers['cache-control']).toBe('no-store');
    expect((await me.get('/api/v1/agencies')).headers['cache-control']).toBe('no-store');
    const anonymous = await t.anonymous.get('/api/v1/auth/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'sd-admin', password: DEMO_PASSWORD })).headers['cache-control']).toBe('no-store');
    // The public trace API keeps its minute of caching.
    const coop = await t.login('sg-coop');
    const productId = (await coop.post('/api/v1/trace/products', { name: '韭菜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
    const batch = (await coop.post('/api/v1/trace/batches', { productId, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
    const found = await t.anonymous.get(`/api/v1/public/trace/${batch.code}`);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.headers['cache-control']).toBe('public, max-age=60');
  });
});
