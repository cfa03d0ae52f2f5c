import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { describeCode } from '../codes/codes.js';

// 扫码交易 between the demo producers of 化龙镇: sg-coop sells, sg-farmer buys (scanning its identity token).

let t: TestApp;
let seller: Client;
let buyer: Client;
let buyerToken: string;

async function newBatch(quantity: number): Promise<{ id: string; code: string }> {
  const productId = (await seller.get('/api/v1/trace/products')).json().items[0].id;
  return (await seller.post('/api/v1/trace/batches', { productId, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
}

async function stateOf(batchId: string) {
  const [row] = await queryRows<{ stock: number; frozen: number }>(t.database.db, sql`SELECT stock::float AS stock, frozen::float AS frozen FROM batches WHERE id = ${batchId}`);
  return row!;
}

const sale = (batchId: string, quantity: number) => ({ batchId, buyerToken, quantity, unit: 'kg', carrier: { company: '寿光物流', plate: '鲁G12345', driver: '李师傅', phone: '13812345678' }, storage: '冷藏 4℃' });

beforeAll(async () => {
  t = await createTestApp();
  seller = await t.login('sg-coop');
  buyer = await t.login('sg-farmer');
  buyerToken = (await buyer.get('/api/v1/registry/my-subject/identity')).json().token;
  await seller.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg' });
});
afterAll(async () => t?.close());

describe('trades', () => {
  it('freeze the quantity, and on confirmation give the buyer its own batch with a type-2 code linked to the seller\u2019s', async () => {
    const batch = await newBatch(500);
    const res = await seller.post('/api/v1/trace/trades', sale(batch.id, 120));
    expect(res.statusCode, res.body).toBe(201);
    expect(await stateOf(batch.id)).toEqual({ stock: 500, frozen: 120 });
    const stored = JSON.stringify(await queryRows(t.database.db, sql`SELECT carrier FROM trades WHERE id = ${res.json().id}`));
    expect(stored).toContain('鲁G12345');
    expect(stored).not.toContain('13812345678');
    const confirmed = await buyer.post(`/api/v1/trace/trades/${res.json().id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(describeCode(confirmed.json().buyerBatchCode)).toMatchObject({ kind: 'product', type: 2, county: '370783' });
    expect(await stateOf(batch.id)).toEqual({ stock: 380, frozen: 0 });
    expect(await stateOf(confirmed.json().buyerBatchId)).toEqual({ stock: 120, frozen: 0 });
    const [edge] = await queryRows<{ kind: string }>(t.database.db, sql`SELECT kind FROM batch_edges WHERE from_batch_id = ${batch.id}`);
    expect(edge!.kind).toBe('trade');
    expectError(await buyer.post(`/api/v1/trace/trades/${res.json().id}/confirm`, {}), 409, 'TRADE_NOT_PENDING');
  });

  it('never oversell: 50 simultaneous sales of 20 kg from a batch of 800 kg freeze exactly 800', async () => {
    const batch = await newBatch(800);
    const results = await Promise.all(Array.from({ length: 50 }, () => seller.post('/api/v1/trace/trades', sale(batch.id, 20))));
    const codes = results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(40);
    expect(codes.filter((c) => c === 'INSUFFICIENT_STOCK')).toHaveLength(10);
    expect(await stateOf(batch.id)).toEqual({ stock: 800, frozen: 800 });
  });

  it('release the quantity when the buyer rejects or the seller cancels, and refuse what is not theirs to do', async () => {
    const batch = await newBatch(100);
    const a = (await seller.post('/api/v1/trace/trades', sale(batch.id, 30))).json();
    const b = (await seller.post('/api/v1/trace/trades', sale(batch.id, 30))).json();
    expectError(await seller.post(`/api/v1/trace/trades/${a.id}/confirm`, {}), 404, 'TRADE_NOT_FOUND');
    expectError(await buyer.post(`/api/v1/trace/trades/${b.id}/cancel`, { reason: '不是我的' }), 404, 'TRADE_NOT_FOUND');
    expect((await buyer.post(`/api/v1/trace/trades/${a.id}/reject`, { reason: '品质不符' })).json().status).toBe('rejected');
    expect((await seller.post(`/api/v1/trace/trades/${b.id}/cancel`, { reason: '客户取消' })).json().status).toBe('cancelled');
    expectError(await buyer.post(`/api/v1/trace/trades/${b.id}/confirm`, {}), 409, 'TRADE_NOT_PENDING');
    expect(await stateOf(batch.id)).toEqual({ stock: 100, frozen: 0 });
    expectError(await seller.post('/api/v1/trace/trades', sale(batch.id, 101)), 409, 'INSUFFICIENT_STOCK');
    expectError(await seller.post('/api/v1/trace/trades', { ...sale(batch.id, 1), unit: 'box' }), 400, 'UNIT_MISMATCH');
    const own = (await seller.get('/api/v1/registry/my-subject/identity')).json().token;
    expectError(await seller.post('/api/v1/trace/trades', { ...sale(batch.id, 1), buyerToken: own }), 400, 'TRADE_TO_SELF');
    expectError(await seller.post('/api/v1/trace/trades', { ...sale(batch.id, 1), buyerToken: 'x'.repeat(24) }), 404, 'BUYER_NOT_FOUND');
    expectError(await buyer.post('/api/v1/trace/trades', { ...sale(batch.id, 1), buyerToken: own }), 404, 'BATCH_NOT_FOUND');
  });

  it('creates one trade for a retried sale with the same Idempotency-Key', async () => {
    const batch = await newBatch(50);
    const key = { 'idempotency-key': 'sale-tomato-1' };
    const first = await seller.post('/api/v1/trace/trades', sale(batch.id, 10), key);
    const again = await seller.post('/api/v1/trace/trades', sale(batch.id, 10), key);
    expect(again.json().id).toBe(first.json().id);
    expect(await stateOf(batch.id)).toEqual({ stock: 50, frozen: 10 });
  });

  it('claims a key only with the write: simultaneous retries make one trade, a refused sale leaves its key free', async () => {
    const batch = await newBatch(60);
    const key = { 'idempotency-key': 'sale-tomato-race' };
    const tries = await Promise.all(Array.from({ length: 6 }, () => seller.post('/api/v1/trace/trades', sale(batch.id, 10), key)));
    const made = new Set(tries.filter((r) => r.statusCode === 201).map((r) => r.json().id));
    expect(made.size, tries.map((r) => r.body).join('\n')).toBe(1);
    for (const r of tries.filter((r) => r.statusCode !== 201)) expect(r.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await stateOf(batch.id)).toEqual({ stock: 60, frozen: 10 });
    expect((await queryRows(t.database.db, sql`SELECT 1 FROM trades WHERE batch_id = ${batch.id}`)).length).toBe(1);

    const spare = { 'idempotency-key': 'sale-tomato-too-much' };
    expectError(await seller.post('/api/v1/trace/trades', sale(batch.id, 500), spare), 409, 'INSUFFICIENT_STOCK');
    const fixed = await seller.post('/api/v1/trace/trades', sale(batch.id, 5), spare);
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(await stateOf(batch.id)).toEqual({ stock: 60, frozen: 15 });
  });

  it('confirms once for a retried confirmation with the same Idempotency-Key', async () => {
    const batch = await newBatch(40);
    const trade = (await seller.post('/api/v1/trace/trades', sale(batch.id, 8))).json();
    const key = { 'idempotency-key': `confirm-${trade.id}` };
    const [a, b] = await Promise.all([buyer.post(`/api/v1/trace/trades/${trade.id}/confirm`, {}, key), buyer.post(`/api/v1/trace/trades/${trade.id}/confirm`, {}, key)]);
    const ok = [a, b].filter((r) => r.statusCode === 200);
    expect(ok.length, `${a.body}\n${b.body}`).toBeGreaterThanOrEqual(1);
    const again = await buyer.post(`/api/v1/trace/trades/${trade.id}/confirm`, {}, key);
    expect(again.statusCode).toBe(200);
    expect(again.json().buyerBatchId).toBe(ok[0]!.json().buyerBatchId);
    const received = await queryRows(t.database.db, sql`SELECT 1 FROM batch_edges WHERE from_batch_id = ${batch.id}`);
    expect(received).toHaveLength(1);
    expect(await stateOf(batch.id)).toEqual({ stock: 32, frozen: 0 });
  });
});
