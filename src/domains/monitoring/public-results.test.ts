import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { expectPublicChainsMatchTheGraph } from '../../../test/public-chains.js';
import { markBatchTested } from '../trace/index.js';
import { publicSampleResults } from './public-results.queries.js';
import { analytes, sampleReports, sampleResults, samples } from './schema.js';

// 监测结果 on the public page (消费查询, issues 5 and 7). The samples here are written directly with drizzle: the
// services that take samples and judge them (sample.service.ts, result.service.ts) are written at the same time by
// another hand, and this file checks what the public sees of a judged sample, whoever wrote it. A cooperative
// (sg-coop) grows cucumbers, sells to a farmer (sg-farmer), who takes some to a wholesale market.

let t: TestApp;
let coop: Client;
let farmer: Client;
let own: { id: string; code: string };
let purchase: { id: string; code: string };
let voucher: { id: string; code: string };
let lab: { id: string; name: string };
let serial = 0;

const A = { ok: 'test-carbendazim', over: 'test-chlorpyrifos', banned: 'test-furazolidone' };

beforeAll(async () => {
  t = await createTestApp();
  coop = await t.login('sg-coop');
  farmer = await t.login('sg-farmer');
  const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const product = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json();
  own = (await coop.post('/api/v1/trace/batches', { productId: product.id, quantity: 300, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
  const sale = (await coop.post('/api/v1/trace/trades', { batchId: own.id, buyerToken: token, quantity: 100, unit: 'kg' })).json();
  const confirmed = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json();
  purchase = { id: confirmed.buyerBatchId, code: confirmed.buyerBatchCode };
  const entry = (await farmer.post('/api/v1/trace/market-entries', { batchId: purchase.id, quantity: 40, unit: 'kg', market: { kind: 'wholesale', name: '寿光农产品物流园', address: '寿光市文圣街 8 号', stall: 'B-3' } })).json();
  voucher = { id: entry.buyerBatchId, code: entry.buyerBatchCode };
  const [found] = await queryRows<{ id: string; name: string }>(t.database.db, sql`SELECT id::text AS id, name FROM agencies WHERE kind = 'testing' AND region_code = '370783'`);
  expect(found).toBeDefined();
  lab = found!;
  await t.database.db
    .insert(analytes)
    .values([
      { code: A.ok, nameZh: '多菌灵（测）', nameEn: 'carbendazim (test)', kind: 'pesticide' },
      { code: A.over, nameZh: '毒死蜱（测）', nameEn: 'chlorpyrifos (test)', kind: 'pesticide' },
      { code: A.banned, nameZh: '呋喃唑酮（测）', nameEn: 'furazolidone (test)', kind: 'vet_drug', banned: true },
    ])
    .onConflictDoNothing();
});
afterAll(async () => t?.close());

type Result = { analyte: string; value: number; limit: number | null; detected: boolean; verdict: 'pass' | 'fail' };

/** A sample of a batch judged in version 1, as the lab's services would leave it, and the batch marked. */
async function judgedSample(batch: { id: string; code: string }, sampledAt: Date, results: Result[]) {
  const verdict = results.some((r) => r.verdict === 'fail') ? 'fail' : 'pass';
  serial++;
  const people = { sampler: '采样员李四', issuer: '检测员赵六', witness: '见证人孙七' };
  await t.database.db.transaction(async (tx) => {
    const [s] = await tx
      .insert(samples)
      .values({
        sampleNo: `JC-TEST-${serial}`,
        taskId: crypto.randomUUID(),
        recipientId: crypto.randomUUID(),
        agencyId: lab.id,
        regionCode: '370783100',
        code: batch.code,
        codeType: Number(batch.code[0]),
        batchId: batch.id,
        productName: '寿光黄瓜',
        classCode: '04',
        classZh: '蔬菜',
        placeKind: 'wholesale_market',
        placeName: '寿光农产品物流园',
        quantity: 2,
        unit: 'kg',
        witnesses: [{ name: people.witness, role: '摊主' }],
        samplerId: crypto.randomUUID(),
        samplerName: people.sampler,
        sampledAt,
        status: 'tested',
        verdict,
        reportVersion: 1,
        judgedAt: new Date(),
      })
      .returning({ id: samples.id });
    await tx.insert(sampleReports).values({ sampleId: s!.id, version: 1, verdict, status: 'approved', enteredBy: crypto.randomUUID(), enteredByName: people.issuer, issuedBy: crypto.randomUUID(), issuedByName: people.issuer, issuedAt: new Date() });
    await tx.insert(sampleResults).values(
      results.map((r) => ({
        sampleId: s!.id,
        version: 1,
        analyteCode: r.analyte,
        methodStandard: 'GB 23200.113-2018',
        value: r.value,
        unit: 'mg/kg',
        valueMgPerKg: r.value,
        lodMgPerKg: 0.01,
        limitMgPerKg: r.limit,
        limitStandard: '测试用限量（非标准值）',
        detected: r.detected,
        verdict: r.verdict,
      })),
    );
    await markBatchTested(tx, batch.id, verdict);
  });
  return people;
}

describe('monitoring results on the public page', () => {
  it('shows no section while no batch of the chain was tested, then the results once one was', async () => {
    const json = (await t.anonymous.get(`/api/v1/public/trace/${voucher.code}`)).json();
    expect(json).toMatchObject({ monitoring: [], warnings: [] });
    expect((await t.anonymous.get(`/t/${voucher.code}`)).body).not.toContain('监测结果');
    await judgedSample(own, new Date('2026-11-22T02:00:00Z'), [
      { analyte: A.ok, value: 0.005, limit: 0.5, detected: false, verdict: 'pass' },
      { analyte: A.over, value: 0.01, limit: 0.05, detected: true, verdict: 'pass' },
    ]);
    expect(await publicSampleResults(t.database.db, [own.id, purchase.id])).toHaveLength(1);
    expect(await publicSampleResults(t.database.db, [purchase.id])).toEqual([]);
  });

  it('shows a passed sample of a batch upstream: date, batch code, agency, verdicts and each analyte against its limit, and no person', async () => {
    const res = await t.anonymous.get(`/api/v1/public/trace/${voucher.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.warnings).toEqual([]);
    expect(f.monitoring).toEqual([
      {
        sampledAt: '2026-11-22T02:00:00.000Z',
        batchCode: own.code,
        agencyName: lab.name,
        verdict: 'pass',
        results: [
          { analyte: { zh: '多菌灵（测）', en: 'carbendazim (test)' }, detected: false, valueMgPerKg: 0.005, limitMgPerKg: 0.5, verdict: 'pass' },
          { analyte: { zh: '毒死蜱（测）', en: 'chlorpyrifos (test)' }, detected: true, valueMgPerKg: 0.01, limitMgPerKg: 0.05, verdict: 'pass' },
        ],
      },
    ]);
    const page = (await t.anonymous.get(`/t/${voucher.code}`)).body;
    for (const fact of ['监测结果', '2026-11-22', lab.name, own.code, '毒死蜱（测） 0.01 mg/kg (限量 0.05 mg/kg)', '另 1 项未检出', '合格']) expect(page).toContain(fact);
    const en = (await t.anonymous.get(`/t/${voucher.code}?lang=en`)).body;
    for (const fact of ['Monitoring results', 'chlorpyrifos (test) 0.01 mg/kg (limit 0.05 mg/kg)', '1 more not detected', 'passed']) expect(en).toContain(fact);
    for (const body of [res.body, page, en]) for (const person of ['采样员李四', '检测员赵六', '见证人孙七']) expect(body).not.toContain(person);
  });

  it('once a sample fails: the warning, the failed results latest first (a banned substance "must not be detected"), still under 30 KB', async () => {
    const people = await judgedSample(purchase, new Date('2026-11-25T03:00:00Z'), [
      { analyte: A.ok, value: 0.1, limit: 0.5, detected: true, verdict: 'pass' },
      { analyte: A.banned, value: 0.002, limit: null, detected: true, verdict: 'fail' },
      { analyte: A.over, value: 0.2, limit: 0.05, detected: true, verdict: 'fail' },
    ]);
    const [b] = await queryRows<{ status: string; tested: boolean }>(t.database.db, sql`SELECT status, tested_at IS NOT NULL AS tested FROM batches WHERE id = ${purchase.id}`);
    expect(b).toEqual({ status: 'failed', tested: true });
    const f = (await t.anonymous.get(`/api/v1/public/trace/${voucher.code}`)).json();
    expect(f.warnings.map((w: { code: string }) => w.code)).toEqual(['BATCH_FAILED']);
    expect(f.monitoring.map((m: { batchCode: string; verdict: string }) => [m.batchCode, m.verdict])).toEqual([
      [purchase.code, 'fail'],
      [own.code, 'pass'],
    ]);
    // The failing analytes first.
    expect(f.monitoring[0].results.map((r: { verdict: string; limitMgPerKg: number | null }) => [r.verdict, r.limitMgPerKg])).toEqual([
      ['fail', 0.05],
      ['fail', null],
      ['pass', 0.5],
    ]);
    const page = await t.anonymous.get(`/t/${voucher.code}`);
    expect(page.body).toContain('检测不合格');
    expect(page.body).toContain('不得检出');
    expect(page.body).toContain('<b class="bad">不合格</b>');
    expect(page.body).not.toContain('<script');
    expect(Buffer.byteLength(page.body)).toBeLessThan(30_000);
    const en = (await t.anonymous.get(`/t/${voucher.code}?lang=en`)).body;
    expect(en).toContain('must not be detected');
    expect(en).toContain('failed a test');
    for (const person of Object.values(people)) expect(page.body + en).not.toContain(person);
    // The batch code's own page, and the production batch's (downstream failures do not travel upstream).
    expect((await t.anonymous.get(`/api/v1/public/trace/${purchase.code}`)).json().warnings.map((w: { code: string }) => w.code)).toEqual(['BATCH_FAILED']);
    const upstream = (await t.anonymous.get(`/api/v1/public/trace/${own.code}`)).json();
    expect(upstream.warnings).toEqual([]);
    expect(upstream.monitoring.map((m: { batchCode: string }) => m.batchCode)).toEqual([own.code]);
    // Nothing of this touched the stored chains.
    await expectPublicChainsMatchTheGraph(t);
  });

  it('stays under 30 KB with many samples of many analytes: the page lists five, each with what was found, the JSON all', async () => {
    const many = Array.from({ length: 150 }, (_, i) => `test-multi-${String(i).padStart(3, '0')}`);
    await t.database.db
      .insert(analytes)
      .values(many.map((code, i) => ({ code, nameZh: `农药残留测试项目${i}`, nameEn: `test residue number ${i}`, kind: 'pesticide' })))
      .onConflictDoNothing();
    for (let k = 0; k < 6; k++) {
      await judgedSample(
        voucher,
        new Date(Date.UTC(2026, 10, 26, k)),
        many.map((analyte, i) => ({ analyte, value: i < 20 ? 0.02 : 0.001, limit: 0.5, detected: i < 20, verdict: 'pass' as const })),
      );
    }
    const f = (await t.anonymous.get(`/api/v1/public/trace/${voucher.code}`)).json();
    expect(f.monitoring).toHaveLength(8);
    expect(f.monitoring[0].results).toHaveLength(150);
    for (const lang of ['zh', 'en']) {
      const page = (await t.anonymous.get(`/t/${voucher.code}?lang=${lang}`)).body;
      expect(Buffer.byteLength(page), lang).toBeLessThan(30_000);
      expect(page.match(/<li><b class="(ok|bad)">/g)).toHaveLength(5);
    }
    const zh = (await t.anonymous.get(`/t/${voucher.code}`)).body;
    expect(zh).toContain('另 8 项检出（见接口数据） · 另 130 项未检出');
    expect(zh).toContain('检测不合格');
  });
});
