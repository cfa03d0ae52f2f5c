import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, demoSubjectId, loginAll, refusedHere } from '../../../test/supervision.js';
import { FX_ANALYTES, insertAlert, insertFixtureAnalytes, insertSample } from './monitoring.fixtures.js';
import { accept, grapeChain, labTeam, publishSamplingTask, reviewAndApprove, sampleBody } from './sampling.fixtures.js';

// 预警: a failed sample's alerts reach the county supervision and enforcement agencies; each reads its own, and the
// enforcement agency opens a case from it in one step, once.

let t: TestApp;
let county: Client;
let lab: Client;
let law: Client;
let sichuanLaw: Client;
let subjectId: string;
let sample: { id: string; sampleNo: string };
let another: () => Promise<string>;
const alerts = { county: '', law: '', sichuan: '' };

const auditCount = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0]!.n;
const readAtOf = async (id: string) => (await queryRows<{ read_at: unknown }>(t.database.db, sql`SELECT read_at FROM monitoring_alerts WHERE id = ${id}`))[0]!.read_at;

beforeAll(async () => {
  t = await createTestApp();
  [county, lab, law, sichuanLaw] = await loginAll(t, ['sg-admin', 'sg-lab-admin', 'sg-law-admin', 'pd-law-admin'] as const);
  subjectId = await demoSubjectId(county);
  const task = (await county.post('/api/v1/supervision/tasks', { kind: 'routine_monitoring', title: '蔬菜例行监测', content: '抽检蔬菜农药残留', startsOn: '2026-11-01', dueOn: '2026-12-31', recipients: [{ agencyId: agencyIdOf(lab) }] })).json();
  const db = t.database.db;
  await insertFixtureAnalytes(db);
  sample = await insertSample(db, {
    taskId: task.id,
    recipientId: task.recipients[0].id,
    agencyId: agencyIdOf(lab),
    regionCode: '370783100',
    classCode: '0301',
    classZh: '茄果类蔬菜',
    productName: '番茄',
    subjectId,
    subjectName: '绿源',
    versions: [
      [
        { analyteCode: FX_ANALYTES[0].code, verdict: 'fail', value: 1.5 },
        { analyteCode: FX_ANALYTES[1].code, verdict: 'pass' },
      ],
    ],
  });
  const recall = [{ batchId: '00000000-0000-4000-8000-000000000001', code: '20000000000000000001', depth: 1, holderName: '寿光农贸市场', regionCode: '370783', quantity: 100, unit: 'kg' }];
  const common = { sampleId: sample.id, reportVersion: 1, subjectId, recall, recallTotal: 3 };
  alerts.county = await insertAlert(db, { ...common, agencyId: agencyIdOf(county), agencyRegion: '370783' });
  alerts.law = await insertAlert(db, { ...common, agencyId: agencyIdOf(law), agencyRegion: '370783' });
  alerts.sichuan = await insertAlert(db, { ...common, agencyId: agencyIdOf(sichuanLaw), agencyRegion: '510117' });
  another = async () => {
    const s = await insertSample(db, { taskId: task.id, recipientId: task.recipients[0].id, agencyId: agencyIdOf(lab), regionCode: '370783', classCode: '0301', classZh: '茄果类蔬菜', productName: '辣椒', versions: [[{ analyteCode: FX_ANALYTES[1].code, verdict: 'fail' }]] });
    return insertAlert(db, { sampleId: s.id, reportVersion: 1, agencyId: agencyIdOf(law), agencyRegion: '370783' });
  };
});
afterAll(async () => t?.close());

describe('alerts inbox', () => {
  it('lists only my agency’s alerts, newest first, with the unread filter', async () => {
    const mine = (await law.get('/api/v1/monitoring/alerts')).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([alerts.law]);
    expect(mine.items[0]).toMatchObject({ sampleNo: sample.sampleNo, productName: '番茄', subjectId, recallTotal: 3, readAt: null, caseId: null });
    expect((await county.get('/api/v1/monitoring/alerts')).json().items.map((a: { id: string }) => a.id)).toEqual([alerts.county]);
    expect((await sichuanLaw.get('/api/v1/monitoring/alerts?unread=true')).json().items.map((a: { id: string }) => a.id)).toEqual([alerts.sichuan]);
    // A testing agency has no alert inbox.
    expect((await lab.get('/api/v1/monitoring/alerts')).statusCode).toBe(403);
  });

  it('opening an alert shows the sample, the failing results and the recall list, and marks it read once (audited)', async () => {
    const before = await auditCount();
    const res = await county.get(`/api/v1/monitoring/alerts/${alerts.county}`);
    expect(res.statusCode, res.body).toBe(200);
    const alert = res.json();
    expect(alert).toMatchObject({ id: alerts.county, sampleId: sample.id, reportVersion: 1, recallTotal: 3, readAt: expect.any(String) });
    expect(alert.failed).toEqual([expect.objectContaining({ analyteCode: FX_ANALYTES[0].code, analyteZh: FX_ANALYTES[0].nameZh, value: 1.5, verdict: 'fail' })]);
    expect(alert.recall).toEqual([expect.objectContaining({ holderName: '寿光农贸市场', quantity: 100 })]);
    expect(await auditCount()).toBe(before + 1);
    const again = (await county.get(`/api/v1/monitoring/alerts/${alerts.county}`)).json();
    expect(again.readAt).toBe(alert.readAt);
    expect(await auditCount()).toBe(before + 1);
    expect((await county.get('/api/v1/monitoring/alerts?unread=true')).json().items).toEqual([]);
    expect((await county.get('/api/v1/monitoring/alerts?unread=false')).json().items.map((a: { id: string }) => a.id)).toEqual([alerts.county]);
    // Read by the county supervision agency only: the enforcement agency's copy is still unread.
    expect(await readAtOf(alerts.law)).toBeNull();
  });

  it('another agency’s alert is 404 and is not marked read', async () => {
    await refusedHere(t, () => sichuanLaw.get(`/api/v1/monitoring/alerts/${alerts.law}`), 404, 'ALERT_NOT_FOUND');
    await refusedHere(t, () => county.get(`/api/v1/monitoring/alerts/${alerts.law}`), 404, 'ALERT_NOT_FOUND');
    expect(await readAtOf(alerts.law)).toBeNull();
  });
});

describe('case from an alert', () => {
  it('is refused to a supervision agency (403) and to an agency the alert was not sent to (404), writing nothing', async () => {
    await refusedHere(t, () => county.post(`/api/v1/monitoring/alerts/${alerts.county}/case`, {}), 403, 'FORBIDDEN');
    await refusedHere(t, () => sichuanLaw.post(`/api/v1/monitoring/alerts/${alerts.law}/case`, {}), 404, 'ALERT_NOT_FOUND');
  });

  it('the enforcement agency opens a case in one step, naming the sample, product, failing analytes and recall count; a second time is 409', async () => {
    const res = await law.post(`/api/v1/monitoring/alerts/${alerts.law}/case`, {});
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().caseId;
    expect(caseId).toEqual(expect.any(String));
    const opened = (await law.get(`/api/v1/enforcement/cases/${caseId}`)).json();
    expect(opened).toMatchObject({ source: 'own', stage: 'filed', subjectId, handling: true, title: expect.stringContaining(sample.sampleNo) });
    expect(opened.title).toContain('番茄');
    for (const part of [sample.sampleNo, '番茄', FX_ANALYTES[0].nameZh, '召回清单 3 户']) expect(opened.summary).toContain(part);
    expect(opened.summary).not.toContain(FX_ANALYTES[1].nameZh);
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE target_id = ${alerts.law} ORDER BY id`);
    expect(audit.map((a) => a.action)).toContain('monitoring.alert_case');
    await refusedHere(t, () => law.post(`/api/v1/monitoring/alerts/${alerts.law}/case`, {}), 409, 'ALERT_CASE_EXISTS');
    expect((await law.get('/api/v1/monitoring/alerts')).json().items[0].caseId).toBe(caseId);
  });

  it('two officials opening a case from the same alert at once get one case and one 409', async () => {
    const id = await another();
    const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM enforcement_cases`))[0]!.n;
    const before = await count();
    const [a, b] = await Promise.all([law.post(`/api/v1/monitoring/alerts/${id}/case`, {}), law.post(`/api/v1/monitoring/alerts/${id}/case`, {})]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((a.statusCode === 409 ? a : b).json().code).toBe('ALERT_CASE_EXISTS');
    expect(await count()).toBe(before + 1);
  });

  it('a Sichuan enforcement agency opens its case without a subject outside its jurisdiction, with its own title', async () => {
    const res = await sichuanLaw.post(`/api/v1/monitoring/alerts/${alerts.sichuan}/case`, { title: '外省流入番茄不合格' });
    expect(res.statusCode, res.body).toBe(201);
    const opened = (await sichuanLaw.get(`/api/v1/enforcement/cases/${res.json().caseId}`)).json();
    expect(opened).toMatchObject({ title: '外省流入番茄不合格', subjectId: null, regionCode: '510117' });
  });
});

describe('a failure judged through the lab’s API', () => {
  it('reaches the county’s supervision and enforcement inboxes with the recall list, and the case names the holder', async () => {
    const [coop, farmer] = await loginAll(t, ['sg-coop', 'sg-farmer'] as const);
    const chain = await grapeChain(t, coop, farmer);
    const task = await publishSamplingTask(county, agencyIdOf(lab));
    await accept(lab, task.id);
    const taken = await lab.post('/api/v1/monitoring/samples', sampleBody(task.id, { code: chain.codes.B }));
    expect(taken.statusCode, taken.body).toBe(201);
    const sampleId = taken.json().id as string;
    expect((await lab.post(`/api/v1/monitoring/samples/${sampleId}/receive`, {})).statusCode).toBe(200);
    const entered = await lab.post(`/api/v1/monitoring/samples/${sampleId}/results`, {
      results: [{ analyteCode: 'procymidone', methodStandard: 'GB 23200.113-2018', value: 3, unit: 'mg/kg', lod: 0.01, limitOverride: { value: 1, standard: '实验室判定依据（测试）' } }],
    });
    // Nothing is alerted before the report is reviewed and approved.
    expect(entered.statusCode, entered.body).toBe(200);
    expect((await county.get('/api/v1/monitoring/alerts?unread=true')).json().items.filter((a: { sampleId: string }) => a.sampleId === sampleId)).toEqual([]);
    const judged = await reviewAndApprove(await labTeam(t, lab, 'al'), entered);
    expect(judged.statusCode, judged.body).toBe(200);

    const inbox = async (c: Client) => (await c.get('/api/v1/monitoring/alerts?unread=true')).json().items.filter((a: { sampleId: string }) => a.sampleId === sampleId);
    const [forCounty] = await inbox(county);
    const [forLaw] = await inbox(law);
    expect(forCounty).toMatchObject({ reportVersion: 1, batchId: chain.B, code: chain.codes.B, productName: expect.any(String) });
    expect(forLaw.recallTotal).toBeGreaterThanOrEqual(2);
    expect(await inbox(sichuanLaw)).toEqual([]);

    const detail = (await law.get(`/api/v1/monitoring/alerts/${forLaw.id}`)).json();
    expect(detail.failed).toEqual([expect.objectContaining({ analyteCode: 'procymidone', value: 3, verdict: 'fail' })]);
    expect(detail.recall.length).toBe(detail.recallTotal);
    expect(detail.subjectId).toEqual(expect.any(String));
    const opened = await law.post(`/api/v1/monitoring/alerts/${forLaw.id}/case`, {});
    expect(opened.statusCode, opened.body).toBe(201);
    const kase = (await law.get(`/api/v1/enforcement/cases/${opened.json().caseId}`)).json();
    expect(kase).toMatchObject({ subjectId: detail.subjectId, stage: 'filed' });
    expect(kase.summary).toContain('腐霉利');
    expect(kase.summary).toContain(`召回清单 ${detail.recallTotal} 户`);
  });
});
