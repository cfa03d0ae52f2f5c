import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, tableCounts } from '../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { callSigned, signedHeaders, type PartnerKey } from '../../../test/partner.js';
import { loginAll } from '../../../test/supervision.js';
import { queryRows } from '../../platform/db/rows.js';

// 平台对接 (issue 17 §1, issue 20 §4): client systems registered by the ministry and the provinces call Tracenet with
// signed requests, as a partner would sign them with Node's crypto (test/partner.ts).

const TABLES = ['integration_clients', 'integration_keys', 'integration_nonces', 'audit_log'];

let t: TestApp;
let moa: Client;
let sd: Client;
let sc: Client;
let coop: Client;
let batch: { id: string; code: string };
let platform: { id: string };
let platformKey: PartnerKey;
let market: { id: string };
let marketKey: PartnerKey;

async function issueKey(by: Client, clientId: string): Promise<PartnerKey> {
  const res = await by.post(`/api/v1/integration/clients/${clientId}/keys`, {});
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  return { keyId: body.key.id, secret: body.secret };
}

const byCode = (code: string) => ({ method: 'GET' as const, url: `/api/v1/trace/batches/by-code/${code}` });

beforeAll(async () => {
  t = await createTestApp();
  [moa, sd, sc, coop] = await loginAll(t, ['moa-admin', 'sd-admin', 'sc-admin', 'sg-coop'] as const);
  const productId = (await coop.post('/api/v1/trace/products', { name: '黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  batch = (await coop.post('/api/v1/trace/batches', { productId, quantity: 80, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
  expect(batch.code).toMatch(/^1370783\d{13}$/);
}, 120_000);
afterAll(async () => t?.close());

describe('registering client systems', () => {
  it('lets the ministry register a provincial platform and a province a market of its region, each with its scope', async () => {
    const res = await moa.post('/api/v1/integration/clients', { name: '山东省农产品追溯平台', kind: 'provincial_platform', regions: ['37'], operations: ['trace.graph'], contact: '省平台运维 0531-1234567' });
    expect(res.statusCode, res.body).toBe(201);
    platform = res.json();
    expect(res.json()).toMatchObject({ kind: 'provincial_platform', regionCode: '37', regions: [{ code: '37', name: '山东省' }], operations: ['trace.graph'], status: 'active', keys: [] });

    const m = await sd.post('/api/v1/integration/clients', { name: '潍城区农产品批发市场', kind: 'market', regions: ['370702'], operations: ['trace.graph'] });
    expect(m.statusCode, m.body).toBe(201);
    market = m.json();
    expect(m.json()).toMatchObject({ regionCode: '37', manageable: true });

    // The province sees the platform the ministry registered for it, but does not manage it.
    expect((await sd.get(`/api/v1/integration/clients/${platform.id}`)).json()).toMatchObject({ manageable: false });
    expect((await sd.get('/api/v1/integration/clients')).json().items.map((c: { id: string }) => c.id)).toEqual([market.id, platform.id]);
    // Another province sees neither.
    expect((await sc.get('/api/v1/integration/clients')).json().items).toEqual([]);
    expectError(await sc.get(`/api/v1/integration/clients/${market.id}`), 404, 'CLIENT_NOT_FOUND');
    const audit = await queryRows<{ action: string; target_id: string }>(t.database.db, sql`SELECT action, target_id FROM audit_log WHERE target_type = 'integration_client' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'integration.client_register', target_id: platform.id },
      { action: 'integration.client_register', target_id: market.id },
    ]);
  });

  it('refuses a kind the agency does not register, a region outside its jurisdiction and an operation the kind may not have, writing nothing', async () => {
    const city = await t.login('wf-admin');
    const before = await tableCounts(t, TABLES);
    expectError(await sd.post('/api/v1/integration/clients', { name: '某省平台', kind: 'provincial_platform', regions: ['37'], operations: [] }), 403, 'CLIENT_KIND_NOT_YOURS');
    expectError(await moa.post('/api/v1/integration/clients', { name: '某网店', kind: 'shop', regions: ['37'], operations: [] }), 403, 'CLIENT_KIND_NOT_YOURS');
    expectError(await sc.post('/api/v1/integration/clients', { name: '某网店', kind: 'shop', regions: ['3707'], operations: [] }), 422, 'REGION_OUT_OF_JURISDICTION');
    expectError(await sd.post('/api/v1/integration/clients', { name: '某网店', kind: 'shop', regions: [''], operations: [] }), 422, 'REGION_OUT_OF_JURISDICTION');
    expectError(await sd.post('/api/v1/integration/clients', { name: '某网店', kind: 'shop', regions: ['3799'], operations: [] }), 422, 'REGION_UNKNOWN');
    expectError(await sd.post('/api/v1/integration/clients', { name: '某网店', kind: 'shop', regions: ['37'], operations: ['trace.recall'] }), 422, 'OPERATION_NOT_ALLOWED');
    expectError(await moa.post('/api/v1/integration/clients', { name: '绿色食品认证', kind: 'certification', regions: [''], operations: [] }), 422, 'SCHEME_REQUIRED');
    expectError(await moa.post('/api/v1/integration/clients', { name: '两省平台', kind: 'provincial_platform', regions: ['37', '51'], operations: [] }), 422, 'PROVINCE_REQUIRED');
    // A city bureau has no part in it.
    expectError(await city.get('/api/v1/integration/clients'), 403, 'FORBIDDEN');
    expect(await tableCounts(t, TABLES)).toEqual(before);
  });

  it('shows a key’s secret once, keeps it encrypted, and does not replay it for a retried request', async () => {
    const first = await moa.post(`/api/v1/integration/clients/${platform.id}/keys`, {}, { 'idempotency-key': 'platform-key-1' });
    expect(first.statusCode, first.body).toBe(201);
    platformKey = { keyId: first.json().key.id, secret: first.json().secret };
    expect(platformKey.secret).toMatch(/^tns_[A-Za-z0-9_-]{43}$/);
    const again = await moa.post(`/api/v1/integration/clients/${platform.id}/keys`, {}, { 'idempotency-key': 'platform-key-1' });
    expectError(again, 409, 'IDEMPOTENCY_SECRET_WITHHELD');
    expect(again.body).not.toContain(platformKey.secret);
    const detail = await moa.get(`/api/v1/integration/clients/${platform.id}`);
    expect(detail.json().keys).toEqual([expect.objectContaining({ id: platformKey.keyId, state: 'active' })]);
    expect(detail.body).not.toContain(platformKey.secret);
    const stored = await queryRows<{ secret: string }>(t.database.db, sql`SELECT secret FROM integration_keys WHERE id = ${platformKey.keyId}`);
    expect(stored[0]!.secret).not.toContain(platformKey.secret.slice(4));
    marketKey = await issueKey(sd, market.id);
  });
});

describe('signed requests', () => {
  it('read a batch of the client’s regions through the existing route, and its trace', async () => {
    const res = await callSigned(t.app, platformKey, byCode(batch.code));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: batch.id, code: batch.code, productName: '黄瓜', county: '370783' });
    const trace = await callSigned(t.app, platformKey, { method: 'GET', url: `/api/v1/trace/batches/${batch.id}/trace?direction=forward&depth=3` });
    expect(trace.statusCode, trace.body).toBe(200);
    expect(trace.json().nodes[0]).toMatchObject({ id: batch.id, holder: { subjectId: null } });
    const me = await callSigned(t.app, platformKey, { method: 'GET', url: '/api/v1/integration/me' });
    expect(me.json()).toMatchObject({ id: platform.id, regions: ['37'], operations: ['trace.graph'], keyId: platformKey.keyId });
  });

  it('refuses a replayed request (NONCE_REUSED), one signed out of the five-minute window (SIGNATURE_EXPIRED) and a changed path or query', async () => {
    const call = byCode(batch.code);
    const headers = signedHeaders(platformKey, call);
    expect((await callSigned(t.app, platformKey, call, headers)).statusCode).toBe(200);
    expectError(await callSigned(t.app, platformKey, call, headers), 401, 'NONCE_REUSED');

    const now = Math.floor(Date.now() / 1000);
    // Margins of half a minute: on a loaded machine seconds pass between signing and the server's check.
    expectError(await callSigned(t.app, platformKey, { ...call, timestamp: now - 330 }), 401, 'SIGNATURE_EXPIRED');
    expectError(await callSigned(t.app, platformKey, { ...call, timestamp: now + 330 }), 401, 'SIGNATURE_EXPIRED');
    expect((await callSigned(t.app, platformKey, { ...call, timestamp: now - 270 })).statusCode).toBe(200);
    expect((await callSigned(t.app, platformKey, { ...call, timestamp: now + 270 })).statusCode).toBe(200);

    const trace = `/api/v1/trace/batches/${batch.id}/trace?direction=forward&depth=3`;
    expectError(await callSigned(t.app, platformKey, { method: 'GET', url: trace, signedUrl: trace.replace('depth=3', 'depth=1') }), 401, 'SIGNATURE_INVALID');
    expectError(await callSigned(t.app, { ...platformKey, secret: 'tns_not-the-secret' }, call), 401, 'SIGNATURE_INVALID');
    expectError(await callSigned(t.app, { keyId: 'tnk_000000000000000000000000', secret: platformKey.secret }, call), 401, 'SIGNATURE_INVALID');
    expectError(await t.app.inject({ method: 'GET', url: call.url, headers: { 'x-tracenet-key': platformKey.keyId } }), 401, 'SIGNATURE_INVALID');
  });

  it('refuses a body other than the one signed, writing nothing', async () => {
    const before = await tableCounts(t, ['integration_keys', 'audit_log']);
    const res = await callSigned(t.app, platformKey, { method: 'POST', url: '/api/v1/integration/me/keys/rotate', body: { overlapHours: 720 }, signedBody: JSON.stringify({ overlapHours: 1 }) });
    expectError(res, 401, 'SIGNATURE_INVALID');
    expect(await tableCounts(t, ['integration_keys', 'audit_log'])).toEqual(before);
  });

  it('refuses a batch outside the client’s regions and an operation outside its scope (OUT_OF_SCOPE)', async () => {
    // The market's scope is 潍城区 (370702); the batch lies in 寿光 (370783).
    expectError(await callSigned(t.app, marketKey, byCode(batch.code)), 403, 'OUT_OF_SCOPE');
    expectError(await callSigned(t.app, marketKey, { method: 'GET', url: `/api/v1/trace/batches/${batch.id}/trace?direction=backward` }), 403, 'OUT_OF_SCOPE');
    // A code nobody issued is still not found.
    expectError(await callSigned(t.app, marketKey, byCode('13707830000000000000')), 404, 'BATCH_NOT_FOUND');
    // Without trace.graph in its operations, the route itself is out of scope.
    const scoped = await sd.patch(`/api/v1/integration/clients/${market.id}`, { regions: ['370783'], operations: [] });
    expect(scoped.statusCode, scoped.body).toBe(200);
    expectError(await callSigned(t.app, marketKey, byCode(batch.code)), 403, 'OUT_OF_SCOPE');
    expect((await sd.patch(`/api/v1/integration/clients/${market.id}`, { regions: ['370783'], operations: ['trace.graph'] })).statusCode).toBe(200);
    expect((await callSigned(t.app, marketKey, byCode(batch.code))).statusCode).toBe(200);
  });

  it('never lets a client key open the console, nor a session act as a client', async () => {
    // Console routes do not serve client systems, whatever they would answer a person.
    expectError(await callSigned(t.app, platformKey, { method: 'GET', url: '/api/v1/auth/me' }), 403, 'OUT_OF_SCOPE');
    expectError(await callSigned(t.app, platformKey, { method: 'GET', url: '/api/v1/registry/subjects' }), 403, 'OUT_OF_SCOPE');
    // A session cookie beside a bad signature does not carry the request.
    expectError(await callSigned(t.app, { ...platformKey, secret: 'tns_wrong' }, { ...byCode(batch.code), extraHeaders: { cookie: moa.cookie! } }), 401, 'SIGNATURE_INVALID');
    // A person's session on a client system's route is refused.
    expectError(await moa.get('/api/v1/integration/me'), 403, 'FORBIDDEN');
    expect((await t.anonymous.get('/api/v1/integration/me')).statusCode).toBe(401);
  });
});

describe('key rotation and revocation', () => {
  it('rotates with an overlap (both keys sign), audited under the client, and a revoked key is refused at once', async () => {
    const rotated = await callSigned(t.app, platformKey, { method: 'POST', url: '/api/v1/integration/me/keys/rotate', body: { overlapHours: 2 } });
    expect(rotated.statusCode, rotated.body).toBe(201);
    const next: PartnerKey = { keyId: rotated.json().key.id, secret: rotated.json().secret };
    expect(rotated.json().previous).toMatchObject({ id: platformKey.keyId, state: 'expiring' });
    const expires = new Date(rotated.json().previous.expiresAt).getTime();
    expect(Math.abs(expires - (Date.now() + 2 * 3600_000))).toBeLessThan(60_000);
    expect((await callSigned(t.app, platformKey, byCode(batch.code))).statusCode).toBe(200);
    expect((await callSigned(t.app, next, byCode(batch.code))).statusCode).toBe(200);
    // A third live key is never made.
    expectError(await moa.post(`/api/v1/integration/clients/${platform.id}/keys`, {}), 409, 'KEY_LIMIT');

    const [entry] = await queryRows<{ actor_id: string; actor_name: string }>(t.database.db, sql`SELECT actor_id, actor_name FROM audit_log WHERE action = 'integration.key_rotate' ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ actor_id: platform.id, actor_name: '山东省农产品追溯平台' });

    const revoked = await moa.post(`/api/v1/integration/clients/${platform.id}/keys/${platformKey.keyId}/revoke`, {});
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().keys.find((k: { id: string }) => k.id === platformKey.keyId).state).toBe('revoked');
    expectError(await callSigned(t.app, platformKey, byCode(batch.code)), 401, 'KEY_REVOKED');
    expect((await callSigned(t.app, next, byCode(batch.code))).statusCode).toBe(200);
    platformKey = next;
  });

  it('stops every key of a disabled client', async () => {
    expect((await sd.patch(`/api/v1/integration/clients/${market.id}`, { regions: ['370783'], operations: ['trace.graph'], status: 'disabled' })).statusCode).toBe(200);
    expectError(await callSigned(t.app, marketKey, byCode(batch.code)), 401, 'KEY_REVOKED');
    expectError(await sd.post(`/api/v1/integration/clients/${market.id}/keys`, {}), 409, 'CLIENT_DISABLED');
  });
});

describe('the call log and the nonce memory', () => {
  it('lists a client’s recent calls with the refused ones and their codes', async () => {
    const calls = await moa.get(`/api/v1/integration/clients/${platform.id}/calls?limit=200`);
    expect(calls.statusCode, calls.body).toBe(200);
    const body = calls.json();
    const codes = body.items.map((c: { code: string | null }) => c.code);
    for (const code of ['NONCE_REUSED', 'SIGNATURE_EXPIRED', 'SIGNATURE_INVALID', 'KEY_REVOKED']) expect(codes).toContain(code);
    // A route that serves no client refuses before the key is looked up: nothing to file it under.
    expect(body.items.some((c: { path: string }) => c.path === '/api/v1/auth/me')).toBe(false);
    const marketCalls = (await sd.get(`/api/v1/integration/clients/${market.id}/calls?errors=true`)).json();
    expect(marketCalls.items.map((c: { code: string }) => c.code)).toContain('OUT_OF_SCOPE');
    expect(body.items.some((c: { status: number; path: string }) => c.status === 200 && c.path === `/api/v1/trace/batches/by-code/${batch.code}`)).toBe(true);
    expect(body.last24h.calls).toBe(body.items.length);
    expect(body.last24h.errors).toBe(body.items.filter((c: { status: number }) => c.status >= 400).length);
    const errors = (await moa.get(`/api/v1/integration/clients/${platform.id}/calls?errors=true`)).json();
    expect(errors.items.every((c: { status: number }) => c.status >= 400)).toBe(true);
    // Another province does not read them.
    expectError(await sc.get(`/api/v1/integration/clients/${platform.id}/calls`), 404, 'CLIENT_NOT_FOUND');
  });

  it('forgets nonces past the window in the purge job, and remembers the others', async () => {
    await t.database.db.execute(sql`INSERT INTO integration_nonces (key_id, nonce, expires_at) VALUES (${platformKey.keyId}, 'expired-nonce-0000000', now() - interval '1 second')`);
    const live = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM integration_nonces WHERE expires_at > now()`);
    expect(live[0]!.n).toBeGreaterThan(0);
    const result = (await t.app.jobRunner.runNow('integration.purge')) as { nonces: number };
    expect(result.nonces).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM integration_nonces WHERE nonce = 'expired-nonce-0000000'`);
    expect(left[0]!.n).toBe(0);
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM integration_nonces`))[0]!.n).toBe(live[0]!.n);
  });
});
