import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { refused } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { describeCode } from '../codes/codes.js';

// Recording a batch of own production (demo producer sg-coop of 化龙镇, 寿光市 370783).

let t: TestApp;
let coop: Client;
let productId: string;
let baseId: string;
beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  baseId = (await coop.post('/api/v1/trace/bases', { name: '5 号大棚', regionCode: '370783100', address: '裴岭村', lat: 36.87, lng: 118.64 })).json().id;
  productId = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
});
afterAll(async () => t?.close());

const batch = () => ({
  productId,
  baseId,
  quantity: 800,
  unit: 'kg',
  harvestDate: '2026-11-20',
  inputs: [{ kind: 'pesticide', name: '吡虫啉 10% 可湿性粉剂', dose: 20, doseUnit: 'g_per_mu', appliedOn: '2026-10-30' }],
  selfCheck: { result: 'pass', note: '农残速测合格' },
});

describe('batches', () => {
  it('get a type-1 code of the county, stock equal to the quantity, and an immutable commissioning event', async () => {
    const res = await coop.post('/api/v1/trace/batches', batch());
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(describeCode(b.code)).toMatchObject({ kind: 'product', type: 1, county: '370783' });
    expect(b).toMatchObject({ quantity: 800, stock: 800, frozen: 0, source: 'own', selfCheck: 'pass', productName: '寿光黄瓜' });
    expect(b.inputs).toHaveLength(1);
    const [event] = await queryRows<{ event_type: string; action: string; biz_step: string; codes: string[] }>(t.database.db, sql`SELECT event_type, action, biz_step, codes FROM trace_events WHERE ${b.code} = ANY(codes)`);
    expect(event).toEqual({ event_type: 'ObjectEvent', action: 'ADD', biz_step: 'commissioning', codes: [b.code] });
    await expect(t.database.db.execute(sql`UPDATE trace_events SET action = 'DELETE'`)).rejects.toThrow();
    expect((await coop.get(`/api/v1/trace/batches/${b.id}`)).json().code).toBe(b.code);
  });

  it('refuses a unit other than the product\u2019s, future dates, an input after harvest and another subject\u2019s product, writing nothing', async () => {
    await refused(t, () => coop.post('/api/v1/trace/batches', { ...batch(), unit: 'box' }), 400, 'UNIT_MISMATCH');
    await refused(t, () => coop.post('/api/v1/trace/batches', { ...batch(), harvestDate: '2999-01-01' }), 400, 'DATE_IN_FUTURE');
    await refused(t, () => coop.post('/api/v1/trace/batches', { ...batch(), inputs: [{ ...batch().inputs[0]!, appliedOn: '2026-11-25' }] }), 400, 'INPUT_AFTER_HARVEST');
    // A dose unit is one of the units the console says in words (千克/亩), never free text such as "kg/亩".
    await refused(t, () => coop.post('/api/v1/trace/batches', { ...batch(), inputs: [{ ...batch().inputs[0]!, doseUnit: 'kg/亩' }] }), 400, 'VALIDATION_FAILED');
    const farmer = await t.login('sg-farmer');
    await refused(t, () => farmer.post('/api/v1/trace/batches', batch()), 404, 'PRODUCT_NOT_FOUND');
    const [n] = await queryRows<{ n: number }>(t.database.db, sql`SELECT (SELECT count(*) FROM batches)::int + (SELECT count(*) FROM trace_codes)::int + (SELECT count(*) FROM trace_events)::int AS n`);
    expect(n!.n).toBe(3);
  });

  it('refuses a batch whose self-check was not answered (no default 合格), writing nothing', async () => {
    const { selfCheck: _omitted, ...unanswered } = batch();
    const body = await refused(t, () => coop.post('/api/v1/trace/batches', unanswered), 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body.details)).toContain('selfCheck');
    await refused(t, () => coop.post('/api/v1/trace/batches', { ...batch(), selfCheck: {} }), 400, 'VALIDATION_FAILED');
  });

  it('writes one batch for a retried request with the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'batch-cucumber-2' };
    const first = await coop.post('/api/v1/trace/batches', batch(), key);
    const again = await coop.post('/api/v1/trace/batches', batch(), key);
    expect(again.json().code).toBe(first.json().code);
    expect((await coop.get('/api/v1/trace/batches')).json().items).toHaveLength(2);
  });

  it('are found by their code among my own, and not among another subject’s', async () => {
    const b = (await coop.post('/api/v1/trace/batches', batch())).json();
    await coop.post('/api/v1/trace/batches', batch());
    expect((await coop.get(`/api/v1/trace/batches?code=${b.code}`)).json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const farmer = await t.login('sg-farmer');
    expect((await farmer.get(`/api/v1/trace/batches?code=${b.code}`)).json().items).toEqual([]);
    expect((await coop.get('/api/v1/trace/batches?code=123')).statusCode).toBe(400);
  });
});
