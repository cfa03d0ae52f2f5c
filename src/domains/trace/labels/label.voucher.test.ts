import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { keepArtifact, pdfText, PNG_SIGNATURE } from '../../../../test/pdf.js';

// The 入市追溯凭证 of a market entry, through the API: for its seller, and for the market when it is registered.

let t: TestApp;
let seller: Client;
let market: Client;
let batch: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  seller = await t.login('sg-coop');
  market = await t.login('sg-farmer');
  const productId = (await seller.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  batch = (await seller.post('/api/v1/trace/batches', { productId, quantity: 500, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
});
afterAll(async () => t?.close());

const enter = async (marketIn: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const res = await seller.post('/api/v1/trace/market-entries', { batchId: batch.id, quantity: 40, unit: 'kg', market: marketIn, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; buyerBatchCode: string }>();
};

describe('market-entry voucher', () => {
  it('a market off the platform: the seller gets a PDF with the type-3 code, market and kind, product, quantity, source code, plate', async () => {
    const entry = await enter({ kind: 'wholesale', name: '寿光农产品物流园', stall: 'A-17' }, { carrier: { plate: '鲁G12345' } });
    expect(entry.buyerBatchCode.startsWith('3')).toBe(true);
    const res = await seller.get(`/api/v1/trace/market-entries/${entry.id}/voucher`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="voucher-${entry.buyerBatchCode}.pdf"`);
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const w of ['入市追溯凭证', entry.buyerBatchCode, '寿光农产品物流园', '批发市场', 'A-17', '寿光市化龙镇绿源蔬菜专业合作社', '寿光黄瓜', '40千克', batch.code, '鲁G12345']) expect(text).toContain(w);

    const png = await seller.get(`/api/v1/trace/market-entries/${entry.id}/voucher?format=png`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    keepArtifact('voucher.png', png.rawPayload);
    const svg = await seller.get(`/api/v1/trace/market-entries/${entry.id}/voucher?format=svg`);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.body).toContain(`http://localhost:3000/t/${entry.buyerBatchCode}`);

    expectError(await market.get(`/api/v1/trace/market-entries/${entry.id}/voucher`), 404, 'MARKET_ENTRY_NOT_FOUND');
    expectError(await seller.get(`/api/v1/trace/market-entries/${entry.id}/voucher?format=zpl`), 400, 'VALIDATION_FAILED');
  });

  it('a registered market reads the voucher too, and a trade that is no market entry has none', async () => {
    const token = (await market.get('/api/v1/registry/my-subject/identity')).json().token;
    const entry = await enter({ kind: 'retail', token });
    const res = await market.get(`/api/v1/trace/market-entries/${entry.id}/voucher?format=pdf`);
    expect(res.statusCode, res.body).toBe(200);
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    expect(text).toContain('张建国');
    expect(text).toContain('零售市场');
    expect((await seller.get(`/api/v1/trace/market-entries/${entry.id}/voucher`)).statusCode).toBe(200);

    const sale = (await seller.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 5, unit: 'kg', buyer: { name: '王记菜摊' } })).json();
    expectError(await seller.get(`/api/v1/trace/market-entries/${sale.id}/voucher`), 404, 'MARKET_ENTRY_NOT_FOUND');
    expectError(await seller.get('/api/v1/trace/market-entries/not-a-uuid/voucher'), 400, 'VALIDATION_FAILED');
  });
});
