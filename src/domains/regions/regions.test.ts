import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';

// The region cascader: national administrative divisions, public, one level at a time.

type Region = { code: string; name: string; level: number; parentCode: string | null; hasChildren: boolean };
type Page = { items: Region[]; nextCursor: string | null };

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ code: string; message: { zh: string; en: string }; details: Record<string, unknown> }>();
  expect(body.code).toBe(code);
  expect(body.message.zh.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
  return body;
}

describe('regions', () => {
  let t: TestApp;
  const children = async (parent?: string, limit = 200): Promise<Page> => {
    const res = await t.anonymous.get(`/api/v1/regions?limit=${limit}${parent ? `&parent=${parent}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the 31 provinces without a parent, in code order, without logging in', async () => {
    const { items, nextCursor } = await children();
    expect(items).toHaveLength(31);
    expect(nextCursor).toBeNull();
    expect(items[0]).toEqual({ code: '11', name: '北京市', level: 1, parentCode: null, hasChildren: true });
    expect(items.find((r) => r.code === '37')).toMatchObject({ name: '山东省', hasChildren: true });
    expect(items.find((r) => r.code === '41')!.name).toBe('河南省');
    expect(items.map((r) => r.code)).toEqual([...items.map((r) => r.code)].sort());
    for (const r of items) expect(r.code).toMatch(/^\d{2}$/);
  });

  it('lists the cities of Shandong (37)', async () => {
    const { items } = await children('37');
    expect(items).toHaveLength(16);
    expect(items.find((r) => r.code === '3707')).toEqual({ code: '3707', name: '潍坊市', level: 2, parentCode: '37', hasChildren: true });
    expect(items.find((r) => r.code === '3702')!.name).toBe('青岛市');
    for (const r of items) expect(r).toMatchObject({ code: expect.stringMatching(/^37\d{2}$/), level: 2, parentCode: '37' });
  });

  it('lists the counties of Weifang (3707)', async () => {
    const { items } = await children('3707');
    expect(items.map((r) => r.code)).toContain('370783');
    expect(items.find((r) => r.code === '370702')).toMatchObject({ name: '潍城区', level: 3, parentCode: '3707', hasChildren: true });
    expect(items.find((r) => r.code === '370783')!.name).toBe('寿光市');
    for (const r of items) expect(r.code).toMatch(/^3707\d{2}$/);
  });

  it('lists the townships of Shouguang (370783) with 9-digit codes and no children', async () => {
    const { items } = await children('370783');
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.find((r) => r.code === '370783100')).toEqual({ code: '370783100', name: '化龙镇', level: 4, parentCode: '370783', hasChildren: false });
    expect(items.find((r) => r.code === '370783103')!.name).toBe('营里镇');
    for (const r of items) expect(r).toMatchObject({ code: expect.stringMatching(/^370783\d{3}$/), level: 4, hasChildren: false });
  });

  it('pages through a long list with limit and nextCursor, every region once', async () => {
    const all = (await children('37')).items.map((r) => r.code);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.anonymous.get(`/api/v1/regions?parent=37&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json<Page>();
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((r) => r.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it.each([
    ['37', [['37', '山东省']]],
    ['3707', [['37', '山东省'], ['3707', '潍坊市']]],
    ['370783', [['37', '山东省'], ['3707', '潍坊市'], ['370783', '寿光市']]],
    ['370783100', [['37', '山东省'], ['3707', '潍坊市'], ['370783', '寿光市'], ['370783100', '化龙镇']]],
    ['410102', [['41', '河南省'], ['4101', '郑州市'], ['410102', '中原区']]],
  ])('gives the detail of %s with its path from the province', async (code, path) => {
    const res = await t.anonymous.get(`/api/v1/regions/${code}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<Region & { path: { code: string; name: string }[] }>();
    expect(detail.code).toBe(code);
    expect(detail.name).toBe(path[path.length - 1]![1]);
    expect(detail.level).toBe(path.length);
    expect(detail.path).toEqual(path.map(([c, name]) => ({ code: c, name })));
  });

  it.each(['99', '3799', '370799', '370783999', '370783100001'])('answers the unknown code %s with 404 REGION_NOT_FOUND', async (code) => {
    const body = expectError(await t.anonymous.get(`/api/v1/regions/${code}`), 404, 'REGION_NOT_FOUND');
    expect(body.details.regionCode).toBe(code);
    expectError(await t.anonymous.get(`/api/v1/regions?parent=${code}`), 404, 'REGION_NOT_FOUND');
  });

  it.each(['3', '370', '37078', 'abcd', '37-07', '3707831000', '%20', '37%0A', '１１'])('answers the malformed code "%s" with 400 VALIDATION_FAILED', async (code) => {
    expectError(await t.anonymous.get(`/api/v1/regions/${encodeURI(code)}`), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous.get(`/api/v1/regions?parent=${encodeURIComponent(code)}`), 400, 'VALIDATION_FAILED');
  });

  it('refuses a bad limit, cursor or unknown query field with 400', async () => {
    expectError(await t.anonymous.get('/api/v1/regions?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous.get('/api/v1/regions?limit=abc'), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous.get('/api/v1/regions?level=1'), 400, 'VALIDATION_FAILED');
    expect((await t.anonymous.get('/api/v1/regions?cursor=%%%')).statusCode).toBe(400);
  });
});
