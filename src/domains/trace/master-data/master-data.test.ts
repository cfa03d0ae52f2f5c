import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, refused } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { gtinCheckDigit } from '../codes/gtin.js';

// A producer's bases and products over HTTP (demo producer sg-coop of 化龙镇).

let t: TestApp;
let coop: Client;
beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
});
afterAll(async () => t?.close());

const base = { name: '化龙镇 3 号大棚', regionCode: '370783100', address: '化龙镇裴岭村北', area: 12, areaUnit: 'mu', lat: 36.87, lng: 118.64 };
// A GTIN-13 with a correct GS1 check digit (computed, as the first test shows the algorithm on GS1's own example).
const product = { name: '寿光番茄', classCode: '04', spec: '5 kg/箱', unit: 'box', brand: '绿源', gtin: '6901234567892' };

describe('bases and products', () => {
  it('checks GTINs with the GS1 check digit', () => {
    // The worked example of the GS1 General Specifications (check digit calculation, GTIN-13 629104150021 → 3).
    expect(gtinCheckDigit('629104150021')).toBe(3);
    expect(gtinCheckDigit('690123456789')).toBe(2);
  });

  it('records a base and a product with a GTIN, normalised to 14 digits', async () => {
    const b = await coop.post('/api/v1/trace/bases', base);
    expect(b.statusCode, b.body).toBe(201);
    const p = await coop.post('/api/v1/trace/products', product);
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ gtin: '06901234567892', classCode: '04' });
    expect((await coop.get('/api/v1/trace/products')).json().items).toHaveLength(1);
    expect((await coop.get('/api/v1/trace/bases')).json().items[0]).toMatchObject({ name: base.name, regionCode: '370783100' });
  });

  it('refuses a wrong GTIN check digit, an unknown class, duplicates, a county as region and a point abroad, writing nothing', async () => {
    await refused(t, () => coop.post('/api/v1/trace/products', { ...product, spec: '10 kg', gtin: '6901234567893' }), 400, 'GTIN_INVALID');
    await refused(t, () => coop.post('/api/v1/trace/products', { ...product, spec: '10 kg', gtin: '12345' }), 400, 'GTIN_INVALID');
    await refused(t, () => coop.post('/api/v1/trace/products', { ...product, spec: '10 kg', gtin: undefined, classCode: '99' }), 404, 'PRODUCT_CLASS_NOT_FOUND');
    await refused(t, () => coop.post('/api/v1/trace/products', { ...product, spec: '10 kg' }), 409, 'GTIN_TAKEN');
    await refused(t, () => coop.post('/api/v1/trace/products', { ...product, gtin: undefined }), 409, 'PRODUCT_EXISTS');
    await refused(t, () => coop.post('/api/v1/trace/bases', base), 409, 'BASE_EXISTS');
    await refused(t, () => coop.post('/api/v1/trace/bases', { ...base, name: '县城', regionCode: '370783000' }), 400, 'REGION_NOT_TOWNSHIP');
    await refused(t, () => coop.post('/api/v1/trace/bases', { ...base, name: '巴黎', lat: 48.85, lng: 2.35 }), 400, 'COORDINATES_OUTSIDE_CHINA');
  });

  it('keeps each subject to its own records, and officials out of a producer\u2019s workbench', async () => {
    const farmer = await t.login('sg-farmer');
    expect((await farmer.get('/api/v1/trace/products')).json().items).toEqual([]);
    const official = await t.login('sg-admin');
    expectError(await official.post('/api/v1/trace/products', product), 403, 'FORBIDDEN');
  });
});
