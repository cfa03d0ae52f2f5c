import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { call, login, startServer, type Server, type Session } from './server-process.js';
import { adminQuery, testDatabaseUrl, withDatabase } from './template.js';

// Issue 19, acceptance: kill -9 during concurrent sales, confirmations and splits leaves conservation exact and
// every retried Idempotency-Key answered. The real server process (node + tsx on src/server.ts) runs on a
// PostgreSQL database of its own; it is killed with SIGKILL while requests are in flight, started again, and every
// key is retried. PostgreSQL only: the embedded database allows one process and is not what a crash here is about.

const url = testDatabaseUrl();

type Answer = { status: number; body: string } | null;


describe.skipIf(!url)('kill -9 during concurrent sales, confirmations and splits (real server, PostgreSQL)', () => {
  const name = `tn_k9_${randomBytes(5).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tn-kill9-'));
  let server: Server | undefined;
  let db: pg.Client;

  beforeAll(async () => {
    await adminQuery(url!, `CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    db = new pg.Client({ connectionString: withDatabase(url!, name) });
    await db.connect();
  });
  afterAll(async () => {
    if (server?.proc.exitCode === null) server.proc.kill('SIGKILL');
    await db?.end();
    await adminQuery(url!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves stock conserved to the thousandth and answers every retried key', { timeout: 55_000 }, async () => {
    const dbUrl = withDatabase(url!, name);
    server = await startServer(dbUrl, dataDir, { env: { PG_POOL_SIZE: '8' } });
    const seller = await login(server.base, 'sg-coop');
    const buyer = await login(server.base, 'sg-farmer');
    const buyerToken = (JSON.parse((await call(server.base, buyer, 'GET', '/api/v1/registry/my-subject/identity')).body) as { token: string }).token;
    const product = JSON.parse((await call(server.base, seller, 'POST', '/api/v1/trace/products', { name: '断电番茄', classCode: '04', spec: '散装', unit: 'kg' })).body) as { id: string };
    const newBatch = async (quantity: number) => {
      const res = await call(server!.base, seller, 'POST', '/api/v1/trace/batches', { productId: product.id, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
      expect(res.status, res.body).toBe(201);
      return (JSON.parse(res.body) as { id: string }).id;
    };
    const [saleBatches, splitBatches] = [await Promise.all([newBatch(100.5), newBatch(80.25)]), await Promise.all([newBatch(60), newBatch(45.125)])];
    // Pending sales for the buyer to confirm during the crash.
    const pending = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await call(server!.base, seller, 'POST', '/api/v1/trace/trades', { batchId: splitBatches[i % 2], buyerToken, quantity: 1.111, unit: 'kg' });
        expect(res.status, res.body).toBe(201);
        return (JSON.parse(res.body) as { id: string }).id;
      }),
    );
    const [{ total }] = (await db.query<{ total: string }>(`SELECT sum(quantity)::text AS total FROM batches WHERE product_id = $1 AND source = 'own'`, [product.id])).rows as [{ total: string }];

    type Req = { key: string; who: Session; route: string; body: unknown; kind: 'sale' | 'confirm' | 'split' };
    const reqs: Req[] = [];
    for (let i = 0; i < 24; i++) reqs.push({ key: `k9-sale-${i}`, who: seller, kind: 'sale', route: '/api/v1/trace/trades', body: { batchId: saleBatches[i % 2], buyerToken, quantity: (7777 + i) / 1000, unit: 'kg' } });
    for (const [i, id] of pending.entries()) reqs.push({ key: `k9-confirm-${i}`, who: buyer, kind: 'confirm', route: `/api/v1/trace/trades/${id}/confirm`, body: {} });
    for (let i = 0; i < 12; i++) reqs.push({ key: `k9-split-${i}`, who: seller, kind: 'split', route: `/api/v1/trace/batches/${splitBatches[i % 2]}/split`, body: { parts: [{ quantity: 0.333 }, { quantity: 1.5 }] } });

    // Interleave kinds, send all at once, and kill the process once a few answers are back.
    const order = reqs.map((_, i) => i).sort((a, b) => (a % 3) - (b % 3) || a - b);
    const first: Answer[] = reqs.map(() => null);
    let answered = 0;
    const victim = server;
    const inFlight = order.map((i) =>
      call(victim.base, reqs[i]!.who, 'POST', reqs[i]!.route, reqs[i]!.body, reqs[i]!.key).then(
        (a) => {
          first[i] = a;
          answered++;
        },
        () => undefined,
      ),
    );
    const deadline = Date.now() + 5_000;
    while (answered < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => victim.proc.once('exit', r));
    victim.proc.kill('SIGKILL');
    await exited;
    await Promise.all(inFlight);
    const answeredBeforeKill = first.filter(Boolean).length;
    expect(answeredBeforeKill).toBeLessThan(reqs.length); // the kill did land while requests were in flight

    server = await startServer(dbUrl, dataDir, { env: { PG_POOL_SIZE: '8' } });
    const retried = await Promise.all(reqs.map((r) => call(server!.base, r.who, 'POST', r.route, r.body, r.key)));
    for (const [i, res] of retried.entries()) {
      const r = reqs[i]!;
      expect(res.status, `${r.key}: ${res.body}`).toBeLessThan(500);
      expect(res.body, r.key).not.toContain('IDEMPOTENCY_IN_PROGRESS');
      // An answer received before the kill is answered the same (a refusal claimed nothing, so it is only the same refusal).
      const before = first[i];
      if (before && before.status < 300) expect({ key: r.key, status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({ key: r.key, status: before.status, body: JSON.parse(before.body) as unknown });
      if (before && before.status >= 300) expect({ key: r.key, status: res.status, code: JSON.parse(res.body).code }).toEqual({ key: r.key, status: before.status, code: JSON.parse(before.body).code });
      // A sale is either done or refused for stock; a confirmation or split is done (or its batch ran out).
      if (res.status >= 400) expect(JSON.parse(res.body).code, `${r.key}: ${res.body}`).toBe(r.kind === 'confirm' ? 'TRADE_NOT_PENDING' : 'INSUFFICIENT_STOCK');
    }
    // A second retry is a plain replay of the same answers.
    const again = await Promise.all(reqs.map((r) => call(server!.base, r.who, 'POST', r.route, r.body, r.key)));
    expect(again.map((a) => a.status)).toEqual(retried.map((a) => a.status));

    // Conservation, in the database's exact arithmetic.
    const sales = retried.filter((res, i) => reqs[i]!.kind === 'sale' && res.status === 201).length;
    const { rows: tradeRows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM trades WHERE batch_id = ANY($1::uuid[])`, [saleBatches]);
    expect(tradeRows[0]!.n).toBe(sales); // each key wrote once
    const { rows: sums } = await db.query<{ stock: string }>(`SELECT sum(stock)::text AS stock FROM batches WHERE product_id = $1`, [product.id]);
    expect(sums[0]!.stock).toBe(total);
    const { rows: broken } = await db.query(
      `SELECT b.id FROM batches b WHERE b.product_id = $1 AND (
         b.stock <> b.quantity - COALESCE((SELECT sum(quantity) FROM batch_edges e WHERE e.from_batch_id = b.id), 0)
         OR b.frozen <> COALESCE((SELECT sum(quantity) FROM trades t WHERE t.batch_id = b.id AND t.status = 'pending'), 0)
         OR b.stock < b.frozen)`,
      [product.id],
    );
    expect(broken).toEqual([]);
    const { rows: lost } = await db.query(
      `SELECT t.id FROM trades t LEFT JOIN batch_edges e ON e.from_batch_id = t.batch_id AND e.to_batch_id = t.buyer_batch_id
       WHERE t.batch_id = ANY($1::uuid[]) AND t.status = 'confirmed' AND (e.quantity IS NULL OR e.quantity <> t.quantity)`,
      [[...saleBatches, ...splitBatches]],
    );
    expect(lost).toEqual([]);
  });
});
