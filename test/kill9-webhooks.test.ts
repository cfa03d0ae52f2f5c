import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedHeaders, type PartnerKey, type SignedCall } from './partner.js';
import { call, login, startServer, type Server } from './server-process.js';
import { adminQuery, testDatabaseUrl, withDatabase } from './template.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

// Issue 17, acceptance: kill -9 of the server while webhook deliveries run. The real server process runs its job
// queue (NODE_ENV=development), delivering to a slow local receiver; it is killed with SIGKILL mid-delivery and
// started again. Every change is then delivered at least once, always under the one delivery id it was given, and
// the change feed read across the restart has no gap and no repeat. PostgreSQL only, as test/kill9.test.ts.

const url = testDatabaseUrl();
const BATCHES = 24;

async function signedCall(base: string, key: PartnerKey, c: SignedCall): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base}${c.url}`, {
    method: c.method,
    headers: { ...signedHeaders(key, c), ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(c.body === undefined ? {} : { body: JSON.stringify(c.body) }),
  });
  return { status: res.status, body: await res.text() };
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!url)('kill -9 while webhook deliveries run (real server, PostgreSQL)', () => {
  const name = `tn_k9w_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-kill9w-'));
  let server: Server | undefined;
  let receiver: Receiver;
  let key: PartnerKey;

  beforeAll(async () => {
    await adminQuery(url!, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    receiver = await startReceiver(() => key.secret);
  });
  afterAll(async () => {
    if (server?.proc.exitCode === null) server.proc.kill('SIGKILL');
    await receiver?.close();
    await adminQuery(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every change at least once under one delivery id, and the feed has no gap or repeat', { timeout: 240_000 }, async () => {
    const dbUrl = withDatabase(url!, name);
    server = await startServer(dbUrl, dataDir, { jobs: true, env: { PG_POOL_SIZE: '8', JOB_BACKOFF_SECONDS: '1' } });
    const moa = await login(server.base, 'moa-admin');
    const seller = await login(server.base, 'sg-coop');
    const reg = await call(server.base, moa, 'POST', '/api/v1/integration/clients', { name: '山东省平台（断电）', kind: 'provincial_platform', regions: ['37'], operations: ['integration.changes'] });
    expect(reg.status, reg.body).toBe(201);
    const clientId = (JSON.parse(reg.body) as { id: string }).id;
    const issued = JSON.parse((await call(server.base, moa, 'POST', `/api/v1/integration/clients/${clientId}/keys`, {})).body) as { key: { id: string }; secret: string };
    key = { keyId: issued.key.id, secret: issued.secret };
    const ep = await signedCall(server.base, key, { method: 'POST', url: '/api/v1/integration/me/webhooks', body: { url: receiver.url, kinds: ['batch'] } });
    expect(ep.status, ep.body).toBe(201);

    const feedPage = async (base: string, after: string, limit: number) => {
      const res = await signedCall(base, key, { method: 'GET', url: `/api/v1/integration/changes?after=${after}&limit=${limit}&kinds=batch` });
      expect(res.status, res.body).toBe(200);
      return JSON.parse(res.body) as { items: { cursor: string; aggregateId: string }[]; nextCursor: string };
    };
    const start = (await feedPage(server.base, '', 1000)).nextCursor;

    // A slow partner: deliveries stay in flight while the server dies.
    receiver.delayMs = 400;
    const product = JSON.parse((await call(server.base, seller, 'POST', '/api/v1/trace/products', { name: '断电黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).body) as { id: string };
    const batches: string[] = [];
    for (let i = 0; i < BATCHES; i++) {
      const res = await call(server.base, seller, 'POST', '/api/v1/trace/batches', { productId: product.id, quantity: 10 + i, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
      expect(res.status, res.body).toBe(201);
      batches.push((JSON.parse(res.body) as { id: string }).id);
    }
    // Half the feed read before the crash.
    const before = await feedPage(server.base, start, BATCHES / 2);

    await until('the first deliveries', () => receiver.received.length >= 3, 90_000);
    const victim = server;
    const exited = new Promise((r) => victim.proc.once('exit', r));
    victim.proc.kill('SIGKILL');
    await exited;
    const receivedAtKill = receiver.received.length;
    expect(new Set(receiver.received.map((r) => r.body.change.aggregateId)).size).toBeLessThan(BATCHES); // the kill landed mid-way

    receiver.delayMs = 0;
    server = await startServer(dbUrl, dataDir, { jobs: true, env: { PG_POOL_SIZE: '8', JOB_BACKOFF_SECONDS: '1' } });
    const mine = () => receiver.received.filter((r) => batches.includes(r.body.change.aggregateId));
    await until('every batch delivered', () => new Set(mine().map((r) => r.body.change.aggregateId)).size === BATCHES, 150_000);
    expect(receiver.received.length).toBeGreaterThanOrEqual(receivedAtKill);

    // One delivery id per change, the same bytes on every attempt, every signature good.
    const idsOf = new Map<string, Set<string>>();
    const bodyOf = new Map<string, string>();
    for (const r of mine()) {
      idsOf.set(r.body.change.aggregateId, (idsOf.get(r.body.change.aggregateId) ?? new Set()).add(r.deliveryId));
      if (bodyOf.has(r.deliveryId)) expect(r.raw).toBe(bodyOf.get(r.deliveryId));
      bodyOf.set(r.deliveryId, r.raw);
      expect(r.signatureOk).toBe(true);
    }
    expect([...idsOf.values()].every((s) => s.size === 1)).toBe(true);

    // The feed, resumed after the restart from the cursor read before it, continues exactly.
    const after = await feedPage(server.base, before.nextCursor, 1000);
    const whole = await feedPage(server.base, start, 1000);
    const resumed = [...before.items, ...after.items].map((i) => i.cursor);
    expect(resumed).toEqual(whole.items.map((i) => i.cursor));
    expect(new Set(resumed).size).toBe(resumed.length);
    expect(whole.items.map((i) => i.aggregateId).filter((id) => batches.includes(id))).toEqual(batches);
  });
});
