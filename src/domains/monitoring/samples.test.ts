import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { multipart, PNG } from '../../../test/subjects.js';
import { agencyIdOf, demoSubjectId, loginAll } from '../../../test/supervision.js';
import { accept, grapeChain, publishSamplingTask, refusedQuietly, sampleBody, type GrapeChain } from './sampling.fixtures.js';

// 抽样 by the testing agency of 寿光 (sg-lab-admin) under the county's routine-monitoring task: the sheet filled from a
// scanned code, a product without a code, the handover to the lab, who reads what, and every refusal.

let t: TestApp;
let county: Client;
let lab: Client;
let law: Client;
let coop: Client;
let farmer: Client;
let sichuanCounty: Client;
let sichuanLab: Client;
let cityLab: Client;
let chain: GrapeChain;
let taskId: string;
const samples: Record<'scanned' | 'manual', string> = { scanned: '', manual: '' };

beforeAll(async () => {
  t = await createTestApp();
  [county, lab, law, coop, farmer, sichuanCounty, sichuanLab, cityLab] = await loginAll(t, ['sg-admin', 'sg-lab-admin', 'sg-law-admin', 'sg-coop', 'sg-farmer', 'pd-admin', 'pd-lab-admin', 'wf-lab-admin'] as const);
  chain = await grapeChain(t, coop, farmer);
  taskId = (await publishSamplingTask(county, agencyIdOf(lab))).id;
});
afterAll(async () => t?.close());

const recipientOf = async (id: string) => (await queryRows<{ status: string; done: number }>(t.database.db, sql`SELECT status, done FROM supervision_task_recipients WHERE task_id = ${id}`))[0]!;

describe('before the task is accepted', () => {
  it('refuses a sample for a task the lab did not accept (409 TASK_NOT_ACCEPTED), and writes nothing', async () => {
    const body = await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B })), 409, 'TASK_NOT_ACCEPTED');
    expect(body.message.zh).toContain('接收');
    expect(await recipientOf(taskId)).toEqual({ status: 'published', done: 0 });
  });

  it('refuses a task sent to another agency (404 TASK_NOT_FOUND for a lab that cannot see it)', async () => {
    await refusedQuietly(t, () => sichuanLab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B })), 404, 'TASK_NOT_FOUND');
  });
});

describe('sampling', () => {
  beforeAll(async () => accept(lab, taskId));

  it('fills the sheet from any scanned code: the batch, product, class, holder, producer’s county and chain', async () => {
    const res = await lab.get(`/api/v1/monitoring/facts?code=${chain.codes.B}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: chain.codes.B, codeType: 2, batchId: chain.B, productName: '巨峰葡萄', classCode: '0504010101', classZh: '葡萄', subjectName: '张建国', originRegion: '370783' });
    expect(res.json().chain.map((h: { code: string }) => h.code)).toEqual([chain.codes.B, chain.codes.A]);
    expect((await county.get(`/api/v1/monitoring/facts?code=${chain.codes.B}`)).statusCode).toBe(403);
  });

  it('records a sample by code: a readable number, the facts copied, one done for the task (in progress), an audit entry', async () => {
    const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B }));
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    samples.scanned = s.id;
    expect(s.sampleNo).toMatch(/^370783-\d{8}-0001$/);
    expect(s).toMatchObject({
      taskId,
      taskTitle: '11 月水果例行监测',
      taskKind: 'routine_monitoring',
      agencyId: agencyIdOf(lab),
      agencyName: expect.stringContaining('检测'),
      code: chain.codes.B,
      codeType: 2,
      batchId: chain.B,
      productName: '巨峰葡萄',
      classZh: '葡萄',
      originRegion: '370783',
      placeKind: 'base',
      quantity: 2,
      sealNo: 'FY-0001',
      witnesses: [{ name: '王五', role: '基地负责人' }],
      samplerName: expect.any(String),
      status: 'sampled',
      verdict: null,
      reports: [],
      alerts: [],
    });
    expect(s.chain).toHaveLength(2);
    expect(await recipientOf(taskId)).toEqual({ status: 'in_progress', done: 1 });
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitoring.sample' AND target_id = ${s.id}`);
    expect(audit!.n).toBe(1);
  });

  it('gives a product without a code a temporary product code (type 5) in the county sampled, with the class’s name', async () => {
    const photo = await upload(lab);
    const res = await lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { manual: { productName: '散装葡萄', classCode: '0504010101', subjectName: '路边摊贩', originRegion: '510117' }, placeKind: 'farmers_market', placeName: '圣城农贸市场', regionCode: '370783', photos: [photo] }));
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    samples.manual = s.id;
    expect(s.code).toMatch(/^5370783\d{13}$/);
    expect(s).toMatchObject({ codeType: 5, batchId: null, productName: '散装葡萄', classCode: '0504010101', classZh: '葡萄', subjectName: '路边摊贩', originRegion: '510117', chain: [], photos: [photo] });
    expect(s.sampleNo).toMatch(/^370783-\d{8}-0002$/);
    const [code] = await queryRows<{ type: number }>(t.database.db, sql`SELECT type FROM trace_codes WHERE code = ${s.code}`);
    expect(code!.type).toBe(5);
    expect((await recipientOf(taskId)).done).toBe(2);
  });

  it('writes one sample for a retried POST with the same Idempotency-Key, replaying the first answer', async () => {
    const headers = { 'idempotency-key': 'sample-retry-1' };
    const body = sampleBody(taskId, { code: chain.codes.K, placeKind: 'wholesale_market', placeName: '寿光农产品物流园', regionCode: '370783' });
    const first = await lab.post('/api/v1/monitoring/samples', body, headers);
    expect(first.statusCode, first.body).toBe(201);
    const [before] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM samples`);
    const again = await lab.post('/api/v1/monitoring/samples', body, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const [after] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM samples`);
    expect(after!.n).toBe(before!.n);
    expect((await recipientOf(taskId)).done).toBe(3);
  });

  it('refuses a place outside the task’s region scope, an unknown class, a photo not uploaded, a lone latitude, an unknown code', async () => {
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B, regionCode: '370784' })), 422, 'REGION_OUTSIDE_TASK_SCOPE');
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { manual: { productName: '葡萄', classCode: '9999' } })), 422, 'UNKNOWN_PRODUCT_CLASS');
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B, photos: ['00000000-0000-4000-8000-000000000000'] })), 400, 'SAMPLE_PHOTO_NOT_FOUND');
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B, lng: undefined })), 400, 'SAMPLE_POINT_INVALID');
    const mistyped = chain.codes.B.slice(0, -1) + ((Number(chain.codes.B.at(-1)) + 1) % 10);
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: mistyped })), 400, 'CODE_INVALID');
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B, manual: { productName: '葡萄', classCode: '0504010101' } })), 400, 'VALIDATION_FAILED');
  });

  it('refuses a supervision agency (no monitoring.sample) and a lab staff member not assigned, until assigned', async () => {
    await refusedQuietly(t, () => county.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B })), 403, 'FORBIDDEN');
    const created = await lab.post(`/api/v1/agencies/${agencyIdOf(lab)}/users`, { username: 'sg-lab-sampler', displayName: '抽样员小刘', password: 'Strong#Pass2026', role: 'staff' });
    expect(created.statusCode, created.body).toBe(201);
    const sampler = await t.login('sg-lab-sampler', 'Strong#Pass2026');
    expect((await sampler.post('/api/v1/auth/password', { currentPassword: 'Strong#Pass2026', newPassword: 'Changed#Pass2027' })).statusCode).toBe(204);
    const body = await refusedQuietly(t, () => sampler.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.A })), 403, 'NOT_ASSIGNED');
    expect(body.message.en).toContain('assigned');
    const assigned = await lab.post(`/api/v1/supervision/tasks/${taskId}/assign`, { userIds: [created.json().id] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const res = await sampler.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.A }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().samplerName).toBe('抽样员小刘');
  });

  it('refuses a notice (not a sampling task) even once accepted', async () => {
    const notice = await publishSamplingTask(county, agencyIdOf(lab), { kind: 'notice', dueOn: undefined });
    await accept(lab, notice.id);
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(notice.id, { code: chain.codes.B })), 409, 'NOT_A_SAMPLING_TASK');
  });
});

describe('the handover to the lab', () => {
  it('refuses agencies other than the lab that took it, then receives it once with who, when and the note', async () => {
    await refusedQuietly(t, () => county.post(`/api/v1/monitoring/samples/${samples.scanned}/receive`, {}), 403, 'FORBIDDEN');
    await refusedQuietly(t, () => cityLab.post(`/api/v1/monitoring/samples/${samples.scanned}/receive`, {}), 404, 'SAMPLE_NOT_FOUND');
    const res = await lab.post(`/api/v1/monitoring/samples/${samples.scanned}/receive`, { note: '封条完好，2 kg' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'received', receivedByName: expect.any(String), receivedNote: '封条完好，2 kg', receivedAt: expect.any(String) });
    await refusedQuietly(t, () => lab.post(`/api/v1/monitoring/samples/${samples.scanned}/receive`, {}), 409, 'SAMPLE_ALREADY_RECEIVED');
  });
});

describe('who reads samples', () => {
  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

  it('the lab lists its own, by task and status, a page at a time', async () => {
    const all = await lab.get(`/api/v1/monitoring/samples?taskId=${taskId}`);
    expect(all.statusCode, all.body).toBe(200);
    expect(ids(all)).toHaveLength(4);
    expect(all.json().items[0]).toMatchObject({ taskTitle: '11 月水果例行监测', status: expect.any(String) });
    expect(ids(await lab.get('/api/v1/monitoring/samples?status=received'))).toEqual([samples.scanned]);
    const first = (await lab.get('/api/v1/monitoring/samples?limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await lab.get(`/api/v1/monitoring/samples?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
  });

  it('the county (publisher and jurisdiction) and its enforcement agency read them; the producer’s county reads the one it produced', async () => {
    expect(ids(await county.get('/api/v1/monitoring/samples'))).toHaveLength(4);
    expect(ids(await law.get('/api/v1/monitoring/samples'))).toHaveLength(4);
    expect(ids(await sichuanCounty.get('/api/v1/monitoring/samples'))).toEqual([samples.manual]);
    expect((await sichuanCounty.get(`/api/v1/monitoring/samples/${samples.manual}`)).statusCode).toBe(200);
  });

  it('another lab, even of the same city, reads none', async () => {
    expect(ids(await cityLab.get('/api/v1/monitoring/samples'))).toEqual([]);
    await refusedQuietly(t, () => cityLab.get(`/api/v1/monitoring/samples/${samples.scanned}`), 404, 'SAMPLE_NOT_FOUND');
    await refusedQuietly(t, () => sichuanCounty.get(`/api/v1/monitoring/samples/${samples.scanned}`), 404, 'SAMPLE_NOT_FOUND');
  });

  it('prints the sampling sheet as a PDF for whoever reads the sample', async () => {
    const res = await lab.get(`/api/v1/monitoring/samples/${samples.scanned}/sheet.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await cityLab.get(`/api/v1/monitoring/samples/${samples.scanned}/sheet.pdf`)).statusCode).toBe(404);
  });
});

describe('a sampling sheet an enforcement agency commissioned for its case', () => {
  it('is sampled under like any task once the lab accepts it', async () => {
    const subjectId = await demoSubjectId(county);
    const opened = await law.post('/api/v1/enforcement/cases', { subjectId, title: '涉嫌超限量使用农药', summary: '群众举报' });
    expect(opened.statusCode, opened.body).toBe(201);
    const commissioned = await law.post(`/api/v1/enforcement/cases/${opened.json().id}/commissions`, { kind: 'supervisory_sampling', testingAgencyId: agencyIdOf(lab), title: '委托监督抽查', content: '抽检该社葡萄', dueOn: '2026-12-31' });
    expect(commissioned.statusCode, commissioned.body).toBe(200);
    const commissionedTask = commissioned.json().commissions[0].taskId as string;
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(commissionedTask, { code: chain.codes.A })), 409, 'TASK_NOT_ACCEPTED');
    await accept(lab, commissionedTask);
    const res = await lab.post('/api/v1/monitoring/samples', sampleBody(commissionedTask, { code: chain.codes.A }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ taskKind: 'supervisory_sampling', taskTitle: '委托监督抽查', code: chain.codes.A, codeType: 1 });
    // Samplers working side by side draw distinct numbers.
    const side = await Promise.all([1, 2, 3].map(() => lab.post('/api/v1/monitoring/samples', sampleBody(commissionedTask, { code: chain.codes.A }))));
    expect(side.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set([res, ...side].map((r) => r.json().sampleNo)).size).toBe(4);
    expect((await law.get(`/api/v1/monitoring/samples?taskId=${commissionedTask}`)).json().items).toHaveLength(4);
  });
});

describe('once the task is reported', () => {
  it('refuses more samples (409 TASK_NOT_OPEN)', async () => {
    const reported = await lab.post(`/api/v1/supervision/tasks/${taskId}/report`, { report: '已完成抽样' });
    expect(reported.statusCode, reported.body).toBe(200);
    await refusedQuietly(t, () => lab.post('/api/v1/monitoring/samples', sampleBody(taskId, { code: chain.codes.B })), 409, 'TASK_NOT_OPEN');
  });
});

async function upload(who: Client): Promise<string> {
  const body = multipart(PNG, 'sample.png', 'image/png');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/supervision/photos', payload: body.payload, headers: { ...body.headers, cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().fileId;
}
