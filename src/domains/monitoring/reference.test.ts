import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, tableCounts } from '../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { queryRows } from '../../platform/db/rows.js';
import { loadResidueLimits, readLimitsCsv } from './limits.loader.js';
import { accept, grapeChain, labTeam, publishSamplingTask, reviewAndApprove, sampleBody, type GrapeChain, type LabTeam } from './sampling.fixtures.js';

// 检测参照数据 (issue 21 §2): the reference set is versioned, never edited in place; a lab and a province add the
// analytes and limits they need, each citing its standard; a result keeps the version it was judged against.
// The standards named below are test labels, not real documents.

let t: TestApp;
let lab: Client;
let cityLab: Client;
let sichuanLab: Client;
let province: Client;
let county: Client;
let chain: GrapeChain;
let taskId: string;
let team: LabTeam;

const TABLES = ['analytes', 'residue_limits', 'audit_log'];

beforeAll(async () => {
  t = await createTestApp();
  const [coop, farmer] = await loginAll(t, ['sg-coop', 'sg-farmer'] as const);
  [lab, cityLab, sichuanLab, province, county] = await loginAll(t, ['sg-lab-admin', 'wf-lab-admin', 'pd-lab-admin', 'sd-admin', 'sg-admin'] as const);
  chain = await grapeChain(t, coop, farmer);
  taskId = (await publishSamplingTask(county, agencyIdOf(lab))).id;
  await accept(lab, taskId);
  team = await labTeam(t, lab);
}, 180_000);
afterAll(async () => t?.close());

async function sampleOf(code: string): Promise<string> {
  const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code }));
  expect(res.statusCode, res.body).toBe(201);
  expect((await lab.post(`/api/v1/monitoring/samples/${res.json().id}/receive`, {})).statusCode).toBe(200);
  return res.json().id;
}
const pickerOf = async (who: Client) => (await who.get('/api/v1/monitoring/analytes')).json<{ items: { code: string }[] }>().items.map((a) => a.code);

describe('a lab’s own analyte', () => {
  let code: string;

  it('is added with its method and cited standard, and only that lab may use it', async () => {
    const res = await lab.post('/api/v1/monitoring/reference/analytes', { nameZh: '测试农药甲', kind: 'pesticide', cas: '2921-88-2', method: '实验室作业指导书 L-01', unit: 'mg/kg', standard: '测试依据 A' });
    expect(res.statusCode, res.body).toBe(201);
    code = res.json().code;
    expect(res.json()).toMatchObject({ origin: 'lab', nameZh: '测试农药甲', standard: '测试依据 A', ownerAgencyName: expect.stringContaining('检测中心') });
    expect(await pickerOf(lab)).toContain(code);
    // The lab's own come before the hundred-odd of the reference set on its page.
    expect((await lab.get('/api/v1/monitoring/reference/analytes')).json<{ items: { code: string }[] }>().items[0]!.code).toBe(code);
    expect(await pickerOf(cityLab)).not.toContain(code);
    expect(await pickerOf(sichuanLab)).not.toContain(code);
    // Before the lab gives a limit, none applies (a result would have to cite one).
    expect((await lab.get(`/api/v1/monitoring/limits?analyteCode=${code}&classCode=0504010101`)).json().limit).toBeNull();
  });

  it('is judged against the lab’s cited limit, and the report names it', async () => {
    const limit = await lab.post('/api/v1/monitoring/reference/limits', { analyteCode: code, classCode: '05', value: 100, unit: 'μg/kg', standard: '测试依据 A', clause: '第 3 条' });
    expect(limit.statusCode, limit.body).toBe(201);
    expect(limit.json()).toMatchObject({ origin: 'lab', mrlMgPerKg: 0.1, commodityZh: '水果', version: 1, results: 0 });
    const id = await sampleOf(chain.codes.A);
    const entered = await reviewAndApprove(team, await lab.post(`/api/v1/monitoring/samples/${id}/results`, { results: [{ analyteCode: code, methodStandard: '实验室作业指导书 L-01', value: 0.2, unit: 'mg/kg', lod: 0.005 }] }));
    expect(entered.statusCode, entered.body).toBe(200);
    const [r] = await queryRows<{ limit_id: number; limit_standard: string; verdict: string }>(t.database.db, sql`SELECT limit_id, limit_standard, verdict FROM sample_results WHERE sample_id = ${id}::uuid`);
    expect(r).toEqual({ limit_id: limit.json().id, limit_standard: '测试依据 A 第 3 条', verdict: 'fail' });
    // Another lab cannot judge with it: the analyte is unknown to it.
    expectError(await cityLab.get(`/api/v1/monitoring/limits?analyteCode=${code}&classCode=05`), 422, 'UNKNOWN_ANALYTE');
  });
});

describe('a province’s addition', () => {
  it('reaches the labs of the province and no other', async () => {
    const analyte = (await province.post('/api/v1/monitoring/reference/analytes', { nameZh: '测试农药乙', kind: 'pesticide', method: '测试方法 B', unit: 'mg/kg', standard: '测试地方标准 B' })).json();
    expect(analyte.origin).toBe('province');
    const limit = await province.post('/api/v1/monitoring/reference/limits', { analyteCode: analyte.code, classCode: '05', value: 0.5, standard: '测试地方标准 B', clause: '表 2' });
    expect(limit.statusCode, limit.body).toBe(201);
    for (const who of [lab, cityLab]) {
      const found = await who.get(`/api/v1/monitoring/limits?analyteCode=${analyte.code}&classCode=0504010101`);
      expect(found.json().limit).toMatchObject({ origin: 'province', mrlMgPerKg: 0.5 });
    }
    expectError(await sichuanLab.get(`/api/v1/monitoring/limits?analyteCode=${analyte.code}&classCode=05`), 422, 'UNKNOWN_ANALYTE');
  });

  it('never overrides the reference set, and is withdrawn only by its adder', async () => {
    // The reference set has thiamethoxam on grapes (2 mg/kg, GB 2763.1-2022): a province's limit does not replace it.
    const mine = await province.post('/api/v1/monitoring/reference/limits', { analyteCode: 'thiamethoxam', classCode: '0504010101', value: 0.01, standard: '测试地方标准 B', clause: '表 3' });
    expect(mine.statusCode, mine.body).toBe(201);
    expect((await lab.get('/api/v1/monitoring/limits?analyteCode=thiamethoxam&classCode=0504010101')).json().limit).toMatchObject({ origin: 'reference', mrlMgPerKg: 2 });
    expectError(await lab.post(`/api/v1/monitoring/reference/limits/${mine.json().id}/retire`, {}), 403, 'LIMIT_NOT_YOURS');
    expectError(await province.post('/api/v1/monitoring/reference/limits/30/retire', {}), 403, 'LIMIT_NOT_YOURS');
    const retired = await province.post(`/api/v1/monitoring/reference/limits/${mine.json().id}/retire`, {});
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().retiredAt).not.toBeNull();
    expectError(await province.post(`/api/v1/monitoring/reference/limits/${mine.json().id}/retire`, {}), 409, 'LIMIT_ALREADY_RETIRED');
  });
});

describe('refusals', () => {
  it('refuse a duplicate name, an unknown analyte or class, and agencies that do not test, writing nothing', async () => {
    const before = await tableCounts(t, TABLES);
    expectError(await lab.post('/api/v1/monitoring/reference/analytes', { nameZh: '噻虫嗪', kind: 'pesticide', method: 'm', unit: 'mg/kg', standard: 's' }), 409, 'ANALYTE_EXISTS');
    expectError(await lab.post('/api/v1/monitoring/reference/limits', { analyteCode: 'no-such', classCode: '05', value: 1, standard: 's', clause: 'c' }), 422, 'UNKNOWN_ANALYTE');
    expectError(await lab.post('/api/v1/monitoring/reference/limits', { analyteCode: 'thiamethoxam', classCode: '99', value: 1, standard: 's', clause: 'c' }), 422, 'UNKNOWN_PRODUCT_CLASS');
    expectError(await county.post('/api/v1/monitoring/reference/limits', { analyteCode: 'thiamethoxam', classCode: '05', value: 1, standard: 's', clause: 'c' }), 403, 'FORBIDDEN');
    expectError(await lab.post('/api/v1/monitoring/reference/limits', { analyteCode: 'thiamethoxam', classCode: '05', value: -1, standard: 's', clause: 'c' }), 400, 'VALIDATION_FAILED');
    expect(await tableCounts(t, TABLES)).toEqual(before);
  });
});

describe('the reference set', () => {
  it('takes a changed row of its file as a new version; a result keeps the version it was judged against', async () => {
    const id = await sampleOf(chain.codes.B);
    const entered = await reviewAndApprove(team, await lab.post(`/api/v1/monitoring/samples/${id}/results`, { results: [{ analyteCode: 'thiamethoxam', methodStandard: 'GB 23200.121-2021', value: 1.5, unit: 'mg/kg', lod: 0.005 }] }));
    expect(entered.statusCode, entered.body).toBe(200);
    const [judged] = await queryRows<{ limit_id: number; limit_mg_per_kg: number; verdict: string }>(t.database.db, sql`SELECT limit_id, limit_mg_per_kg::float AS limit_mg_per_kg, verdict FROM sample_results WHERE sample_id = ${id}::uuid`);
    expect(judged).toEqual({ limit_id: 30, limit_mg_per_kg: 2, verdict: 'pass' });

    // The file is corrected (a test edit of row 30): loading writes one new version and retires the old one.
    const rows = readLimitsCsv().map((r) => (r.id === 30 ? { ...r, mrlMgPerKg: 1, note: 'a test correction' } : r));
    expect(await loadResidueLimits(t.database.db, rows)).toBe(1);
    expect(await loadResidueLimits(t.database.db, rows)).toBe(0);
    const history = (await lab.get('/api/v1/monitoring/reference/limits/30/history')).json<{ items: { id: number; version: number; mrlMgPerKg: number; retiredAt: string | null; results: number }[] }>().items;
    expect(history.map((h) => [h.version, h.mrlMgPerKg, h.retiredAt === null, h.results])).toEqual([
      [2, 1, true, 0],
      [1, 2, false, 1],
    ]);
    expect(history[0]!.id).not.toBe(30);
    expect((await lab.get('/api/v1/monitoring/limits?analyteCode=thiamethoxam&classCode=0504010101')).json().limit).toMatchObject({ mrlMgPerKg: 1, version: 2 });
    // The result judged before still names version 1 and its 2 mg/kg.
    const [still] = await queryRows<{ limit_id: number; limit_mg_per_kg: number }>(t.database.db, sql`SELECT limit_id, limit_mg_per_kg::float AS limit_mg_per_kg FROM sample_results WHERE sample_id = ${id}::uuid`);
    expect(still).toEqual({ limit_id: 30, limit_mg_per_kg: 2 });
    // Back to the file as shipped: a third version, equal in content to the first.
    expect(await loadResidueLimits(t.database.db)).toBe(1);
  });

  it('cites a source for every shipped row', async () => {
    const missing = await queryRows<{ id: number }>(t.database.db, sql`SELECT id FROM residue_limits WHERE origin = 'reference' AND (standard = '' OR source_url = '')`);
    expect(missing).toEqual([]);
  });
});

describe('the limits list', () => {
  it('pages by analyte, counts its filter on the first page, and shows each readable row once', async () => {
    type LimitPage = { items: { id: number; analyteCode: string; origin: string }[]; nextCursor: string | null; total?: { value: number; capped: boolean } };
    const walk = async (who: Client, query: string) => {
      const first = (await who.get(`/api/v1/monitoring/reference/limits?limit=7${query}`)).json<LimitPage>();
      const rows = [...first.items];
      for (let cursor = first.nextCursor; cursor; ) {
        const next = (await who.get(`/api/v1/monitoring/reference/limits?limit=7${query}&cursor=${cursor}`)).json<LimitPage>();
        expect(next.total).toBeUndefined();
        rows.push(...next.items);
        cursor = next.nextCursor;
      }
      return { total: first.total, rows };
    };
    const all = await walk(lab, '');
    const n = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM residue_limits WHERE retired_at IS NULL AND (origin = 'reference' OR region_code LIKE '37%')`))[0]!.n;
    expect(all.total).toEqual({ value: n, capped: false });
    expect(all.rows.length).toBe(n);
    expect(new Set(all.rows.map((r) => r.id)).size).toBe(n);
    // Another province's lab does not see this province's additions, nor count them.
    const elsewhere = await walk(sichuanLab, '&origin=province');
    expect(elsewhere).toEqual({ total: { value: 0, capped: false }, rows: [] });
    const byAnalyte = await walk(lab, '&analyteCode=thiamethoxam');
    expect(byAnalyte.rows.length).toBeGreaterThan(0);
    expect(byAnalyte.rows.every((r) => r.analyteCode === 'thiamethoxam')).toBe(true);
    expectError(await lab.get('/api/v1/monitoring/reference/limits?cursor=not-a-cursor'), 400, 'BAD_CURSOR');
  });

  it('adds one analyte when the same name is sent twice at once', async () => {
    const body = { nameZh: '测试农药丙', kind: 'pesticide', method: '测试方法 C', unit: 'mg/kg', standard: '测试依据 C' };
    const answers = await Promise.all([lab.post('/api/v1/monitoring/reference/analytes', body), lab.post('/api/v1/monitoring/reference/analytes', body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM analytes WHERE name_zh = '测试农药丙'`);
    expect(row?.n).toBe(1);
  });
});
