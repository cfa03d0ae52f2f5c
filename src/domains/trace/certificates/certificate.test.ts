import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { pdfText } from '../../../../test/pdf.js';
import { queryRows } from '../../../platform/db/rows.js';

// 承诺达标合格证 under 农业农村部令 2025 年第 4 号 (issue 21 §4): the producer sg-coop issues on its batches, the
// purchaser sg-farmer receives them with the goods, mixes two lots and issues its own certificate for the new batch.

let t: TestApp;
let coop: Client;
let farmer: Client;
let lotA: { id: string; code: string };
let lotB: { id: string; code: string };

const words = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, '');
const recordBatch = async (c: Client, productId: string, pesticide: string) => {
  const res = await c.post('/api/v1/trace/batches', {
    productId,
    quantity: 800,
    unit: 'kg',
    harvestDate: '2026-11-20',
    selfCheck: { result: 'pass' },
    inputs: [{ kind: 'pesticide', name: pesticide, dose: 20, doseUnit: 'g_per_mu', appliedOn: '2026-10-30' }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string }>();
};
const issue = (c: Client, batchId: string, body: Record<string, unknown>, headers?: Record<string, string>) => c.post(`/api/v1/trace/batches/${batchId}/certificates`, body, headers);
const buy = async (batchId: string, quantity: number) => {
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const sale = await coop.post('/api/v1/trace/trades', { batchId, quantity, unit: 'kg', buyerToken: token });
  expect(sale.statusCode, sale.body).toBe(201);
  const confirmed = await farmer.post(`/api/v1/trace/trades/${sale.json().id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json<{ buyerBatchId: string }>().buyerBatchId;
};

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const productId = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  lotA = await recordBatch(coop, productId, '吡虫啉 10% 可湿性粉剂');
  lotB = await recordBatch(coop, productId, '阿维菌素 1.8% 乳油');
});
afterAll(async () => t?.close());

describe('a producer issues certificates into the register', () => {
  it('refuses a testing basis that misses a recorded pesticide, with its name, and writes nothing', async () => {
    const refused = expectError(await issue(coop, lotA.id, { basis: 'self_test', testedItems: ['毒死蜱'] }), 409, 'CERTIFICATE_TESTS_MISS_INPUTS');
    expect(refused.message.zh).toContain('吡虫啉 10% 可湿性粉剂');
    expect(refused.message.en).toContain('not tested');
    expectError(await issue(coop, lotA.id, { basis: 'entrusted_test' }), 409, 'CERTIFICATE_TESTS_MISS_INPUTS');
    const list = (await coop.get(`/api/v1/trace/batches/${lotA.id}/certificates`)).json();
    expect(list).toEqual({ issued: [], received: [] });
  });

  it('issues on a test covering the recorded pesticide, numbered after the batch code; a retry with its key issues it once', async () => {
    const key = { 'idempotency-key': `cert-${lotA.id}` };
    const first = await issue(coop, lotA.id, { basis: 'self_test', testedItems: ['吡虫啉'], quantity: 300 }, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await issue(coop, lotA.id, { basis: 'self_test', testedItems: ['吡虫啉'], quantity: 300 }, key);
    expect(again.json().number).toBe(first.json().number);
    expect(first.json()).toMatchObject({ number: `${lotA.code}-01`, issuerRole: 'producer', basis: 'self_test', testedItems: ['吡虫啉'], sources: [], quantity: 300, prints: 0 });
    const b = await issue(coop, lotB.id, { basis: 'entrusted_test', testedItems: ['阿维菌素'] });
    expect(b.json().number).toBe(`${lotB.code}-01`);
    expect((await coop.get(`/api/v1/trace/batches/${lotA.id}/certificates`)).json().issued).toHaveLength(1);
  });

  it('refuses tested items with a non-testing basis, an unknown basis, a quantity above the batch', async () => {
    expectError(await issue(coop, lotA.id, { basis: 'self_commitment', testedItems: ['吡虫啉'] }), 400, 'TESTED_ITEMS_WITHOUT_TEST');
    expectError(await issue(coop, lotA.id, { basis: 'guesswork' }), 400, 'VALIDATION_FAILED');
    expectError(await issue(coop, lotA.id, {}), 400, 'VALIDATION_FAILED');
    expectError(await issue(coop, lotA.id, { basis: 'internal_control', quantity: 900 }), 400, 'QUANTITY_ABOVE_BATCH');
    expectError(await issue(farmer, lotA.id, { basis: 'internal_control' }), 404, 'BATCH_NOT_FOUND');
  });
});

describe('a purchaser receives, mixes two lots and issues its own certificate', () => {
  let merged: { id: string; code: string };

  it('receives the producer’s certificate with the goods; one issued after the sale is not received', async () => {
    const boughtA = await buy(lotA.id, 100);
    const boughtB = await buy(lotB.id, 50);
    await issue(coop, lotA.id, { basis: 'internal_control', quantity: 10 }); // after the sale: for other goods
    const received = (await farmer.get(`/api/v1/trace/batches/${boughtA}/certificates`)).json().received;
    expect(received.map((r: { number: string }) => r.number)).toEqual([`${lotA.code}-01`]);
    expect(received[0]).toMatchObject({ issuerName: '寿光市化龙镇绿源蔬菜专业合作社', basis: 'self_test', quantity: 300 });
    const res = await farmer.post('/api/v1/trace/batches/merge', { batchIds: [boughtA, boughtB] });
    expect(res.statusCode, res.body).toBe(201);
    merged = res.json();
  });

  it('a testing basis on the mixed batch must cover what both producers used', async () => {
    const refused = expectError(await issue(farmer, merged.id, { basis: 'self_test', testedItems: ['吡虫啉'] }), 409, 'CERTIFICATE_TESTS_MISS_INPUTS');
    expect(refused.message.zh).toContain('未检测：阿维菌素 1.8% 乳油');
    expect(refused.details).toMatchObject({ missing: ['阿维菌素 1.8% 乳油'] });
    const res = await issue(farmer, merged.id, { basis: 'self_test', testedItems: ['吡虫啉', '阿维菌素'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: `${merged.code}-01`, issuerRole: 'purchaser', quantity: 150, sources: [`${lotA.code}-01`, `${lotB.code}-01`] });
    const list = (await farmer.get(`/api/v1/trace/batches/${merged.id}/certificates`)).json();
    expect(list.issued).toHaveLength(1);
    expect(list.received.map((r: { number: string }) => r.number)).toEqual([`${lotA.code}-01`, `${lotB.code}-01`]);
  });

  it('anyone checks it by its number (no phone); the issuer prints copies of the same certificate', async () => {
    const number = `${merged.code}-01`;
    const pub = await t.anonymous.get(`/api/v1/public/certificates/${number}`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ number, batchCode: merged.code, productName: '寿光黄瓜', issuerName: '张建国', issuerRole: 'purchaser', testedItems: ['吡虫啉', '阿维菌素'], sources: [`${lotA.code}-01`, `${lotB.code}-01`], quantity: 150, batchStatus: 'active' });
    expect(pub.body).not.toContain('13905360002');
    expectError(await t.anonymous.get(`/api/v1/public/certificates/${merged.code}-99`), 404, 'CERTIFICATE_UNKNOWN');
    expectError(await t.anonymous.get('/api/v1/public/certificates/12345'), 400, 'VALIDATION_FAILED');

    const copy = await farmer.get(`/api/v1/trace/certificates/${number}/file?format=pdf&layout=roll-104&copies=2`);
    expect(copy.statusCode, copy.body).toBe(200);
    const text = await words(copy.rawPayload);
    for (const w of ['承诺达标合格证', merged.code, '数量（重量）：150千克', '生产者盖章或签名：张建国']) expect(text).toContain(w);
    await farmer.get(`/api/v1/trace/certificates/${number}/file?format=png`);
    const list = (await farmer.get(`/api/v1/trace/batches/${merged.id}/certificates`)).json();
    expect(list.issued).toHaveLength(1);
    expect(list.issued[0].prints).toBe(3);
    expectError(await coop.get(`/api/v1/trace/certificates/${number}/file`), 404, 'CERTIFICATE_NOT_FOUND');
  });
});

describe('the register keeps its records', () => {
  it('the print-at-once route issues one certificate for the same terms the same day, and refuses a test missing an input', async () => {
    const url = `/api/v1/trace/batches/${lotB.id}/certificate?format=zpl&basis=internal_control&quantity=20`;
    expect((await coop.get(url)).statusCode).toBe(200);
    expect((await coop.get(url)).statusCode).toBe(200);
    const issued = (await coop.get(`/api/v1/trace/batches/${lotB.id}/certificates`)).json().issued;
    expect(issued.filter((c: { basis: string }) => c.basis === 'internal_control')).toMatchObject([{ prints: 2, quantity: 20 }]);
    expectError(await coop.get(`/api/v1/trace/batches/${lotB.id}/certificate?basis=self_test`), 409, 'CERTIFICATE_TESTS_MISS_INPUTS');
    // No basis chosen: a passed self-check names no tested items, so with a pesticide recorded the default is 内部质量控制.
    expect((await coop.get(`/api/v1/trace/batches/${lotB.id}/certificate?format=zpl&quantity=5`)).statusCode).toBe(200);
    const defaulted = (await coop.get(`/api/v1/trace/batches/${lotB.id}/certificates`)).json().issued.find((c: { quantity: number }) => c.quantity === 5);
    expect(defaulted.basis).toBe('internal_control');
    expect((await coop.get(`/api/v1/trace/batches/${lotB.id}/certificate?format=zpl&testedItems=${encodeURIComponent('阿维菌素、吡虫啉')}`)).statusCode).toBe(200);
  });

  it('a certificate younger than two years cannot be deleted, nor its terms changed', async () => {
    const refusal = (q: ReturnType<typeof sql>) => queryRows(t.database.db, q).then(() => 'written', (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    const number = `${lotA.code}-01`;
    expect(await refusal(sql`DELETE FROM certificates WHERE number = ${number}`)).toMatch(/kept two years/);
    expect(await refusal(sql`UPDATE certificates SET quantity = 1 WHERE number = ${number}`)).toMatch(/terms do not change/);
  });
});
