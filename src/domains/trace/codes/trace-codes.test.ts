import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { productCode } from './codes.js';

// GET /trace/codes/{code} and the product classification over HTTP.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /api/v1/trace/codes/{code}', () => {
  it('says what any code is', async () => {
    const code = productCode(1, '370783', 123456789012);
    expect((await t.anonymous.get(`/api/v1/trace/codes/${code}`)).json()).toMatchObject({ kind: 'product', typeKey: 'batch', county: '370783', province: '37' });
    expect((await t.anonymous.get('/api/v1/trace/codes/LS370783K7Q2M9XA')).json()).toMatchObject({ kind: 'temporary_subject', county: '370783' });
    const org = (await t.anonymous.get('/api/v1/trace/codes/2.91370783MA3C00001H.00001')).json();
    expect(org).toMatchObject({ kind: 'subject', identity: '91370783MA3C00001H', accountNo: 1 });
  });

  it('never returns a resident ID in full, even one typed into a code', async () => {
    const res = await t.anonymous.get('/api/v1/trace/codes/1.0.37078319750315001X.0504010101.20261129083000.001');
    expect(res.json()).toMatchObject({ kind: 'long', identity: '3707**********001X', productClass: '0504010101' });
    expect(res.body).not.toContain('37078319750315001X');
  });

  it('names the problem of a mistyped code, with the likely correction of a wrong check digit', async () => {
    const code = productCode(2, '510117', 42);
    const wrong = code.slice(0, 19) + ((Number(code[19]) + 3) % 10);
    const body = expectError(await t.anonymous.get(`/api/v1/trace/codes/${wrong}`), 400, 'CODE_INVALID');
    expect(body.details).toMatchObject({ problem: 'CHECK_DIGIT', suggestion: code });
    expect(body.message.zh).toContain(code);
    for (const bad of ['123', '4' + code.slice(1), '%27%20OR%201%3D1', 'x'.repeat(81), '%E4%B8%AD']) {
      const res = await t.anonymous.get(`/api/v1/trace/codes/${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });
});

describe('GET /api/v1/trace/product-classes', () => {
  it('lists the classification shipped as data, one level at a time, with its sources', async () => {
    const top = (await t.anonymous.get('/api/v1/trace/product-classes')).json().items;
    expect(top.length).toBe(13);
    expect(top.find((c: { code: string }) => c.code === '13')).toMatchObject({ nameZh: '动物性食品', level: 1, hasChildren: true });
    expect(top.find((c: { code: string }) => c.code === '01')).toMatchObject({ nameZh: '谷物', level: 1, hasChildren: true });
    const rice = (await t.anonymous.get('/api/v1/trace/product-classes?parent=0101')).json().items;
    expect(rice[0]).toMatchObject({ code: '010101', nameZh: '稻谷', gb2763Category: '谷物:稻类:稻谷' });
    expect(rice[0].sourceUrl).toMatch(/^https?:\/\//);
    expectError(await t.anonymous.get('/api/v1/trace/product-classes?parent=99'), 404, 'PRODUCT_CLASS_NOT_FOUND');
  });
});
