import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll } from '../../../test/supervision.js';
import { accept, batchState, grapeChain, labTeam, newLabUser, publishSamplingTask, refusedQuietly, sampleBody, type GrapeChain, type LabTeam } from './sampling.fixtures.js';

// 检验 → 审核 → 批准: a report entered by one person of the lab is reviewed by another and approved by one of the lab's
// approvers (set by its admin) who neither entered nor reviewed it. Nothing of a draft reaches anyone outside the lab
// — no verdict, alert, batch mark, public result or summary — until it is approved; a reviewer or approver sends it
// back with a reason; a correction goes through the same steps.

let t: TestApp;
let lab: Client; // the lab's admin: enters results here
let county: Client;
let otherLab: Client;
let team: LabTeam;
let clerk: Client; // a second reviewer-level user of the lab, not an approver
let chain: GrapeChain;
let taskId: string;

const METHOD = 'GB 23200.121-2021';
const thiamethoxam = (value: number) => ({ analyteCode: 'thiamethoxam', methodStandard: METHOD, value, unit: 'mg/kg', lod: 0.005 });
const url = (id: string, tail = '') => `/api/v1/monitoring/samples/${id}${tail}`;
const step = (who: Client, id: string, version: number, action: 'review' | 'approve' | 'return', body: object = {}) => who.post(url(id, `/reports/${version}/${action}`), body);
const alertCount = async (sampleId: string) => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM monitoring_alerts WHERE sample_id = ${sampleId}`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const [coop, farmer] = await loginAll(t, ['sg-coop', 'sg-farmer'] as const);
  [county, lab, otherLab] = await loginAll(t, ['sg-admin', 'sg-lab-admin', 'wf-lab-admin'] as const);
  chain = await grapeChain(t, coop, farmer);
  taskId = (await publishSamplingTask(county, agencyIdOf(lab))).id;
  await accept(lab, taskId);
  team = await labTeam(t, lab, 'rv');
  clerk = await newLabUser(t, lab, 'rv-clerk', '李检验');
});
afterAll(async () => t?.close());

async function receivedSample(code: string): Promise<string> {
  const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code }));
  expect(res.statusCode, res.body).toBe(201);
  expect((await lab.post(url(res.json().id, '/receive'), {})).statusCode).toBe(200);
  return res.json().id;
}

describe('the lab’s settings: qualification number and approvers, by its admin', () => {
  it('the admin sets the CMA number and the approvers; every user of the lab reads them; members only for the admin', async () => {
    const res = await lab.post('/api/v1/monitoring/lab', { cmaNo: '240015340123', approverIds: [team.approver.me!.user.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cmaNo: '240015340123', approvers: [{ userId: team.approver.me!.user.id, displayName: '孙批准' }] });
    expect(res.json().members.map((m: { displayName: string }) => m.displayName)).toEqual(expect.arrayContaining(['钱审核', '孙批准', '李检验']));
    const seen = (await clerk.get('/api/v1/monitoring/lab')).json();
    expect(seen).toMatchObject({ cmaNo: '240015340123', members: [] });
  });

  it('refuses a non-admin, an approver of another agency, a malformed number, a supervision agency — nothing written', async () => {
    await refusedQuietly(t, () => clerk.post('/api/v1/monitoring/lab', { cmaNo: null, approverIds: [clerk.me!.user.id] }), 403, 'NOT_LAB_ADMIN');
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/lab', { cmaNo: '240015340123', approverIds: [otherLab.me!.user.id] }), 422, 'APPROVER_NOT_MEMBER');
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/lab', { cmaNo: 'CMA 12;', approverIds: [] }), 400, 'VALIDATION_FAILED');
    await refusedQuietly(t, () => county.post('/api/v1/monitoring/lab', { cmaNo: null, approverIds: [] }), 403, 'FORBIDDEN');
  });
});

describe('a report goes out only once reviewed and approved by other people', () => {
  let id: string;

  it('an entry is a draft awaiting review: no verdict, no alert, no batch mark, no public result, nothing in the summary', async () => {
    id = await receivedSample(chain.codes.B);
    const res = await lab.post(url(id, '/results'), { results: [thiamethoxam(3.5)] });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ status: 'received', verdict: null, judgedAt: null, alerts: [], actions: [] });
    expect(s.reports).toEqual([expect.objectContaining({ version: 1, status: 'entered', verdict: 'fail', enteredByName: expect.any(String), reviewedByName: null, issuedByName: null, issuedAt: null })]);
    expect(await alertCount(id)).toBe(0);
    expect(await batchState(t, chain.B)).toEqual({ status: 'active', tested: false });
    expect((await t.anonymous.get(`/api/v1/public/trace/${chain.codes.B}`)).json().monitoring).toEqual([]);
    const summary = (await county.get(`/api/v1/monitoring/tasks/${taskId}/summary`)).json();
    expect(summary.recipients[0]).toMatchObject({ tested: 0, failed: 0 });
    // A draft is not a report: it does not print.
    await refusedQuietly(t, () => county.get(url(id, '/reports/1.pdf')), 404, 'REPORT_NOT_FOUND');
    // The bench offers the next step to those who may take it.
    expect((await team.reviewer.get(url(id))).json().actions).toEqual(['review', 'return']);
  });

  it('refuses a second entry while in review, approval before review, review by the one who entered it — nothing written', async () => {
    await refusedQuietly(t, () => lab.post(url(id, '/results'), { results: [thiamethoxam(0.35)] }), 409, 'REPORT_IN_REVIEW');
    await refusedQuietly(t, () => step(team.approver, id, 1, 'approve'), 409, 'REPORT_NOT_PENDING');
    const same = await refusedQuietly(t, () => step(lab, id, 1, 'review'), 403, 'SAME_PERSON');
    expect(same.message.zh).toContain('审核人');
    await refusedQuietly(t, () => step(lab, id, 1, 'return', { reason: '自己退回' }), 403, 'SAME_PERSON');
    await refusedQuietly(t, () => step(team.reviewer, id, 2, 'review'), 404, 'REPORT_NOT_FOUND');
    await refusedQuietly(t, () => step(team.reviewer, id, 1, 'return', {}), 400, 'VALIDATION_FAILED');
    await refusedQuietly(t, () => step(otherLab, id, 1, 'review'), 404, 'SAMPLE_NOT_FOUND');
    await refusedQuietly(t, () => step(county, id, 1, 'review'), 403, 'FORBIDDEN');
  });

  it('a reviewer sends a typo back with its reason; it is entered again as the same version', async () => {
    const back = await step(team.reviewer, id, 1, 'return', { reason: '检测值与原始记录不符：0.35 录成 3.5' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().reports[0]).toMatchObject({ version: 1, status: 'returned', returnReason: '检测值与原始记录不符：0.35 录成 3.5' });
    expect(back.json().actions).toEqual(['enter']);
    const again = await lab.post(url(id, '/results'), { results: [thiamethoxam(0.35)] });
    expect(again.statusCode, again.body).toBe(200);
    const draft = again.json().reports;
    expect(draft).toHaveLength(1);
    expect(draft[0]).toMatchObject({ version: 1, status: 'entered', verdict: 'pass', results: [expect.objectContaining({ value: 0.35 })] });
    expect(draft[0].history.map((h: { action: string }) => h.action)).toEqual(['entered', 'returned', 'entered']);
  });

  it('reviewed by another person; approval refused to a non-approver and to the reviewer even when an approver', async () => {
    const reviewed = await step(team.reviewer, id, 1, 'review');
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().reports[0]).toMatchObject({ status: 'reviewed', reviewedByName: '钱审核' });
    await refusedQuietly(t, () => step(clerk, id, 1, 'approve'), 403, 'NOT_AN_APPROVER');
    await refusedQuietly(t, () => step(clerk, id, 1, 'return', { reason: '不是批准人' }), 403, 'NOT_AN_APPROVER');
    // The reviewer made an approver too still cannot approve what it reviewed.
    expect((await lab.post('/api/v1/monitoring/lab', { cmaNo: '240015340123', approverIds: [team.approver.me!.user.id, team.reviewer.me!.user.id] })).statusCode).toBe(200);
    const body = await refusedQuietly(t, () => step(team.reviewer, id, 1, 'approve'), 403, 'SAME_PERSON');
    expect(body.message.zh).toContain('批准人');
    await refusedQuietly(t, () => step(team.reviewer, id, 1, 'review'), 409, 'REPORT_NOT_PENDING');
    expect((await team.approver.get(url(id))).json().actions).toEqual(['approve', 'return']);
  });

  it('approval issues it: the verdict, the batch mark, the public result and the summary follow; the signatures are kept', async () => {
    const res = await step(team.approver, id, 1, 'approve');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ status: 'tested', verdict: 'pass', judgedAt: expect.any(String) });
    expect(s.reports[0]).toMatchObject({ status: 'approved', enteredByName: expect.any(String), reviewedByName: '钱审核', issuedByName: '孙批准', issuedAt: expect.any(String) });
    expect(s.reports[0].history.map((h: { action: string }) => h.action)).toEqual(['entered', 'returned', 'entered', 'reviewed', 'approved']);
    expect(await batchState(t, chain.B)).toEqual({ status: 'active', tested: true });
    expect((await t.anonymous.get(`/api/v1/public/trace/${chain.codes.B}`)).json().monitoring).toEqual([expect.objectContaining({ verdict: 'pass' })]);
    expect((await county.get(`/api/v1/monitoring/tasks/${taskId}/summary`)).json().recipients[0]).toMatchObject({ tested: 1, failed: 0 });
    await refusedQuietly(t, () => step(team.approver, id, 1, 'approve'), 409, 'REPORT_NOT_PENDING');
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE target_id = ${id} AND action IN ('monitoring.results', 'monitoring.return', 'monitoring.review', 'monitoring.approve') ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['monitoring.results', 'monitoring.return', 'monitoring.results', 'monitoring.review', 'monitoring.approve']);
  });

  it('a correction goes through the same review: the issued version stands until the correction is approved', async () => {
    const res = await lab.post(url(id, '/corrections'), { results: [thiamethoxam(2.6)], reason: '复测确认超标' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'pass', status: 'tested' });
    expect(res.json().reports.map((r: { version: number; status: string }) => [r.version, r.status])).toEqual([
      [2, 'entered'],
      [1, 'approved'],
    ]);
    expect(await alertCount(id)).toBe(0);
    await refusedQuietly(t, () => lab.post(url(id, '/corrections'), { results: [thiamethoxam(2.6)], reason: '再次更正' }), 409, 'REPORT_IN_REVIEW');
    expect((await step(clerk, id, 2, 'review')).statusCode).toBe(200);
    const approved = await step(team.approver, id, 2, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ verdict: 'fail' });
    expect(await alertCount(id)).toBeGreaterThan(0);
    expect(await batchState(t, chain.B)).toEqual({ status: 'failed', tested: true });
  });
});
