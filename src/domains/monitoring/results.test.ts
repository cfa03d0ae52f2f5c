import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { accept, batchState, grapeChain, labTeam, publishSamplingTask, refusedQuietly, reviewAndApprove, sampleBody, type GrapeChain, type LabTeam } from './sampling.fixtures.js';

// 检测结果: the lab of 寿光 (sg-lab-admin) enters results of received samples; each is judged against the residue limit
// of the analyte and the product's class (葡萄: thiamethoxam 2 mg/kg, GB 2763.1-2022), or the lab's own cited limit;
// a failure marks the batch, takes its recall list and alerts the producer's county's supervision and enforcement.

let t: TestApp;
let county: Client;
let lab: Client;
let law: Client;
let cityLab: Client;
let sichuanCounty: Client;
let sichuanLaw: Client;
let chain: GrapeChain;
let taskId: string;
let team: LabTeam;

const METHOD = 'GB 23200.121-2021';
const thiamethoxam = (value: number, unit = 'mg/kg', extra: Record<string, unknown> = {}) => ({ analyteCode: 'thiamethoxam', methodStandard: METHOD, value, unit, lod: unit === 'mg/kg' ? 0.005 : 5, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  const [coop, farmer] = await loginAll(t, ['sg-coop', 'sg-farmer'] as const);
  [county, lab, law, cityLab, sichuanCounty, sichuanLaw] = await loginAll(t, ['sg-admin', 'sg-lab-admin', 'sg-law-admin', 'wf-lab-admin', 'pd-admin', 'pd-law-admin'] as const);
  chain = await grapeChain(t, coop, farmer);
  taskId = (await publishSamplingTask(county, agencyIdOf(lab))).id;
  await accept(lab, taskId);
  team = await labTeam(t, lab);
});
afterAll(async () => t?.close());

/** A sample taken by the lab (by code, or by hand when `manual`), received unless told otherwise. */
async function takeSample(what: { code: string } | { manual: Record<string, unknown> }, receive = true): Promise<string> {
  const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, what));
  expect(res.statusCode, res.body).toBe(201);
  if (receive) expect((await lab.post(`/api/v1/monitoring/samples/${res.json().id}/receive`, {})).statusCode).toBe(200);
  return res.json().id;
}

// 检验 → 审核 → 批准: the admin enters, the team's reviewer reviews and its approver issues (review.test.ts tests the steps).
const entry = (id: string, results: object[]) => lab.post(`/api/v1/monitoring/samples/${id}/results`, { results });
const enter = async (id: string, results: object[]) => reviewAndApprove(team, await entry(id, results));
const correct = async (id: string, body: object) => reviewAndApprove(team, await lab.post(`/api/v1/monitoring/samples/${id}/corrections`, body));
const alertsOf = (sampleId: string) =>
  queryRows<{ agency_id: string; agency_region: string; report_version: number; recall: { code: string; depth: number; holderName: string }[]; recall_total: number; batch_id: string | null }>(
    t.database.db,
    sql`SELECT agency_id, agency_region, report_version, recall, recall_total, batch_id FROM monitoring_alerts WHERE sample_id = ${sampleId} ORDER BY agency_region, agency_id`,
  );

describe('bad input: refused with its code, nothing written', () => {
  let received: string;
  beforeAll(async () => {
    received = await takeSample({ code: chain.codes.A });
  });

  it('a result for a sample not received (409 SAMPLE_NOT_RECEIVED)', async () => {
    const id = await takeSample({ code: chain.codes.A }, false);
    const body = await refusedQuietly(t, () => entry(id, [thiamethoxam(0.1)]), 409, 'SAMPLE_NOT_RECEIVED');
    expect(body.message.zh).toContain('交接');
  });

  it('a negative value, an unknown unit, an unknown analyte, an analyte twice, a missing limit', async () => {
    await refusedQuietly(t, () => entry(received, [thiamethoxam(-0.1)]), 400, 'VALIDATION_FAILED');
    await refusedQuietly(t, () => entry(received, [thiamethoxam(0.1, 'ppm')]), 400, 'VALIDATION_FAILED');
    await refusedQuietly(t, () => entry(received, [{ ...thiamethoxam(0.1), analyteCode: 'no-such-analyte' }]), 422, 'UNKNOWN_ANALYTE');
    await refusedQuietly(t, () => entry(received, [thiamethoxam(0.1), thiamethoxam(0.2)]), 400, 'ANALYTE_REPEATED');
    // No seeded limit of abamectin for grapes: the lab must give its own, with the standard it cites.
    const body = await refusedQuietly(t, () => entry(received, [thiamethoxam(0.1), { analyteCode: 'abamectin', methodStandard: METHOD, value: 0.01, unit: 'mg/kg', lod: 0.002 }]), 422, 'LIMIT_REQUIRED');
    expect(body.details).toMatchObject({ analyteCode: 'abamectin', classCode: '0504010101' });
  });

  it('results entered by anyone but the lab that took the sample', async () => {
    await refusedQuietly(t, () => county.post(`/api/v1/monitoring/samples/${received}/results`, { results: [thiamethoxam(0.1)] }), 403, 'FORBIDDEN');
    await refusedQuietly(t, () => cityLab.post(`/api/v1/monitoring/samples/${received}/results`, { results: [thiamethoxam(0.1)] }), 404, 'SAMPLE_NOT_FOUND');
  });

  it('a correction of a sample with no report yet (409 SAMPLE_NOT_TESTED)', async () => {
    await refusedQuietly(t, () => lab.post(`/api/v1/monitoring/samples/${received}/corrections`, { results: [thiamethoxam(0.1)], reason: '复核更正' }), 409, 'SAMPLE_NOT_TESTED');
  });
});

describe('judging against the limits', () => {
  let passed: string;

  it('passes a value below the limit and one equal to it (in μg/kg); the batch is marked tested, not failed; no alert', async () => {
    passed = await takeSample({ code: chain.codes.A });
    const res = await enter(passed, [thiamethoxam(2000, 'μg/kg'), { analyteCode: 'chloramphenicol', methodStandard: 'GB/T 22338-2008', value: 0, unit: 'μg/kg', lod: 0.1 }]);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ status: 'tested', verdict: 'pass', judgedAt: expect.any(String), alerts: [] });
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0]).toMatchObject({ version: 1, verdict: 'pass', reason: null, status: 'approved', enteredByName: expect.any(String), reviewedByName: '钱审核', issuedByName: '孙批准' });
    const byCode = Object.fromEntries(s.reports[0].results.map((r: { analyteCode: string }) => [r.analyteCode, r]));
    expect(byCode.thiamethoxam).toMatchObject({ analyteZh: '噻虫嗪', value: 2000, unit: 'μg/kg', valueMgPerKg: 2, lodMgPerKg: 0.005, limitMgPerKg: 2, limitId: expect.any(Number), limitOverridden: false, detected: true, verdict: 'pass' });
    expect(byCode.thiamethoxam.limitStandard).toContain('GB 2763.1-2022');
    // A banned substance (no limit) not detected passes.
    expect(byCode.chloramphenicol).toMatchObject({ limitMgPerKg: null, detected: false, verdict: 'pass' });
    expect(await batchState(t, chain.A)).toEqual({ status: 'active', tested: true });
    expect(await alertsOf(passed)).toEqual([]);
  });

  it('judges once: a second entry is refused (409 SAMPLE_ALREADY_JUDGED) and the report stays as issued', async () => {
    const body = await refusedQuietly(t, () => entry(passed, [thiamethoxam(9)]), 409, 'SAMPLE_ALREADY_JUDGED');
    expect(body.message.en).toContain('correction');
  });

  it('judges against the lab’s own limit with the standard it cites when it overrides', async () => {
    const id = await takeSample({ code: chain.codes.A });
    const res = await enter(id, [{ analyteCode: 'abamectin', methodStandard: METHOD, value: 0.03, unit: 'mg/kg', lod: 0.002, limitOverride: { value: 0.02, standard: '检测机构判定依据（测试）' } }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().verdict).toBe('fail');
    expect(res.json().reports[0].results[0]).toMatchObject({ limitId: null, limitMgPerKg: 0.02, limitOverridden: true, limitStandard: '检测机构判定依据（测试）', detected: true, verdict: 'fail' });
  });

  it('issues a correction as the next version with its reason; version 1 never changes; a pass turned fail alerts', async () => {
    const before = (await lab.get(`/api/v1/monitoring/samples/${passed}`)).json().reports[0];
    await refusedQuietly(t, () => lab.post(`/api/v1/monitoring/samples/${passed}/corrections`, { results: [thiamethoxam(3)] }), 400, 'VALIDATION_FAILED');
    const res = await correct(passed, { results: [thiamethoxam(3)], reason: '复核发现稀释倍数录错' });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ verdict: 'fail', status: 'tested' });
    expect(s.reports.map((r: { version: number; verdict: string }) => [r.version, r.verdict])).toEqual([
      [2, 'fail'],
      [1, 'pass'],
    ]);
    expect(s.reports[0].reason).toBe('复核发现稀释倍数录错');
    expect(s.reports[1]).toEqual(before);
    const alerts = await alertsOf(passed);
    expect(alerts.map((a) => [a.agency_id, a.report_version])).toEqual(expect.arrayContaining([[agencyIdOf(county), 2], [agencyIdOf(law), 2]]));
    expect(await batchState(t, chain.A)).toMatchObject({ status: 'failed' });
  });
});

describe('a failed sample', () => {
  let failed: string;

  it('marks the batch failed, takes its recall list and alerts the county’s supervision and enforcement agencies, in the same command', async () => {
    failed = await takeSample({ code: chain.codes.B });
    const audit = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ${failed}`))[0]!.n;
    const auditBefore = await audit();
    const res = await enter(failed, [thiamethoxam(2.5)]);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ verdict: 'fail', status: 'tested' });
    expect(s.reports[0].results[0]).toMatchObject({ valueMgPerKg: 2.5, limitMgPerKg: 2, verdict: 'fail' });
    expect(await batchState(t, chain.B)).toEqual({ status: 'failed', tested: true });

    const alerts = await alertsOf(failed);
    expect(alerts.map((a) => a.agency_id).sort()).toEqual([agencyIdOf(county), agencyIdOf(law)].sort());
    for (const a of alerts) {
      // B was bought from A, where the grapes were grown: the recall list is everyone who received A's grapes.
      expect(a).toMatchObject({ agency_region: '370783', report_version: 1, batch_id: chain.B, recall_total: 3 });
      expect(a.recall.map((h) => `${h.depth}:${h.code}`).sort()).toEqual([`1:${chain.codes.B}`, `2:${chain.codes.K}`, `2:${chain.codes.U}`].sort());
      expect(JSON.stringify(a.recall)).not.toContain('13966660001');
    }
    expect(s.alerts.map((a: { agencyName: string }) => a.agencyName).sort()).toEqual(expect.arrayContaining([expect.stringContaining('执法'), expect.stringContaining('农业农村局')]));
    // Entered, reviewed, approved: one audit entry each.
    expect(await audit()).toBe(auditBefore + 3);
    const listed = (await county.get('/api/v1/monitoring/samples?verdict=fail')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(failed);
  });

  it('alerts the producer’s county too when the product was sampled in another county (a hand-entered product: no batch, no recall list)', async () => {
    const id = await takeSample({ manual: { productName: '外地葡萄', classCode: '0504010101', subjectName: '外地批发商', originRegion: '510117' } });
    const res = await enter(id, [{ analyteCode: 'chloramphenicol', methodStandard: 'GB/T 22338-2008', value: 0.5, unit: 'μg/kg', lod: 0.1 }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().verdict).toBe('fail');
    const alerts = await alertsOf(id);
    expect(alerts.map((a) => a.agency_id).sort()).toEqual([agencyIdOf(county), agencyIdOf(law), agencyIdOf(sichuanCounty), agencyIdOf(sichuanLaw)].sort());
    expect(alerts.every((a) => a.batch_id === null && a.recall.length === 0 && a.recall_total === 0)).toBe(true);
    expect((await sichuanLaw.get(`/api/v1/monitoring/samples/${id}`)).json().alerts).toHaveLength(4);
  });

  it('is all or nothing: a fault in the response (its batch gone) leaves no report, no verdict, no alert', async () => {
    const id = await takeSample({ manual: { productName: '散装葡萄', classCode: '0504010101' } });
    await t.database.db.execute(sql`UPDATE samples SET batch_id = '00000000-0000-4000-8000-000000000000' WHERE id = ${id}`);
    const entered = await entry(id, [thiamethoxam(9)]);
    expect((await team.reviewer.post(`/api/v1/monitoring/samples/${id}/reports/1/review`, {})).statusCode).toBe(200);
    await refusedQuietly(t, () => team.approver.post(`/api/v1/monitoring/samples/${id}/reports/1/approve`, {}), 404, 'BATCH_NOT_FOUND');
    expect(entered.statusCode).toBe(200);
    expect((await lab.get(`/api/v1/monitoring/samples/${id}`)).json()).toMatchObject({ status: 'received', verdict: null, reports: [{ version: 1, status: 'reviewed' }], alerts: [] });
  });

  it('a correction that fails again does not alert twice', async () => {
    const res = await correct(failed, { results: [thiamethoxam(2.8)], reason: '复测确认' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await alertsOf(failed)).map((a) => a.report_version)).toEqual([1, 1]);
  });

  it('serves each issued version of the test report as a PDF; an unknown version is 404', async () => {
    for (const v of [1, 2]) {
      const res = await county.get(`/api/v1/monitoring/samples/${failed}/reports/${v}.pdf`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    await refusedQuietly(t, () => county.get(`/api/v1/monitoring/samples/${failed}/reports/3.pdf`), 404, 'REPORT_NOT_FOUND');
  });

  it('a correction to a pass withdraws the batch’s mark unless another sample of the batch still fails; the alerts stand', async () => {
    const res = await correct(failed, { results: [thiamethoxam(0.5)], reason: '复核：稀释倍数录错' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'pass' });
    // B's own failure is withdrawn, but the sample of A corrected to a fail above still holds everything A's grapes reached.
    expect(await batchState(t, chain.B)).toEqual({ status: 'held', tested: true });
    expect((await alertsOf(failed)).map((a) => a.report_version)).toEqual([1, 1]);
    // Batch A: the sample corrected to a fail above still fails, so another sample's withdrawn failure leaves A failed.
    const again = await takeSample({ code: chain.codes.A });
    expect((await enter(again, [thiamethoxam(2.5)])).json().verdict).toBe('fail');
    expect((await correct(again, { results: [thiamethoxam(0.5)], reason: '复核更正' })).statusCode).toBe(200);
    expect(await batchState(t, chain.A)).toMatchObject({ status: 'failed' });
  });
});
