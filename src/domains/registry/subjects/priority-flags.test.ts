import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { refused } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';

// 重点主体 (issue 21 §3): the ministry flags national 龙头企业, a province provincial ones, the county 菜篮子 bases and
// 规模主体; each setting and clearing is audited with its reason, the subject lists filter by flag, the statistics
// count them and the public page names them. sg-coop (寿光市 化龙镇) is the subject flagged.

let t: TestApp;
let county: Client;
let coopId: string;

beforeAll(async () => {
  t = await createTestApp();
  county = await t.login('sg-admin');
  const [row] = await queryRows<{ id: string }>(t.database.db, sql`SELECT s.id FROM subjects s JOIN users u ON u.subject_id = s.id WHERE u.username = 'sg-coop'`);
  coopId = row!.id;
});
afterAll(async () => t?.close());

const flagsNow = async () => (await queryRows<{ f: string[] }>(t.database.db, sql`SELECT priority_flags AS f FROM subjects WHERE id = ${coopId}`))[0]!.f;
const flag = (client: Client, flag: string, set: boolean, reason = '经认定') => client.post(`/api/v1/registry/subjects/${coopId}/priority-flags`, { flag, set, reason });
const statistics = async (client: Client) => (await client.get('/api/v1/analytics/statistics?period=year')).json<{ current: Record<string, number>; breakdown: { measure: string; dim: string; n: number }[] }>();

describe('重点主体 flags', () => {
  it('each level sets its own flags on subjects of its jurisdiction, with the reason in the subject’s history', async () => {
    const before = await statistics(county);
    const set = await flag(county, 'vegetable_basket', true, '列入寿光市“菜篮子”产品基地名录');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().priorityFlags).toEqual(['vegetable_basket']);
    expect((await flag(county, 'scale', true, '蔬菜种植面积 500 亩以上')).json().priorityFlags).toEqual(['vegetable_basket', 'scale']);
    const province = await t.login('sd-admin');
    expect((await flag(province, 'provincial_leading', true, '山东省农业产业化省级重点龙头企业名单')).statusCode).toBe(200);
    const ministry = await t.login('moa-admin');
    const national = await flag(ministry, 'national_leading', true, '农业产业化国家重点龙头企业名单');
    expect(national.json().priorityFlags).toEqual(['national_leading', 'provincial_leading', 'vegetable_basket', 'scale']);

    const history = (await county.get(`/api/v1/registry/subjects/${coopId}/history`)).json<{ items: { action: string; after: { flag?: string; reason?: string } }[] }>();
    const entries = history.items.filter((h) => h.action === 'subject.priority_set');
    expect(entries.map((h) => [h.after.flag, h.after.reason])).toContainEqual(['vegetable_basket', '列入寿光市“菜篮子”产品基地名录']);
    expect(entries).toHaveLength(4);

    // Counted in the statistics of every level above the subject (flags of a subject recorded this year).
    const after = await statistics(county);
    expect(after.current.priorityVegetableBasket).toBe(before.current.priorityVegetableBasket! + 1);
    expect(after.current.priorityScale).toBe(before.current.priorityScale! + 1);
    expect((await statistics(ministry)).current.priorityNationalLeading).toBeGreaterThanOrEqual(1);
    expect(after.breakdown).toContainEqual(expect.objectContaining({ measure: 'subject_priority', dim: 'provincial_leading' }));
  });

  it('refuses a flag of another level, another agency kind, a subject outside the jurisdiction, and a repeat, changing nothing', async () => {
    await flag(county, 'scale', false, '复核后取消').then((r) => expect(r.statusCode, r.body).toBe(200));
    const was = await flagsNow();
    expect(was).not.toContain('scale');
    await refused(t, () => flag(county, 'national_leading', false), 403, 'PRIORITY_FLAG_NOT_YOURS');
    await refused(t, () => flag(county, 'provincial_leading', false), 403, 'PRIORITY_FLAG_NOT_YOURS');
    const [city, law, township, otherProvince, coop] = await Promise.all(['wf-admin', 'sg-law-admin', 'sg-hl-user', 'sc-admin', 'sg-coop'].map((u) => t.login(u)));
    // The city is neither the recognising province nor the county.
    await refused(t, () => flag(city!, 'scale', true), 403, 'PRIORITY_FLAG_NOT_YOURS');
    await refused(t, () => flag(law!, 'scale', true), 403, 'PRIORITY_FLAG_NOT_YOURS');
    await refused(t, () => flag(township!, 'scale', true), 403, 'FORBIDDEN');
    await refused(t, () => flag(otherProvince!, 'provincial_leading', true), 404, 'SUBJECT_NOT_FOUND');
    await refused(t, () => flag(county, 'vegetable_basket', true), 409, 'PRIORITY_FLAG_UNCHANGED');
    await refused(t, () => flag(county, 'scale', false), 409, 'PRIORITY_FLAG_UNCHANGED');
    await refused(t, () => flag(county, 'big_farm', true), 400, 'VALIDATION_FAILED');
    await refused(t, () => flag(county, 'scale', true, ''), 400, 'VALIDATION_FAILED');
    await refused(t, () => flag(coop!, 'scale', true), 403, 'FORBIDDEN');
    expect(await flagsNow()).toEqual(was);
  });

  it('filters the subject list and its export by flag, and shows the flags on each row', async () => {
    const list = (await county.get('/api/v1/registry/subjects?priority=vegetable_basket&limit=50')).json<{ items: { id: string; priorityFlags: string[] }[] }>();
    expect(list.items.map((s) => s.id)).toEqual([coopId]);
    expect(list.items[0]!.priorityFlags).toContain('vegetable_basket');
    expect((await county.get('/api/v1/registry/subjects?priority=scale&limit=50')).json().items).toEqual([]);
    const all = (await county.get('/api/v1/registry/subjects?limit=50')).json<{ items: { id: string; priorityFlags: string[] }[] }>();
    expect(all.items.length).toBeGreaterThan(1);
    expect(all.items.filter((s) => s.id !== coopId).every((s) => s.priorityFlags.length === 0)).toBe(true);
    expect((await county.get('/api/v1/registry/subjects?priority=nope')).statusCode).toBe(400);
    const sheet = await county.get('/api/v1/registry/subjects.xlsx?priority=vegetable_basket');
    expect(sheet.statusCode).toBe(200);
  });

  it('names the flags on the public page of the subject’s batch', async () => {
    const coop = await t.login('sg-coop');
    const product = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json();
    const batch = (await coop.post('/api/v1/trace/batches', { productId: product.id, quantity: 200, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
    const facts = (await t.anonymous.get(`/api/v1/public/trace/${batch.code}`)).json();
    expect(facts.producers[0].priorityFlags).toEqual(['national_leading', 'provincial_leading', 'vegetable_basket']);
    const page = await t.anonymous.get(`/t/${batch.code}`);
    expect(page.body).toContain('国家级农业产业化重点龙头企业');
    expect(page.body).toContain('“菜篮子”产品基地');
    expect(page.body).not.toContain('规模生产经营主体');
  });
});
