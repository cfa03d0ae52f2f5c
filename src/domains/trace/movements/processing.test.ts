import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { expectError, tableCounts, TRACE_TABLES } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { describeCode } from '../codes/codes.js';
import { expectPublicChainsMatchTheGraph } from '../../../../test/public-chains.js';

// 加工, 拆分, 合并: a holder's batches becoming other batches, with conservation and one event each.

let t: TestApp;
let coop: Client;
let farmer: Client;
let tomato: string;
let sauce: string;

const newBatch = async (quantity: number, harvestDate = '2026-11-20') =>
  (await coop.post('/api/v1/trace/batches', { productId: tomato, quantity, unit: 'kg', harvestDate, selfCheck: { result: 'pass' } })).json() as { id: string; code: string };

async function stockOf(batchId: string) {
  const [row] = await queryRows<{ stock: number }>(t.database.db, sql`SELECT stock::float AS stock FROM batches WHERE id = ${batchId}`);
  return row!.stock;
}

async function edgesInto(batchId: string) {
  return queryRows<{ from_batch_id: string; kind: string; quantity: number }>(t.database.db, sql`SELECT from_batch_id, kind, quantity::float AS quantity FROM batch_edges WHERE to_batch_id = ${batchId} ORDER BY quantity`);
}

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  tomato = (await coop.post('/api/v1/trace/products', { name: '番茄', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  sauce = (await coop.post('/api/v1/trace/products', { name: '番茄酱', classCode: '04', spec: '罐装 500g', unit: 'box' })).json().id;
});
afterAll(async () => t?.close());

describe('加工', () => {
  it('turns quantities of input batches into an output batch with a type-1 code and a TransformationEvent', async () => {
    const a = await newBatch(100);
    const b = await newBatch(50);
    const res = await coop.post('/api/v1/trace/transformations', { inputs: [{ batchId: a.id, quantity: 60 }, { batchId: b.id, quantity: 50 }], output: { productId: sauce, quantity: 200, unit: 'box', productionDate: '2026-11-25' } });
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ source: 'process', quantity: 200, unit: 'box', productName: '番茄酱', harvestDate: '2026-11-25' });
    expect(describeCode(out.code)).toMatchObject({ type: 1 });
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([40, 0]);
    expect((await edgesInto(out.id)).map((e) => [e.from_batch_id, e.kind, e.quantity])).toEqual([
      [b.id, 'transform', 50],
      [a.id, 'transform', 60],
    ]);
    const [event] = await queryRows<{ event_type: string; codes: string[] }>(t.database.db, sql`SELECT event_type, codes FROM trace_events WHERE ${out.code} = ANY(codes)`);
    expect(event!.event_type).toBe('TransformationEvent');
    expect([...event!.codes.slice(0, 2)].sort()).toEqual([a.code, b.code].sort());
    expect(event!.codes[2]).toBe(out.code);
  });

  it('refuses more than an input holds, an input listed twice, another subject’s batch, a wrong unit or a future date, writing nothing', async () => {
    const a = await newBatch(10);
    const theirs = (await farmer.post('/api/v1/trace/products', { name: '黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
    const other = (await farmer.post('/api/v1/trace/batches', { productId: theirs, quantity: 5, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'none' } })).json();
    const output = { productId: sauce, quantity: 1, unit: 'box', productionDate: '2026-11-25' };
    const before = await tableCounts(t, TRACE_TABLES);
    expectError(await coop.post('/api/v1/trace/transformations', { inputs: [{ batchId: a.id, quantity: 11 }], output }), 409, 'INSUFFICIENT_STOCK');
    expectError(await coop.post('/api/v1/trace/transformations', { inputs: [{ batchId: a.id, quantity: 1 }, { batchId: a.id, quantity: 1 }], output }), 400, 'DUPLICATE_BATCH');
    expectError(await coop.post('/api/v1/trace/transformations', { inputs: [{ batchId: other.id, quantity: 1 }], output }), 404, 'BATCH_NOT_FOUND');
    expectError(await coop.post('/api/v1/trace/transformations', { inputs: [{ batchId: a.id, quantity: 1 }], output: { ...output, unit: 'kg' } }), 400, 'UNIT_MISMATCH');
    expectError(await coop.post('/api/v1/trace/transformations', { inputs: [{ batchId: a.id, quantity: 1 }], output: { ...output, productionDate: '2099-01-01' } }), 400, 'DATE_IN_FUTURE');
    expectError(await coop.post('/api/v1/trace/transformations', { inputs: [], output }), 400, 'VALIDATION_FAILED');
    expect(await tableCounts(t, TRACE_TABLES)).toEqual(before);
  });
});

describe('拆分 and 合并', () => {
  it('splits parts off a batch into batches of their own with the same code type', async () => {
    const parent = await newBatch(100);
    const res = await coop.post(`/api/v1/trace/batches/${parent.id}/split`, { parts: [{ quantity: 30 }, { quantity: 20 }] });
    expect(res.statusCode, res.body).toBe(201);
    const { parent: after, parts } = res.json();
    expect(after.stock).toBe(50);
    expect(parts.map((p: { quantity: number; source: string }) => [p.quantity, p.source])).toEqual([
      [30, 'split'],
      [20, 'split'],
    ]);
    for (const p of parts) expect(describeCode(p.code)).toMatchObject({ type: 1 });
    expectError(await coop.post(`/api/v1/trace/batches/${parent.id}/split`, { parts: [{ quantity: 30 }, { quantity: 21 }] }), 409, 'INSUFFICIENT_STOCK');
    expectError(await farmer.post(`/api/v1/trace/batches/${parent.id}/split`, { parts: [{ quantity: 1 }] }), 404, 'BATCH_NOT_FOUND');
  });

  it('merges the free stock of batches of one product, keeping the earliest harvest date; refuses mixed products', async () => {
    const a = await newBatch(10, '2026-11-18');
    const b = await newBatch(15, '2026-11-21');
    const buyerToken = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
    await coop.post('/api/v1/trace/trades', { batchId: b.id, buyerToken, quantity: 5, unit: 'kg' }); // 5 kg frozen stay behind
    const res = await coop.post('/api/v1/trace/batches/merge', { batchIds: [a.id, b.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ source: 'merge', quantity: 20, stock: 20, harvestDate: '2026-11-18' });
    expect([await stockOf(a.id), await stockOf(b.id)]).toEqual([0, 5]);
    const c = await newBatch(5);
    const box = (await coop.post('/api/v1/trace/batches', { productId: sauce, quantity: 3, unit: 'box', harvestDate: '2026-11-20', selfCheck: { result: 'none' } })).json();
    const before = await tableCounts(t, TRACE_TABLES);
    expectError(await coop.post('/api/v1/trace/batches/merge', { batchIds: [c.id, box.id] }), 400, 'MERGE_MIXED');
    expectError(await coop.post('/api/v1/trace/batches/merge', { batchIds: [c.id, c.id] }), 400, 'DUPLICATE_BATCH');
    expectError(await coop.post('/api/v1/trace/batches/merge', { batchIds: [c.id, a.id] }), 409, 'INSUFFICIENT_STOCK');
    expect(await tableCounts(t, TRACE_TABLES)).toEqual(before);
  });
});

describe('the public chains kept for the public page', () => {
  it('hold, for every batch written above, exactly what a walk of the graph back from it finds', async () => {
    await expectPublicChainsMatchTheGraph(t);
  });
});
