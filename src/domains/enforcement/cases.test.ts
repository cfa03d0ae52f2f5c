import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { multipart, PNG } from '../../../test/subjects.js';
import { agencyIdOf, loginAll, answers, demoSubjectId, refusedHere, temporarySubject } from '../../../test/supervision.js';

// 执法业务: the county enforcement agency (sg-law-admin) opens cases from transfers, tasks and on its own, and
// runs them 立案 → 调查取证 → 处罚决定 → 结案.

let t: TestApp;
let county: Client;
let station: Client;
let law: Client;
let sichuanLaw: Client;
let subjectId: string;

beforeAll(async () => {
  t = await createTestApp();
  [county, station, law, sichuanLaw] = await loginAll(t, ['sg-admin', 'sg-hl-user', 'sg-law-admin', 'pd-law-admin'] as const);
  subjectId = await demoSubjectId(county);
});
afterAll(async () => t?.close());

/** An inspection that found a problem, transferred by the station to the county enforcement agency. */
async function transferred(): Promise<{ transferId: string; inspectionId: string }> {
  const inspection = (await station.post('/api/v1/supervision/inspections', { subjectId, industry: 'planting', answers: answers(['banned_inputs']), conclusion: 'problem', findings: '发现禁用农药', noPhotoReason: '相机故障', lat: 36.88, lng: 118.74 })).json();
  const res = await station.post(`/api/v1/supervision/inspections/${inspection.id}/transfer`, { toAgencyId: agencyIdOf(law), reason: '涉嫌使用禁用农药' });
  expect(res.statusCode, res.body).toBe(200);
  return { transferId: res.json().transfer.id, inspectionId: inspection.id };
}

async function openFrom(transferId: string) {
  const res = await law.post('/api/v1/enforcement/cases', { transferId, title: '涉嫌使用禁用农药案', summary: '根据化龙镇监管站移交立案' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const advance = (id: string, body: object) => law.post(`/api/v1/enforcement/cases/${id}/advance`, body);
const decision = { to: 'decision', legalBasis: '《中华人民共和国农产品质量安全法》第七十一条', penaltyKind: 'fine', penaltyAmount: 5000, decision: '罚款人民币五千元' };

describe('cases', () => {
  it('open from a transfer, run every stage with records, and on closing with a penalty add a bad-conduct record', async () => {
    const { transferId, inspectionId } = await transferred();
    const opened = await openFrom(transferId);
    expect(opened).toMatchObject({ stage: 'filed', source: 'transfer', subjectId, handling: true, transfer: { id: transferId, inspectionId, reason: '涉嫌使用禁用农药' } });
    expect((await law.get('/api/v1/supervision/transfers?status=accepted')).json().items[0]).toMatchObject({ id: transferId, caseId: opened.id });

    expect((await advance(opened.id, { to: 'investigation', note: '开展调查' })).json().stage).toBe('investigation');
    const onsite = await law.post(`/api/v1/enforcement/cases/${opened.id}/records`, { kind: 'onsite', content: '现场检查发现禁用农药空瓶 3 个', lat: 36.88, lng: 118.74 });
    expect(onsite.json().records).toEqual([expect.objectContaining({ kind: 'onsite', stage: 'investigation', lat: 36.88 })]);
    expect((await advance(opened.id, decision)).json()).toMatchObject({ stage: 'decision', penaltyKind: 'fine', penaltyAmount: 5000, legalBasis: expect.stringContaining('农产品质量安全法') });
    const closed = (await advance(opened.id, { to: 'closed', note: '罚款已缴纳' })).json();
    expect(closed).toMatchObject({ stage: 'closed', closedAt: expect.any(String) });
    expect(closed.history.map((h: { toStage: string }) => h.toStage)).toEqual(['filed', 'investigation', 'decision', 'closed']);

    const subject = (await county.get(`/api/v1/registry/subjects/${subjectId}`)).json();
    expect(subject.badRecords[0]).toMatchObject({ severity: 'serious', source: 'enforcement', description: expect.stringContaining(closed.caseNo) });
    // The county supervision agency follows the case read-only.
    const seen = (await county.get(`/api/v1/enforcement/cases/${opened.id}`)).json();
    expect(seen).toMatchObject({ handling: false, stage: 'closed' });
    expect((await sichuanLaw.get(`/api/v1/enforcement/cases/${opened.id}`)).statusCode).toBe(404);
    await refusedHere(t, () => law.post(`/api/v1/enforcement/cases/${opened.id}/records`, { kind: 'note', content: '补充' }), 409, 'CASE_CLOSED');
  });

  it('refuses closing a case that skipped a stage, and writes nothing', async () => {
    const opened = await openFrom((await transferred()).transferId);
    const body = await refusedHere(t, () => advance(opened.id, { to: 'closed' }), 409, 'CASE_STAGE_SKIPPED');
    expect(body.message.zh).toContain('调查取证');
    await advance(opened.id, { to: 'investigation' });
    await refusedHere(t, () => advance(opened.id, { to: 'closed' }), 409, 'CASE_STAGE_SKIPPED');
    await refusedHere(t, () => advance(opened.id, { to: 'filed' }), 409, 'CASE_STAGE_BACKWARDS');
    await refusedHere(t, () => advance(opened.id, { to: 'decision', penaltyKind: 'fine', decision: '罚款' }), 400, 'DECISION_INCOMPLETE');
  });

  it('closes a case without penalty and leaves the subject’s record alone', async () => {
    const opened = await openFrom((await transferred()).transferId);
    await advance(opened.id, { to: 'investigation' });
    await advance(opened.id, { ...decision, penaltyKind: 'none', penaltyAmount: undefined, decision: '证据不足，不予处罚' });
    const before = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM subject_bad_records WHERE subject_id = ${subjectId}`);
    expect((await advance(opened.id, { to: 'closed' })).json().stage).toBe('closed');
    expect(await queryRows(t.database.db, sql`SELECT count(*)::int AS n FROM subject_bad_records WHERE subject_id = ${subjectId}`)).toEqual(before);
  });

  it('refuses a transfer taken twice, someone else’s transfer, and work by an agency that does not handle the case', async () => {
    const { transferId } = await transferred();
    const opened = await openFrom(transferId);
    await refusedHere(t, () => law.post('/api/v1/enforcement/cases', { transferId, title: '重复立案', summary: '重复' }), 409, 'TRANSFER_TAKEN');
    const other = (await transferred()).transferId;
    await refusedHere(t, () => sichuanLaw.post('/api/v1/enforcement/cases', { transferId: other, title: '他人移交', summary: '越权' }), 404, 'TRANSFER_NOT_FOUND');
    await refusedHere(t, () => sichuanLaw.post(`/api/v1/enforcement/cases/${opened.id}/advance`, { to: 'investigation' }), 404, 'CASE_NOT_FOUND');
    await refusedHere(t, () => county.post(`/api/v1/enforcement/cases/${opened.id}/advance`, { to: 'investigation' }), 403, 'FORBIDDEN');
  });

  it('opens a case from an enforcement task it received, or on its own for a subject of its jurisdiction only', async () => {
    const task = (await county.post('/api/v1/supervision/tasks', { kind: 'enforcement', title: '农药专项执法', content: '开展农药专项执法检查', startsOn: '2026-11-01', dueOn: '2026-12-31', recipients: [{ agencyId: agencyIdOf(law) }] })).json();
    const fromTask = await law.post('/api/v1/enforcement/cases', { taskId: task.id, subjectId, title: '专项执法检查', summary: '按任务立案' });
    expect(fromTask.statusCode, fromTask.body).toBe(201);
    expect(fromTask.json()).toMatchObject({ source: 'task', taskId: task.id, subjectId });
    await refusedHere(t, () => sichuanLaw.post('/api/v1/enforcement/cases', { taskId: task.id, title: '他人任务', summary: '越权' }), 404, 'TASK_NOT_FOUND');
    const sichuanSubject = await temporarySubject(sichuanLaw, '510117104', '唐昌镇临时主体');
    await refusedHere(t, () => law.post('/api/v1/enforcement/cases', { subjectId: sichuanSubject, title: '越界立案', summary: '越界' }), 403, 'SUBJECT_OUT_OF_JURISDICTION');
    const own = await law.post('/api/v1/enforcement/cases', { subjectId, title: '群众举报', summary: '接群众举报立案' });
    expect(own.json()).toMatchObject({ source: 'own', stage: 'filed' });
    const list = (await law.get('/api/v1/enforcement/cases?stage=filed')).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([own.json().id, fromTask.json().id]));
    expect((await sichuanLaw.get('/api/v1/enforcement/cases')).json().items).toEqual([]);
  });

  it('refuses opening a case from a task that is not an enforcement or sampling task (a notice), and writes nothing', async () => {
    const notice = (await county.post('/api/v1/supervision/tasks', { kind: 'notice', title: '执法通知', content: '通知', startsOn: '2026-11-01', recipients: [{ agencyId: agencyIdOf(law) }] })).json();
    await refusedHere(t, () => law.post('/api/v1/enforcement/cases', { taskId: notice.id, subjectId, title: '依通知立案', summary: '不应立案' }), 409, 'TASK_NOT_FOR_CASE');
  });

  it('refuses a record with half a GPS point or one outside China, and writes nothing', async () => {
    const opened = (await law.post('/api/v1/enforcement/cases', { subjectId, title: '定位', summary: '定位' })).json();
    await refusedHere(t, () => law.post(`/api/v1/enforcement/cases/${opened.id}/records`, { kind: 'onsite', content: '现场', lat: 36.88 }), 400, 'POINT_INVALID');
    await refusedHere(t, () => law.post(`/api/v1/enforcement/cases/${opened.id}/records`, { kind: 'onsite', content: '现场', lat: 0, lng: 0 }), 400, 'POINT_INVALID');
  });

  it('lets a station that follows a case of its township read the photos of its records; an agency elsewhere cannot', async () => {
    const body = multipart(PNG, 'onsite.png', 'image/png');
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/v1/supervision/photos', payload: body.payload, headers: { ...body.headers, cookie: law.cookie!, 'x-csrf-token': law.csrf! } });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().fileId as string;
    const opened = (await law.post('/api/v1/enforcement/cases', { subjectId, title: '现场取证', summary: '取证' })).json();
    expect((await law.post(`/api/v1/enforcement/cases/${opened.id}/records`, { kind: 'evidence', content: '现场照片', attachments: [fileId] })).statusCode).toBe(200);
    expect((await station.get(`/api/v1/enforcement/cases/${opened.id}`)).json().records[0].attachments).toEqual([fileId]);
    const seen = await station.get(`/api/v1/supervision/photos/${fileId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect((await sichuanLaw.get(`/api/v1/supervision/photos/${fileId}`)).statusCode).toBe(404);
  });

  it('commissions a supervisory-sampling sheet from the county lab, which reports it back to the case', async () => {
    const lab = await t.login('sg-lab-admin');
    const opened = (await law.post('/api/v1/enforcement/cases', { subjectId, title: '抽样送检', summary: '需检测' })).json();
    const sheet = { kind: 'supervisory_sampling', testingAgencyId: agencyIdOf(lab), title: '番茄农药残留抽检', content: '抽取番茄 2 kg 送检', dueOn: '2026-12-31' };
    const res = await law.post(`/api/v1/enforcement/cases/${opened.id}/commissions`, sheet);
    expect(res.statusCode, res.body).toBe(200);
    const [commission] = res.json().commissions;
    expect(commission).toMatchObject({ kind: 'supervisory_sampling', agencyName: expect.stringContaining('检测'), status: 'published' });
    expect((await lab.get('/api/v1/supervision/tasks?box=inbox')).json().items.map((i: { id: string }) => i.id)).toContain(commission.taskId);
    await lab.post(`/api/v1/supervision/tasks/${commission.taskId}/accept`, {});
    await lab.post(`/api/v1/supervision/tasks/${commission.taskId}/report`, { report: '毒死蜱 0.8 mg/kg,超过限量 0.5 mg/kg,不合格' });
    expect((await law.get(`/api/v1/enforcement/cases/${opened.id}`)).json().commissions[0]).toMatchObject({ status: 'reported', report: expect.stringContaining('不合格') });

    await refusedHere(t, () => law.post(`/api/v1/enforcement/cases/${opened.id}/commissions`, { ...sheet, testingAgencyId: agencyIdOf(station) }), 422, 'RECIPIENT_NOT_ALLOWED');
    const sichuanLab = await t.login('pd-lab-admin');
    await refusedHere(t, () => law.post(`/api/v1/enforcement/cases/${opened.id}/commissions`, { ...sheet, testingAgencyId: agencyIdOf(sichuanLab) }), 403, 'RECIPIENT_OUT_OF_JURISDICTION');
    await refusedHere(t, () => law.post('/api/v1/supervision/tasks', { kind: 'supervisory_sampling', title: '直接发布', content: '越权', startsOn: '2026-11-01', dueOn: '2026-12-31', recipients: [{ agencyId: agencyIdOf(lab) }] }), 403, 'FORBIDDEN');
  });
});


describe('second review', () => {
  it('takes an on-site record after scanning the case’s subject, and refuses another subject’s identity, writing nothing', async () => {
    const temp = async (name: string) => (await law.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name, industries: ['planting'], regionCode: '370783100' })).json();
    const [mine, other] = [await temp('现场当事人'), await temp('旁边农户')];
    const opened = (await law.post('/api/v1/enforcement/cases', { subjectId: mine.id, title: '现场检查', summary: '扫码核对' })).json();
    const url = `/api/v1/enforcement/cases/${opened.id}/records`;
    await refusedHere(t, () => law.post(url, { kind: 'onsite', content: '现场', identity: other.tempCode }), 409, 'IDENTITY_NOT_CASE_SUBJECT');
    await refusedHere(t, () => law.post(url, { kind: 'onsite', content: '现场', identity: 'not-a-code' }), 409, 'IDENTITY_NOT_CASE_SUBJECT');
    const res = await law.post(url, { kind: 'onsite', content: '核对身份后现场检查', identity: mine.tempCode.toLowerCase(), lat: 36.88, lng: 118.74 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().records).toEqual([expect.objectContaining({ kind: 'onsite', lat: 36.88, lng: 118.74 })]);
  });

  it('lets the enforcement agency close a task it commissioned; the lab and the county still cannot', async () => {
    const lab = await t.login('sg-lab-admin');
    const opened = (await law.post('/api/v1/enforcement/cases', { subjectId, title: '委托监测', summary: '需监测' })).json();
    const sheet = { kind: 'routine_monitoring', testingAgencyId: agencyIdOf(lab), title: '例行监测委托', content: '监测蔬菜', dueOn: '2026-12-31' };
    const [commission] = (await law.post(`/api/v1/enforcement/cases/${opened.id}/commissions`, sheet)).json().commissions;
    await lab.post(`/api/v1/supervision/tasks/${commission.taskId}/accept`, {});
    await lab.post(`/api/v1/supervision/tasks/${commission.taskId}/report`, { report: '全部合格' });
    const close = `/api/v1/supervision/tasks/${commission.taskId}/close`;
    await refusedHere(t, () => lab.post(close, {}), 403, 'NOT_THE_PUBLISHER');
    // The county is of the publisher's own region, neither a recipient nor above it: the task is not its to see (DESIGN.md §12).
    await refusedHere(t, () => county.post(close, {}), 404, 'TASK_NOT_FOUND');
    const res = await law.post(close, { note: '结果已收到' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed' });
    expect((await law.get(`/api/v1/enforcement/cases/${opened.id}`)).json().commissions[0]).toMatchObject({ status: 'closed' });
  });
});
