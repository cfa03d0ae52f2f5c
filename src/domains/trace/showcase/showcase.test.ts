import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { loginAll } from '../../../../test/supervision.js';
import { queryRows } from '../../../platform/db/rows.js';

// 在线展示, 产销对接 (issue 17 §6): a public catalogue of the products their producers chose to show, with no
// personal data, filtered by region, class and certificate.

let t: TestApp;
let coop: Client;
let farmer: Client;
let tomato: string;
let pepper: string;

beforeAll(async () => {
  t = await createTestApp();
  [coop, farmer] = await loginAll(t, ['sg-coop', 'sg-farmer'] as const);
  tomato = (await coop.post('/api/v1/trace/products', { name: '展示番茄', classCode: '04', spec: '5kg/箱', unit: 'kg', brand: '绿源' })).json().id;
  expect((await coop.post('/api/v1/trace/batches', { productId: tomato, quantity: 50, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).statusCode).toBe(201);
  pepper = (await farmer.post('/api/v1/trace/products', { name: '展示辣椒', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  await t.database.db.execute(sql`INSERT INTO subject_certificates (subject_id, kind, number, products, issuer, valid_from, valid_to, status)
    SELECT s.id, 'green', 'LB-SHOW-1', '番茄', '中国绿色食品发展中心', '2026-01-01', '2029-12-31', 'verified' FROM subjects s JOIN users u ON u.subject_id = s.id WHERE u.username = 'sg-coop'`);
}, 120_000);
afterAll(async () => t?.close());

const items = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/v1/public/showcase${query}` })).json().items as { id: string; name: string; producer: { name: string; region: { code: string }; certificates: { kind: string }[] }; batches: number }[];

describe('the public showcase', () => {
  it('shows nothing until a producer chooses, then only what it chose, without personal data', async () => {
    expect((await items()).map((i) => i.name)).not.toContain('展示番茄');
    const shown = await coop.post(`/api/v1/trace/products/${tomato}/showcase`, { shown: true });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ id: tomato, showcased: true });
    expect((await farmer.post(`/api/v1/trace/products/${pepper}/showcase`, { shown: true })).statusCode).toBe(200);
    // Another producer cannot show a product that is not its own.
    expectError(await farmer.post(`/api/v1/trace/products/${tomato}/showcase`, { shown: false }), 404, 'PRODUCT_NOT_FOUND');

    const all = await items();
    const mine = all.find((i) => i.id === tomato)!;
    expect(mine).toMatchObject({ name: '展示番茄', producer: { name: '寿光市化龙镇绿源蔬菜专业合作社', region: { code: '370783' }, certificates: [{ kind: 'green' }] }, batches: 1 });
    const person = all.find((i) => i.id === pepper)!;
    expect(person.producer.name).not.toBe('张建国');
    expect(person.producer.name.startsWith('张')).toBe(true);
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'trace.product_showcase'`);
    expect(audit!.n).toBe(2);
  });

  it('filters by region, class and certificate, and drops a product its producer withdrew', async () => {
    expect((await items('?cert=green')).map((i) => i.id)).toEqual([tomato]);
    expect((await items('?region=51')).length).toBe(0);
    expect((await items('?region=370783&class=04')).map((i) => i.id).sort()).toEqual([tomato, pepper].sort());
    expect((await items('?class=01')).length).toBe(0);
    await farmer.post(`/api/v1/trace/products/${pepper}/showcase`, { shown: false });
    expect((await items()).map((i) => i.id)).toEqual([tomato]);
  });

  it('is a page without script, linked from the trace page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/showcase?class=04' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('展示番茄');
    expect(page.body).toContain('绿色食品');
    expect(page.body).not.toContain('<script');
    const code = (await coop.get('/api/v1/trace/batches?limit=1')).json().items[0].code as string;
    expect((await t.app.inject({ method: 'GET', url: `/t/${code}` })).body).toContain('/showcase?class=04');
    // A bad filter is ignored, never a 500.
    expect((await t.app.inject({ method: 'GET', url: '/showcase?region=abc&cert=x' })).statusCode).toBe(200);
  });
});
