import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { keepArtifact, pdfPageToPng, pdfText, PNG_SIGNATURE } from '../../../../test/pdf.js';
import { groupCode } from './label.shared.js';

// Labels and certificates of batches through the API (demo producers sg-coop and sg-farmer of 化龙镇, 寿光市).

let t: TestApp;
let coop: Client;
let farmer: Client;
let batch: { id: string; code: string };
let farmerBatch: { id: string; code: string };

const words = async (pdf: Buffer) => (await pdfText(pdf)).replace(/\s+/g, '');
const recordBatch = async (c: Client, productId: string, extra: Record<string, unknown> = {}) => {
  const res = await c.post('/api/v1/trace/batches', { productId, quantity: 800, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' }, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string }>();
};

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const baseId = (await coop.post('/api/v1/trace/bases', { name: '5 号大棚', regionCode: '370783100', address: '裴岭村', lat: 36.87, lng: 118.64 })).json().id;
  const productId = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装 5kg/箱', unit: 'kg' })).json().id;
  batch = await recordBatch(coop, productId, { baseId });
  const farmerProduct = (await farmer.post('/api/v1/trace/products', { name: '羊角蜜甜瓜', classCode: '04', spec: '礼盒', unit: 'kg' })).json().id;
  farmerBatch = await recordBatch(farmer, farmerProduct, { selfCheck: { result: 'none' } });
});
afterAll(async () => t?.close());

describe('labels', () => {
  it('an A4 sheet PDF whose text has the code and the Chinese product name; its first page kept as e2e/artifacts/label-a4.png', async () => {
    const res = await coop.get(`/api/v1/trace/batches/${batch.id}/label?format=pdf&layout=a4`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="label-${batch.code}-a4.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await words(res.rawPayload);
    expect(text).toContain(batch.code);
    expect(text).toContain('寿光黄瓜');
    expect(text).toContain('寿光市化龙镇绿源蔬菜专业合作社');
    const png = await pdfPageToPng(res.rawPayload, 1, 150);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    keepArtifact('label-a4.png', png);
  });

  it('PNG, SVG and ZPL of a roll label, each of its type and named after the code', async () => {
    const png = await coop.get(`/api/v1/trace/batches/${batch.id}/label?format=png&layout=roll-40x30`);
    expect(png.statusCode, png.body).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toBe(`inline; filename="label-${batch.code}-roll-40x30.png"`);
    expect(png.rawPayload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    keepArtifact('label-roll-40x30.png', png.rawPayload);

    const svg = await coop.get(`/api/v1/trace/batches/${batch.id}/label?format=svg`);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="60mm" height="40mm"/);
    expect(svg.body).toContain(`http://localhost:3000/t/${batch.code}`);

    const zpl = await coop.get(`/api/v1/trace/batches/${batch.id}/label?format=zpl&layout=roll-104&copies=12`);
    expect(zpl.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(zpl.headers['content-disposition']).toBe(`attachment; filename="label-${batch.code}-roll-104.zpl"`);
    expect(zpl.body).toMatch(/^\^XA\n\^CI28\n[\s\S]*\^PQ12,0,1,Y\n\^XZ\n$/);
    expect(zpl.body).toContain(`^FD${groupCode(batch.code)}^FS`);
    expect(zpl.body).toContain('^FD寿光黄瓜^FS');
  });

  it('a product with a GTIN gets the GS1 Digital Link in its QR', async () => {
    const gtinProduct = (await coop.post('/api/v1/trace/products', { name: '礼盒黄瓜', classCode: '04', spec: '2.5kg', unit: 'kg', gtin: '4006381333931' })).json();
    const b = await recordBatch(coop, gtinProduct.id);
    const zpl = (await coop.get(`/api/v1/trace/batches/${b.id}/label?format=zpl&layout=roll-60x40`)).body;
    expect(zpl).toContain(`^FDMA,http://localhost:3000/01/04006381333931/10/${b.code}^FS`);
  });

  it('is 404 for another subject’s batch and for none, 403 for an official', async () => {
    expectError(await farmer.get(`/api/v1/trace/batches/${batch.id}/label`), 404, 'BATCH_NOT_FOUND');
    expectError(await coop.get(`/api/v1/trace/batches/${farmerBatch.id}/certificate`), 404, 'BATCH_NOT_FOUND');
    expectError(await coop.get('/api/v1/trace/batches/00000000-0000-4000-8000-000000000000/label'), 404, 'BATCH_NOT_FOUND');
    const official = await t.login('sg-admin');
    expectError(await official.get(`/api/v1/trace/batches/${batch.id}/label`), 403, 'FORBIDDEN');
    expectError(await t.anonymous.get(`/api/v1/trace/batches/${batch.id}/label`), 401, 'UNAUTHENTICATED');
  });

  it('refuses an unknown format or layout, copies out of 1–1000 and ZPL on A4', async () => {
    const url = `/api/v1/trace/batches/${batch.id}/label`;
    for (const q of ['format=gif', 'layout=a5', 'copies=0', 'copies=1001', 'copies=2.5', 'format=zpl&layout=a4', 'colour=red']) {
      expectError(await coop.get(`${url}?${q}`), 400, 'VALIDATION_FAILED');
    }
    expectError(await coop.get(`/api/v1/trace/batches/${batch.id}/certificate?layout=roll-40x30`), 400, 'VALIDATION_FAILED');
  });

  it('the seller prints the label of a batch it sold to a buyer who is not registered; nobody else can', async () => {
    const sale = await coop.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 30, unit: 'kg', buyer: { name: '王记菜摊', phone: '13698765432' } });
    expect(sale.statusCode, sale.body).toBe(201);
    const { buyerBatchId, buyerBatchCode } = sale.json();
    const res = await coop.get(`/api/v1/trace/batches/${buyerBatchId}/label?format=pdf&layout=roll-60x40&copies=2`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await words(res.rawPayload);
    expect(text).toContain(buyerBatchCode);
    expect(text).toContain('寿光市化龙镇绿源蔬菜专业合作社');
    expectError(await farmer.get(`/api/v1/trace/batches/${buyerBatchId}/label`), 404, 'BATCH_NOT_FOUND');
  });

  it('a sale to a registered buyer: the buyer prints its batch, the seller no longer can', async () => {
    const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
    const sale = (await coop.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 10, unit: 'kg', buyerToken: token })).json();
    const confirmed = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`)).json();
    expect(confirmed.buyerBatchId).toBeTruthy();
    expect((await farmer.get(`/api/v1/trace/batches/${confirmed.buyerBatchId}/label?format=png`)).statusCode).toBe(200);
    expectError(await coop.get(`/api/v1/trace/batches/${confirmed.buyerBatchId}/label?format=png`), 404, 'BATCH_NOT_FOUND');
  });
});

describe('承诺达标合格证', () => {
  it('carries the words 承诺达标合格证, the code, origin down to the base’s township and an organisation’s phone in full', async () => {
    const res = await coop.get(`/api/v1/trace/batches/${batch.id}/certificate?format=pdf&layout=a4&copies=8`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${batch.code}-a4.pdf"`);
    const text = await words(res.rawPayload);
    for (const w of ['承诺达标合格证', batch.code, '产品名称：寿光黄瓜', '数量（重量）：800千克', '产地：山东省潍坊市寿光市化龙镇', '寿光市化龙镇绿源蔬菜专业合作社', '联系方式：13905360001']) expect(text).toContain(w);
    keepArtifact('certificate-a4.png', await pdfPageToPng(res.rawPayload, 1, 100));
  });

  it('masks a natural person’s phone, takes a smaller quantity, and defaults the basis from the self-check', async () => {
    const res = await farmer.get(`/api/v1/trace/batches/${farmerBatch.id}/certificate?format=pdf&layout=roll-104&quantity=12.5`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await words(res.rawPayload);
    expect(text).toContain('联系方式：139****0002');
    expect(text).not.toContain('13905360002');
    expect(text).toContain('数量（重量）：12.5千克');
    expect(text).toContain('生产者盖章或签名：张建国');
    const ticked = async (c: Client, id: string, option: string, query = '') => {
      const lines = (await c.get(`/api/v1/trace/batches/${id}/certificate?format=zpl${query}`)).body.split('\n');
      return lines[lines.findIndex((l) => l.includes(`^FD${option}`)) - 1]!.includes('^GD');
    };
    expect(await ticked(farmer, farmerBatch.id, '自我承诺')).toBe(true); // self-check 'none'
    expect(await ticked(coop, batch.id, '自我检测')).toBe(true); // self-check 'pass'
    expect(await ticked(coop, batch.id, '委托检测', '&basis=entrusted_test')).toBe(true);
    expect(await ticked(coop, batch.id, '自我检测', '&basis=entrusted_test')).toBe(false);
  });

  it('refuses a quantity above the batch or not above zero, an unknown basis, and a batch whose self-check failed', async () => {
    const url = `/api/v1/trace/batches/${batch.id}/certificate`;
    const above = expectError(await coop.get(`${url}?quantity=800.5`), 400, 'QUANTITY_ABOVE_BATCH');
    expect(above.message.zh).toContain('800');
    expectError(await coop.get(`${url}?quantity=0`), 400, 'VALIDATION_FAILED');
    expectError(await coop.get(`${url}?quantity=-3`), 400, 'VALIDATION_FAILED');
    expectError(await coop.get(`${url}?basis=guesswork`), 400, 'VALIDATION_FAILED');
    const productId = (await coop.post('/api/v1/trace/products', { name: '寿光番茄', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
    const failed = await recordBatch(coop, productId, { selfCheck: { result: 'fail', note: '速测超标' } });
    expectError(await coop.get(`/api/v1/trace/batches/${failed.id}/certificate`), 409, 'SELF_CHECK_FAILED');
    expect((await coop.get(`/api/v1/trace/batches/${failed.id}/label`)).statusCode).toBe(200);
  });
});
