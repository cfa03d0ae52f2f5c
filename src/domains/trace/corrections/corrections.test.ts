import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';

// 更正与作废 (issue 15 §5) with the demo producers of 化龙镇: sg-coop records and corrects, sg-farmer buys.

let t: TestApp;
let coop: Client;
let farmer: Client;
let farmerToken: string;
let tomato: string;
let base: string;

const newBatch = async (quantity: number, extra: Record<string, unknown> = {}) =>
  (await coop.post('/api/v1/trace/batches', { productId: tomato, baseId: base, quantity, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' }, ...extra })).json() as { id: string; code: string };

const correct = (id: string, body: Record<string, unknown>, headers?: Record<string, string>) => coop.post(`/api/v1/trace/batches/${id}/corrections`, body, headers);
const historyOf = async (kind: string, id: string) => (await coop.get(`/api/v1/trace/${kind}/${id}/corrections`)).json().items as { kind: string; before: Record<string, unknown>; after: Record<string, unknown>; reason: string; actorName: string }[];
const row = async (id: string) =>
  (await queryRows<{ quantity: number; stock: number; frozen: number; status: string }>(t.database.db, sql`SELECT quantity::float AS quantity, stock::float AS stock, frozen::float AS frozen, status FROM batches WHERE id = ${id}`))[0]!;
const auditCount = async (action: string, id: string) =>
  Number((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND target_id = ${id}`))[0]!.n);
const sale = (batchId: string, quantity: number) => ({ batchId, buyerToken: farmerToken, quantity, unit: 'kg' });

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  farmerToken = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  tomato = (await coop.post('/api/v1/trace/products', { name: '更正番茄', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  base = (await coop.post('/api/v1/trace/bases', { name: '更正大棚', regionCode: '370783100', address: '化龙镇裴岭村北', lat: 36.87, lng: 118.64 })).json().id;
});
afterAll(async () => t?.close());

describe('batch corrections', () => {
  it('correct a typo in the quantity, keep the earlier value with who and why, audit it, and show it on the public page', async () => {
    const b = await newBatch(1000);
    const res = await correct(b.id, { quantity: 100, reason: '多输了一个零' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ quantity: 100, stock: 100 });
    const [h] = await historyOf('batches', b.id);
    expect(h).toMatchObject({ kind: 'edit', before: { quantity: 1000 }, after: { quantity: 100 }, reason: '多输了一个零' });
    expect(h!.actorName.length).toBeGreaterThan(0);
    expect(await auditCount('trace.batch_correct', b.id)).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${b.code}` })).json().batch.quantity).toBe(100);
  });

  it('never correct the quantity below what was shipped or awaits a buyer, and keep the stock what is left', async () => {
    const b = await newBatch(100);
    const shipped = (await coop.post('/api/v1/trace/trades', sale(b.id, 30))).json();
    expect((await farmer.post(`/api/v1/trace/trades/${shipped.id}/confirm`, {})).statusCode).toBe(200);
    await coop.post('/api/v1/trace/trades', sale(b.id, 20)); // pending: frozen
    const refused = expectError(await correct(b.id, { quantity: 49.999, reason: '盘点后更正' }), 409, 'QUANTITY_BELOW_SHIPPED');
    expect(refused.details).toMatchObject({ minimum: 50, shipped: 30, frozen: 20, unit: 'kg' });
    expect(refused.message.zh).toContain('最少 50 kg');
    expect(await row(b.id)).toEqual({ quantity: 100, stock: 70, frozen: 20, status: 'active' });
    expect(await historyOf('batches', b.id)).toEqual([]);
    const ok = await correct(b.id, { quantity: 50, reason: '盘点后更正' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await row(b.id)).toEqual({ quantity: 50, stock: 20, frozen: 20, status: 'active' });
    // The buyer's public page shows the corrected quantity of the batch its goods came from.
    const buyerCode = (await queryRows<{ code: string }>(t.database.db, sql`SELECT b.code FROM batches b JOIN trades t ON t.buyer_batch_id = b.id WHERE t.id = ${shipped.id}`))[0]!.code;
    const chain = (await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${buyerCode}` })).json().chain;
    expect(chain.find((h: { code: string }) => h.code === b.code).quantity).toBe(50);
  });

  it('refuse a field something depends on with 409 FIELD_IN_USE, naming it: the product once traded, the self-check once certified', async () => {
    const other = (await coop.post('/api/v1/trace/products', { name: '更正黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
    const traded = await newBatch(40);
    await coop.post('/api/v1/trace/trades', sale(traded.id, 5));
    const e = expectError(await correct(traded.id, { productId: other, reason: '选错了产品' }), 409, 'FIELD_IN_USE');
    expect(e.details).toMatchObject({ field: 'productId', because: 'trades' });
    expect(e.message.zh).toContain('“产品”已被交易或加工记录使用');

    const certified = await newBatch(40);
    expect((await coop.get(`/api/v1/trace/batches/${certified.id}/certificate`)).statusCode).toBe(200);
    expectError(await correct(certified.id, { selfCheck: { result: 'fail' }, reason: '自检结果录错' }), 409, 'FIELD_IN_USE');
    expectError(await correct(certified.id, { quantity: 39, reason: '合格证数量为 40' }), 409, 'QUANTITY_BELOW_SHIPPED');

    const fresh = await newBatch(40);
    const moved = await correct(fresh.id, { productId: other, harvestDate: '2026-11-18', baseId: null, reason: '选错了产品' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ productId: other, productName: '更正黄瓜', harvestDate: '2026-11-18', baseId: null });
    const [h] = await historyOf('batches', fresh.id);
    expect(h!.before).toEqual({ productId: tomato, productName: '更正番茄', harvestDate: '2026-11-20', baseId: base, baseName: '更正大棚' });
    expect(h!.after).toMatchObject({ productName: '更正黄瓜', baseName: null });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${fresh.code}` })).json().product.name).toBe('更正黄瓜');
  });

  it('change nothing on bad input, nor for another subject, and record one correction for a retried request', async () => {
    const b = await newBatch(10);
    expectError(await correct(b.id, { reason: '没有字段' }), 400, 'VALIDATION_FAILED');
    expectError(await correct(b.id, { quantity: 5 }), 400, 'VALIDATION_FAILED');
    expectError(await correct(b.id, { harvestDate: '2099-01-01', reason: '日期' }), 400, 'DATE_IN_FUTURE');
    expectError(await farmer.post(`/api/v1/trace/batches/${b.id}/corrections`, { quantity: 5, reason: '不是我的' }), 404, 'BATCH_NOT_FOUND');
    expectError(await farmer.get(`/api/v1/trace/batches/${b.id}/corrections`), 404, 'BATCH_NOT_FOUND');
    const key = { 'idempotency-key': `correct-${b.id}` };
    const [x, y] = [await correct(b.id, { quantity: 8, reason: '重试' }, key), await correct(b.id, { quantity: 8, reason: '重试' }, key)];
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    expect(y.headers['idempotent-replayed']).toBe('true');
    // The same value again without a key changes nothing and records nothing.
    expect((await correct(b.id, { quantity: 8, reason: '再次' })).statusCode).toBe(200);
    expect(await historyOf('batches', b.id)).toHaveLength(1);
    expect(await row(b.id)).toMatchObject({ quantity: 8, stock: 8 });
  });

  it('refuse received batches: their quantities come from the trade', async () => {
    const b = await newBatch(20);
    const tr = (await coop.post('/api/v1/trace/trades', sale(b.id, 5))).json();
    const buyerBatch = (await farmer.post(`/api/v1/trace/trades/${tr.id}/confirm`, {})).json().buyerBatchId;
    const e = expectError(await farmer.post(`/api/v1/trace/batches/${buyerBatch}/corrections`, { quantity: 4, reason: '少了' }), 409, 'BATCH_NOT_CORRECTABLE');
    expect(e.message.zh).toContain('退货');
    expectError(await farmer.post(`/api/v1/trace/batches/${buyerBatch}/void`, { reason: '少了' }), 409, 'BATCH_NOT_CORRECTABLE');
  });
});

describe('voiding a batch', () => {
  it('void with a reason: nothing more leaves it, no label prints, and its public page and verify result say 已作废 with the day and reason', async () => {
    const b = await newBatch(60);
    expectError(await coop.post(`/api/v1/trace/batches/${b.id}/void`, {}), 400, 'VALIDATION_FAILED');
    const res = await coop.post(`/api/v1/trace/batches/${b.id}/void`, { reason: '重复登记' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'voided', voided: { reason: '重复登记' } });
    expectError(await coop.post(`/api/v1/trace/batches/${b.id}/void`, { reason: '再次' }), 409, 'BATCH_VOIDED');
    expectError(await coop.post('/api/v1/trace/trades', sale(b.id, 1)), 409, 'BATCH_VOIDED');
    expectError(await coop.post('/api/v1/trace/trades', { batchId: b.id, quantity: 1, unit: 'kg', buyer: { name: '李顾客' } }), 409, 'BATCH_VOIDED');
    expectError(await coop.post('/api/v1/trace/market-entries', { batchId: b.id, quantity: 5, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园' } }), 409, 'BATCH_VOIDED');
    expectError(await coop.get(`/api/v1/trace/batches/${b.id}/label`), 409, 'BATCH_VOIDED');
    expectError(await correct(b.id, { quantity: 5, reason: '作废后' }), 409, 'BATCH_VOIDED');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/public/trace/${b.code}` })).json();
    expect(pub.batch.voided).toEqual({ on: today, reason: '重复登记' });
    const w = pub.warnings.find((x: { code: string }) => x.code === 'BATCH_VOIDED');
    expect(w.message.zh).toBe(`该批次记录已作废（${today}，原因：重复登记）`);
    const page = await t.app.inject({ method: 'GET', url: `/t/${b.code}` });
    expect(page.body).toContain(`已作废（${today}，原因：重复登记）`);
    const verified = (await t.app.inject({ method: 'POST', url: '/api/v1/public/trace/verify', payload: { codes: [b.code] } })).json().items[0];
    expect(verified).toMatchObject({ result: 'valid', warnings: ['BATCH_VOIDED'], voided: { on: today, reason: '重复登记' } });

    const [h] = await historyOf('batches', b.id);
    expect(h).toMatchObject({ kind: 'void', before: { status: 'active' }, after: { status: 'voided' }, reason: '重复登记' });
    expect(await auditCount('trace.batch_void', b.id)).toBe(1);
  });

  it('refuse to void a batch whose goods reached others, and say what to do instead', async () => {
    const b = await newBatch(60);
    const pending = (await coop.post('/api/v1/trace/trades', sale(b.id, 10))).json();
    const e = expectError(await coop.post(`/api/v1/trace/batches/${b.id}/void`, { reason: '登记错误' }), 409, 'BATCH_HAS_DOWNSTREAM');
    expect(e.details).toMatchObject({ trades: 1 });
    expect(e.message.zh).toContain('撤销待确认的交易');
    await coop.post(`/api/v1/trace/trades/${pending.id}/cancel`, { reason: '登记错误' });
    expect((await coop.post(`/api/v1/trace/batches/${b.id}/void`, { reason: '登记错误' })).statusCode).toBe(200);
  });
});

describe('products and bases', () => {
  it('correct a product no batch names, refuse once one does, and void it so no new batch can', async () => {
    const p = (await coop.post('/api/v1/trace/products', { name: '错字番茄', classCode: '04', spec: '散装', unit: 'kg' })).json();
    const fixed = await coop.post(`/api/v1/trace/products/${p.id}/corrections`, { name: '樱桃番茄', classCode: '0301', reason: '名称错字' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ name: '樱桃番茄', classCode: '0301' });
    // The history names the classes as they stood, not only their codes (修改记录 shows 干制蔬菜 → 茄果类蔬菜…).
    const [change] = (await coop.get(`/api/v1/trace/products/${p.id}/corrections`)).json().items;
    expect(change).toMatchObject({ before: { classCode: '04', className: '干制蔬菜' }, after: { classCode: '0301', className: expect.any(String) } });
    expect(change.after.className).not.toBe('干制蔬菜');
    expectError(await coop.post(`/api/v1/trace/products/${p.id}/corrections`, { classCode: '99999999', reason: '分类' }), 404, 'PRODUCT_CLASS_NOT_FOUND');
    expectError(await coop.post(`/api/v1/trace/products/${p.id}/corrections`, { gtin: '06901234567891', reason: '条码' }), 400, 'GTIN_INVALID');
    await coop.post('/api/v1/trace/batches', { productId: p.id, quantity: 5, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
    const e = expectError(await coop.post(`/api/v1/trace/products/${p.id}/corrections`, { classCode: '04', reason: '分类选错' }), 409, 'FIELD_IN_USE');
    expect(e.details).toMatchObject({ field: 'classCode', because: 'batches', batches: 1 });
    expect((await coop.post(`/api/v1/trace/products/${p.id}/void`, { reason: '分类选错，重新登记' })).json()).toMatchObject({ status: 'voided', voided: { reason: '分类选错，重新登记' } });
    expectError(await coop.post('/api/v1/trace/batches', { productId: p.id, quantity: 5, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } }), 409, 'PRODUCT_VOIDED');
    expectError(await coop.post(`/api/v1/trace/products/${p.id}/void`, { reason: '再次' }), 409, 'ALREADY_VOIDED');
    expect((await historyOf('products', p.id)).map((h) => h.kind)).toEqual(['void', 'edit']);
    expect(await auditCount('trace.product_correct', p.id)).toBe(1);
    expect(await auditCount('trace.product_void', p.id)).toBe(1);
  });

  it('correct a base\u2019s map point at any time, its name only while no batch names it', async () => {
    const b = (await coop.post('/api/v1/trace/bases', { name: '错位大棚', regionCode: '370783100', address: '裴岭村', lat: 36.8, lng: 118.6 })).json();
    await coop.post('/api/v1/trace/batches', { productId: tomato, baseId: b.id, quantity: 5, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
    const moved = await coop.post(`/api/v1/trace/bases/${b.id}/corrections`, { lat: 36.87, lng: 118.64, reason: '定位偏差' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ lat: 36.87, lng: 118.64 });
    expectError(await coop.post(`/api/v1/trace/bases/${b.id}/corrections`, { lat: 10, lng: 10, reason: '定位' }), 400, 'COORDINATES_OUTSIDE_CHINA');
    const e = expectError(await coop.post(`/api/v1/trace/bases/${b.id}/corrections`, { name: '裴岭大棚', reason: '改名' }), 409, 'FIELD_IN_USE');
    expect(e.details).toMatchObject({ field: 'name', because: 'batches' });
    expect((await coop.post(`/api/v1/trace/bases/${b.id}/void`, { reason: '基地已退租' })).json().status).toBe('voided');
    expectError(await coop.post('/api/v1/trace/batches', { productId: tomato, baseId: b.id, quantity: 5, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } }), 409, 'BASE_VOIDED');
    const [h] = (await historyOf('bases', b.id)).slice(-1);
    expect(h).toMatchObject({ kind: 'edit', before: { lat: 36.8, lng: 118.6 }, after: { lat: 36.87, lng: 118.64 }, reason: '定位偏差' });
    expectError(await farmer.post(`/api/v1/trace/bases/${b.id}/void`, { reason: '不是我的' }), 404, 'BASE_NOT_FOUND');
  });

  it('keeps the history append-only', async () => {
    await expect(t.database.db.execute(sql`DELETE FROM trace_corrections`)).rejects.toThrow();
  });
});
