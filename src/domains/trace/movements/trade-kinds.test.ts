import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { expectError, tableCounts, TRACE_TABLES } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { describeCode } from '../codes/codes.js';

// Sales that complete at once (a buyer recorded by hand, 入市 into a market) and 退货 along a completed trade.

let t: TestApp;
let seller: Client;
let buyer: Client;
let buyerToken: string;
let productId: string;

async function newBatch(quantity: number): Promise<{ id: string; code: string }> {
  return (await seller.post('/api/v1/trace/batches', { productId, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
}

async function stateOf(batchId: string) {
  const [row] = await queryRows<{ stock: number; frozen: number }>(t.database.db, sql`SELECT stock::float AS stock, frozen::float AS frozen FROM batches WHERE id = ${batchId}`);
  return row!;
}

const tradeTables = () => tableCounts(t, TRACE_TABLES);

beforeAll(async () => {
  t = await createTestApp();
  seller = await t.login('sg-coop');
  buyer = await t.login('sg-farmer');
  buyerToken = (await buyer.get('/api/v1/registry/my-subject/identity')).json().token;
  productId = (await seller.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
});
afterAll(async () => t?.close());

describe('a sale to a buyer who is not registered', () => {
  it('completes at once with a type-2 code held for the buyer, its phone stored encrypted and shown masked', async () => {
    const batch = await newBatch(200);
    const res = await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 30, unit: 'kg', buyer: { name: '王记菜摊', phone: '13698765432', address: '寿光市圣城街道 12 号' } });
    expect(res.statusCode, res.body).toBe(201);
    const trade = res.json();
    expect(trade).toMatchObject({ kind: 'manual', status: 'confirmed', quantity: 30, buyer: { subjectId: null, name: '王记菜摊', phone: '136****5432' } });
    expect(describeCode(trade.buyerBatchCode)).toMatchObject({ kind: 'product', type: 2, county: '370783' });
    expect(await stateOf(batch.id)).toEqual({ stock: 170, frozen: 0 });
    const stored = JSON.stringify(await queryRows(t.database.db, sql`SELECT b.holder, tr.counterparty FROM batches b JOIN trades tr ON tr.buyer_batch_id = b.id WHERE b.id = ${trade.buyerBatchId}`));
    expect(stored).toContain('王记菜摊');
    expect(stored).not.toContain('13698765432');
    const listed = (await seller.get('/api/v1/trace/trades?direction=outgoing')).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toContain(trade.id);
  });

  it('refuses a sale naming both kinds of buyer or neither, and a buyer without a name, writing nothing', async () => {
    const batch = await newBatch(10);
    const before = await tradeTables();
    expectError(await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 1, unit: 'kg' }), 400, 'VALIDATION_FAILED');
    expectError(await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 1, unit: 'kg', buyerToken, buyer: { name: '王记菜摊' } }), 400, 'VALIDATION_FAILED');
    expectError(await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 1, unit: 'kg', buyer: { phone: '13698765432' } }), 400, 'VALIDATION_FAILED');
    expectError(await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 11, unit: 'kg', buyer: { name: '王记菜摊' } }), 409, 'INSUFFICIENT_STOCK');
    expect(await tradeTables()).toEqual(before);
  });
});

describe('入市: a sale into a market', () => {
  it('issues a type-3 voucher on a batch of the registered market, which can sell on from it', async () => {
    const batch = await newBatch(100);
    const res = await seller.post('/api/v1/trace/market-entries', { batchId: batch.id, quantity: 40, unit: 'kg', market: { kind: 'wholesale', token: buyerToken, stall: 'A-17' }, carrier: { plate: '鲁G12345' } });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({ kind: 'market', status: 'confirmed', buyer: { marketKind: 'wholesale', stall: 'A-17' }, carrier: { plate: '鲁G12345' } });
    expect(describeCode(entry.buyerBatchCode)).toMatchObject({ type: 3 });
    const held = (await buyer.get(`/api/v1/trace/batches/${entry.buyerBatchId}`)).json();
    expect(held).toMatchObject({ code: entry.buyerBatchCode, source: 'market_entry', stock: 40 });
    const onward = await buyer.post('/api/v1/trace/trades', { batchId: entry.buyerBatchId, quantity: 5, unit: 'kg', buyer: { name: '李家餐馆' } });
    expect(onward.statusCode, onward.body).toBe(201);
    const [edge] = await queryRows<{ kind: string }>(t.database.db, sql`SELECT kind FROM batch_edges WHERE to_batch_id = ${entry.buyerBatchId}`);
    expect(edge!.kind).toBe('market');
  });

  it('takes a market off the platform by name, and refuses a market with neither token nor name', async () => {
    const batch = await newBatch(20);
    const res = await seller.post('/api/v1/trace/market-entries', { batchId: batch.id, quantity: 20, unit: 'kg', market: { kind: 'retail', name: '寿光农贸市场', address: '寿光市文圣街 8 号' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().buyer).toMatchObject({ subjectId: null, name: '寿光农贸市场', marketKind: 'retail' });
    expect(await stateOf(batch.id)).toEqual({ stock: 0, frozen: 0 });
    expectError(await seller.post('/api/v1/trace/market-entries', { batchId: batch.id, quantity: 1, unit: 'kg', market: { kind: 'retail' } }), 400, 'VALIDATION_FAILED');
    expectError(await seller.post('/api/v1/trace/market-entries', { batchId: batch.id, quantity: 1, unit: 'kg', market: { kind: 'bazaar', name: 'x市场' } }), 400, 'VALIDATION_FAILED');
  });
});

describe('退货', () => {
  it('moves the quantity back along a confirmed trade, at most what it carried, recorded by the buyer', async () => {
    const batch = await newBatch(100);
    const sale = (await seller.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken, quantity: 30, unit: 'kg' })).json();
    expectError(await buyer.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 5, reason: '尚未确认' }), 409, 'TRADE_NOT_CONFIRMED');
    const confirmed = (await buyer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json();
    expectError(await seller.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 5, reason: '卖方不能替买方退' }), 404, 'TRADE_NOT_FOUND');
    const res = await buyer.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 10, reason: '部分腐烂' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ quantity: 10, reason: '部分腐烂', trade: { returned: 10 } });
    expect(await stateOf(batch.id)).toEqual({ stock: 80, frozen: 0 });
    expect(await stateOf(confirmed.buyerBatchId)).toEqual({ stock: 20, frozen: 0 });
    const before = await tradeTables();
    expectError(await buyer.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 21, reason: '超出' }), 409, 'RETURN_EXCEEDS');
    expectError(await buyer.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 1, reason: '' }), 400, 'VALIDATION_FAILED');
    expect(await tradeTables()).toEqual(before);
  });

  it('is recorded by the seller for a buyer off the platform, and refused once the buyer’s batch has gone', async () => {
    const batch = await newBatch(50);
    const sale = (await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 50, unit: 'kg', buyer: { name: '赵四' } })).json();
    expect((await seller.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 50, reason: '买方退回全部' })).statusCode).toBe(201);
    expect(await stateOf(batch.id)).toEqual({ stock: 50, frozen: 0 });
    expectError(await seller.post('/api/v1/trace/returns', { tradeId: sale.id, quantity: 1, reason: '再退' }), 409, 'RETURN_EXCEEDS');
  });
});

describe('live animals', () => {
  it('travel only with their animal quarantine certificate number', async () => {
    const pigs = (await seller.post('/api/v1/trace/products', { name: '生猪', classCode: '04', spec: '活体', unit: 'head' })).json().id;
    const herd = (await seller.post('/api/v1/trace/batches', { productId: pigs, quantity: 20, unit: 'head', harvestDate: '2026-11-20', selfCheck: { result: 'none' } })).json();
    expectError(await seller.post('/api/v1/trace/trades', { batchId: herd.id, buyerToken, quantity: 2, unit: 'head' }), 400, 'QUARANTINE_CERT_REQUIRED');
    expectError(await seller.post('/api/v1/trace/market-entries', { batchId: herd.id, quantity: 2, unit: 'head', market: { kind: 'processor', name: '寿光肉联厂' } }), 400, 'QUARANTINE_CERT_REQUIRED');
    const ok = await seller.post('/api/v1/trace/trades', { batchId: herd.id, buyerToken, quantity: 2, unit: 'head', quarantineCert: 'A 3701 2026 000123' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().quarantineCert).toBe('A 3701 2026 000123');
  });
});
