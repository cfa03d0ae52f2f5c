import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { refused, tableCounts } from '../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { multipart, PNG } from '../../../test/subjects.js';
import { rowsMatchTotal } from '../../../test/list-totals.js';
import { agencyIdOf, loginAll, answers, demoSubjectId, PLANTING_KEYS, refusedHere, temporarySubject } from '../../../test/supervision.js';
import type { AgencyActor } from '../../platform/auth/actor.js';
import { todayInChina } from '../../platform/china-time.js';
import { inspectionsInPeriod } from './inspection.queries.js';
import { markOverdueRectifications } from './rectification.overdue.js';
import { inspectionsWorkbook } from './supervision.sheets.js';

// 基地巡查 by the township station of 化龙镇 (sg-hl-user): checklist, photo, findings, rectification, transfer.

let t: TestApp;
let county: Client;
let station: Client;
let law: Client;
let province: Client;
let sichuanCounty: Client;
let subjectId: string;

beforeAll(async () => {
  t = await createTestApp();
  [county, station, law, province, sichuanCounty] = await loginAll(t, ['sg-admin', 'sg-hl-user', 'sg-law-admin', 'sd-admin', 'pd-admin'] as const);
  subjectId = await demoSubjectId(county);
});
afterAll(async () => t?.close());

function upload(who: Client, bytes: Buffer, filename: string) {
  const body = multipart(bytes, filename, 'image/png');
  return t.app.inject({ method: 'POST', url: '/api/v1/supervision/photos', payload: body.payload, headers: { ...body.headers, cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
}

function put(who: Client, url: string, body: object) {
  return t.app.inject({ method: 'PUT', url, payload: body, headers: { 'content-type': 'application/json', cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
}

async function photo(who: Client = station): Promise<string> {
  const res = await upload(who, PNG, 'field.png');
  expect(res.statusCode, res.body).toBe(201);
  return res.json().fileId;
}

const inspection = (overrides: Record<string, unknown> = {}) => ({ subjectId, industry: 'planting', answers: answers(), conclusion: 'compliant', lat: 36.88, lng: 118.74, noPhotoReason: '相机故障，未能拍照', ...overrides });
const inFuture = (days: number) => todayInChina(Date.now() + days * 86_400_000);

describe('what the inspector sees of the subject', () => {
  it('its products and latest batches, for officials of its jurisdiction only', async () => {
    const coop = await t.login('sg-coop');
    await coop.post('/api/v1/trace/products', { name: '巡查番茄', classCode: '04', spec: '散装', unit: 'kg' });
    const records = await station.get(`/api/v1/trace/subjects/${subjectId}/records`);
    expect(records.statusCode, records.body).toBe(200);
    expect(records.json().products.map((p: { name: string }) => p.name)).toContain('巡查番茄');
    expect(records.json().recentBatches).toEqual(expect.any(Array));
    const elsewhere = await sichuanCounty.get(`/api/v1/trace/subjects/${subjectId}/records`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().code).toBe('SUBJECT_NOT_FOUND');
  });
});

describe('checklists', () => {
  it('give the national template by industry until the province writes its own', async () => {
    const national = (await station.get('/api/v1/supervision/checklists?industry=planting')).json();
    expect(national).toMatchObject({ provinceCode: null, version: 0 });
    expect(national.items.map((i: { key: string }) => i.key)).toEqual(PLANTING_KEYS);
    const items = [{ key: 'records', zh: '生产记录', en: 'Records' }];
    const saved = await put(province, '/api/v1/supervision/checklists/fishery', { items });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await station.get('/api/v1/supervision/checklists?industry=fishery')).json()).toMatchObject({ provinceCode: '37', version: 1, items });
    expect((await sichuanCounty.get('/api/v1/supervision/checklists?industry=fishery')).json().provinceCode).toBeNull();
    await refusedHere(t, () => put(county, '/api/v1/supervision/checklists/fishery', { items }), 403, 'FORBIDDEN');
  });
});

describe('inspections', () => {
  it('records a compliant inspection with a photo and the GPS point; the subject’s past inspections list it', async () => {
    const photoId = await photo();
    const res = await station.post('/api/v1/supervision/inspections', inspection({ photos: [photoId] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ subjectId, conclusion: 'compliant', rectification: 'none', photos: [photoId], lat: 36.88, agencyName: expect.stringContaining('化龙') });
    expect(res.json().checklist[0]).toMatchObject({ key: 'production_records', zh: '生产记录完整', result: 'pass' });
    const past = (await county.get(`/api/v1/supervision/inspections?subjectId=${subjectId}`)).json();
    expect(past.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    const image = await county.get(`/api/v1/supervision/photos/${photoId}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await sichuanCounty.get(`/api/v1/supervision/photos/${photoId}`)).statusCode).toBe(404);
  });

  it('refuses a photo that is not an image, and writes nothing (no file, no row)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await refusedHere(t, () => upload(station, pdf, 'photo.png'), 415, 'FILE_TYPE_NOT_ALLOWED');
    await refusedHere(t, () => upload(station, Buffer.from('just text, named like a photo'), 'photo.jpg'), 415, 'FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses an inspection of a subject outside the inspector’s jurisdiction, and writes nothing', async () => {
    const elsewhere = await temporarySubject(county, '370783001', '圣城街道临时农户');
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ subjectId: elsewhere })), 403, 'SUBJECT_OUT_OF_JURISDICTION');
    const sichuan = await temporarySubject(sichuanCounty, '510117104', '唐昌镇临时农户');
    await refusedHere(t, () => county.post('/api/v1/supervision/inspections', inspection({ subjectId: sichuan })), 403, 'SUBJECT_OUT_OF_JURISDICTION');
  });

  it('refuses a checklist that does not match the template, a photo never uploaded, and a past rectification date', async () => {
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ answers: [...answers(), { key: 'old_item', result: 'pass' }] })), 400, 'CHECKLIST_MISMATCH');
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ photos: ['00000000-0000-4000-8000-000000000001'] })), 400, 'PHOTO_NOT_FOUND');
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', findings: '问题', rectifyBy: '2020-01-01' })), 400, 'RECTIFY_DATE_INVALID');
    await refusedHere(t, () => law.post('/api/v1/supervision/inspections', inspection()), 403, 'FORBIDDEN');
  });

  it('records an unregistered producer first (temporary code), then inspects it', async () => {
    const temp = await temporarySubject(station, '370783100', '化龙镇路边菜农');
    const res = await station.post('/api/v1/supervision/inspections', inspection({ subjectId: temp, conclusion: 'problem', answers: answers(['production_records']), findings: '无生产记录' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().subjectName).toBe('化龙镇路边菜农');
  });

  it('gives a problem a rectification deadline, closed by a compliant follow-up', async () => {
    const first = (await station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['safety_interval']), findings: '未执行安全间隔期', rectifyBy: inFuture(15) }))).json();
    expect(first).toMatchObject({ rectification: 'pending', rectifyBy: inFuture(15) });
    const followUp = await station.post('/api/v1/supervision/inspections', inspection({ followUpOf: first.id }));
    expect(followUp.statusCode, followUp.body).toBe(201);
    expect((await station.get(`/api/v1/supervision/inspections/${first.id}`)).json().rectification).toBe('done');
    const [audit] = await queryRows<{ after: { followUpOf: string; rectified: boolean } }>(t.database.db, sql`SELECT after FROM audit_log WHERE action = 'supervision.inspect' AND target_id = ${followUp.json().id}`);
    expect(audit!.after).toMatchObject({ followUpOf: first.id, rectified: true });
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ followUpOf: first.id })), 409, 'FOLLOW_UP_INVALID');
  });

  it('counts an inspection for a task the station accepted', async () => {
    const task = (
      await county.post('/api/v1/supervision/tasks', { kind: 'base_inspection', title: '巡查任务', content: '巡查', startsOn: '2026-11-01', dueOn: inFuture(30), recipients: [{ agencyId: agencyIdOf(station), quota: 5 }] })
    ).json();
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ taskId: task.id })), 409, 'TASK_STATUS_CONFLICT');
    await station.post(`/api/v1/supervision/tasks/${task.id}/accept`, {});
    const res = await station.post('/api/v1/supervision/inspections', inspection({ taskId: task.id }));
    expect(res.json().taskId).toBe(task.id);
    expect((await county.get(`/api/v1/supervision/tasks/${task.id}`)).json().recipients[0]).toMatchObject({ status: 'in_progress', done: 1 });
    const [audit] = await queryRows<{ after: { taskId: string } }>(t.database.db, sql`SELECT after FROM audit_log WHERE action = 'supervision.inspect' AND target_id = ${res.json().id}`);
    expect(audit!.after.taskId).toBe(task.id);
  });
});

describe('review fixes', () => {
  it('refuses counting an inspection for a task that is not a base inspection (a notice), and writes nothing', async () => {
    const notice = (await county.post('/api/v1/supervision/tasks', { kind: 'notice', title: '通知', content: '春季巡查通知', startsOn: '2026-11-01', recipients: [{ agencyId: agencyIdOf(station) }] })).json();
    expect((await station.post(`/api/v1/supervision/tasks/${notice.id}/accept`, {})).statusCode).toBe(200);
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ taskId: notice.id })), 409, 'TASK_NOT_AN_INSPECTION');
  });

  it('lets a recipient station read the photo attached to a task sent to it; an agency elsewhere still cannot', async () => {
    const attached = await photo(county);
    const task = (
      await county.post('/api/v1/supervision/tasks', { kind: 'base_inspection', title: '附图任务', content: '见附图', startsOn: '2026-11-01', dueOn: inFuture(30), attachments: [attached], recipients: [{ agencyId: agencyIdOf(station) }] })
    ).json();
    expect(task.attachments.map((a: { id: string }) => a.id)).toEqual([attached]);
    const seen = await station.get(`/api/v1/supervision/photos/${attached}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.headers['content-type']).toBe('image/png');
    expect((await sichuanCounty.get(`/api/v1/supervision/photos/${attached}`)).statusCode).toBe(404);
  });

  it('refuses a GPS point outside China, and writes nothing', async () => {
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ lat: 0, lng: 0 })), 400, 'POINT_OUTSIDE_CHINA');
  });

  it('answers two transfers of one inspection sent at once with one transfer and ALREADY_TRANSFERRED', async () => {
    const found = (await station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['banned_inputs']), findings: '同时移交' }))).json();
    const send = () => station.post(`/api/v1/supervision/inspections/${found.id}/transfer`, { toAgencyId: agencyIdOf(law), reason: '涉嫌使用禁用农药' });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('ALREADY_TRANSFERRED');
  });
});

describe('transfers to enforcement', () => {
  it('sends a problem with its evidence to the county enforcement agency, once; the agency sees it in its inbox', async () => {
    const found = (await station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['banned_inputs']), findings: '发现禁用农药包装', photos: [await photo()] }))).json();
    const options = (await station.get(`/api/v1/supervision/inspections/${found.id}/transfer-options`)).json().items;
    expect(options[0]).toMatchObject({ id: agencyIdOf(law), kind: 'enforcement', level: 'county' });
    expect(options.map((o: { level: string }) => o.level)).toEqual(['county', 'city', 'province']);
    const res = await station.post(`/api/v1/supervision/inspections/${found.id}/transfer`, { toAgencyId: agencyIdOf(law), reason: '涉嫌使用禁用农药' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().transfer).toMatchObject({ toAgencyId: agencyIdOf(law), status: 'pending' });
    const inbox = (await law.get('/api/v1/supervision/transfers?status=pending')).json();
    expect(inbox.items[0]).toMatchObject({ inspectionId: found.id, reason: '涉嫌使用禁用农药', findings: '发现禁用农药包装', fromAgencyName: expect.stringContaining('化龙') });
    expect((await law.get(`/api/v1/supervision/photos/${found.photos[0]}`)).statusCode).toBe(200);
    await refusedHere(t, () => station.post(`/api/v1/supervision/inspections/${found.id}/transfer`, { toAgencyId: agencyIdOf(law), reason: '再次移交' }), 409, 'ALREADY_TRANSFERRED');
  });

  it('lists the transfers of a region and period (what the 待受理移交 figures count), each list with its total', async () => {
    const problem = async (findings: string) => (await station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['banned_inputs']), findings }))).json();
    const toCounty = await problem('移交县执法');
    const toProvince = await problem('移交省执法');
    const options = (await station.get(`/api/v1/supervision/inspections/${toProvince.id}/transfer-options`)).json().items as { id: string; level: string }[];
    const provinceLaw = options.find((o) => o.level === 'province')!.id;
    expect((await station.post(`/api/v1/supervision/inspections/${toCounty.id}/transfer`, { toAgencyId: agencyIdOf(law), reason: '移交县队' })).statusCode).toBe(200);
    expect((await station.post(`/api/v1/supervision/inspections/${toProvince.id}/transfer`, { toAgencyId: provinceLaw, reason: '移交省队' })).statusCode).toBe(200);

    const inbox = await rowsMatchTotal<{ inspectionId: string; toAgencyId: string }>(law, '/api/v1/supervision/transfers?status=pending');
    expect(inbox.map((r) => r.inspectionId)).toContain(toCounty.id);
    expect(inbox.map((r) => r.inspectionId)).not.toContain(toProvince.id);
    expect(inbox.every((r) => r.toAgencyId === agencyIdOf(law))).toBe(true);
    // The county's jurisdiction: also the one sent to the province, named, as the figures count it.
    const all = await rowsMatchTotal<{ inspectionId: string; toAgencyName: string; regionCode: string }>(law, '/api/v1/supervision/transfers?status=pending&box=jurisdiction');
    expect(all.map((r) => r.inspectionId)).toEqual(expect.arrayContaining([toCounty.id, toProvince.id]));
    expect(all.find((r) => r.inspectionId === toProvince.id)!.toAgencyName).not.toBe('');
    expect(all.length).toBeGreaterThan(inbox.length);
    const today = todayInChina();
    const region = all[0]!.regionCode;
    const narrowed = await rowsMatchTotal<{ regionCode: string }>(law, `/api/v1/supervision/transfers?status=pending&box=jurisdiction&region=${region}&from=${today}&to=${today}`);
    expect(narrowed.length).toBeGreaterThanOrEqual(2);
    expect(narrowed.every((r) => r.regionCode.startsWith(region))).toBe(true);
    expect(await rowsMatchTotal(law, `/api/v1/supervision/transfers?box=jurisdiction&from=${inFuture(1)}`)).toEqual([]);
    // What the figure counts (pending transfers filed under the region, whoever received them) is the list's total.
    const [figure] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM supervision_transfers WHERE status = 'pending' AND region_code LIKE ${`${region}%`}`);
    expect((await rowsMatchTotal(law, `/api/v1/supervision/transfers?status=pending&box=jurisdiction&region=${region}`)).length).toBe(figure!.n);
    // Another province's enforcement agency: none of them, in its box or its jurisdiction, nor by naming the region.
    const sichuanLaw = await t.login('pd-law-admin');
    for (const url of ['/api/v1/supervision/transfers?box=jurisdiction', `/api/v1/supervision/transfers?box=jurisdiction&region=${region}`, '/api/v1/supervision/transfers']) {
      const theirs = await rowsMatchTotal<{ inspectionId: string }>(sichuanLaw, url);
      expect(theirs.map((r) => r.inspectionId)).not.toContain(toCounty.id);
      expect(theirs.map((r) => r.inspectionId)).not.toContain(toProvince.id);
    }
  });

  it('refuses transferring a compliant inspection, or to an agency that is not enforcement over the subject', async () => {
    const ok = (await station.post('/api/v1/supervision/inspections', inspection())).json();
    await refusedHere(t, () => station.post(`/api/v1/supervision/inspections/${ok.id}/transfer`, { toAgencyId: agencyIdOf(law), reason: '移交' }), 409, 'TRANSFER_NEEDS_PROBLEM');
    const bad = (await station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['trace_codes']), findings: '未赋追溯码' }))).json();
    await refusedHere(t, () => station.post(`/api/v1/supervision/inspections/${bad.id}/transfer`, { toAgencyId: agencyIdOf(county), reason: '移交' }), 422, 'TRANSFER_TARGET_INVALID');
    const sichuanLaw = await t.login('pd-law-admin');
    await refusedHere(t, () => station.post(`/api/v1/supervision/inspections/${bad.id}/transfer`, { toAgencyId: agencyIdOf(sichuanLaw), reason: '移交' }), 422, 'TRANSFER_TARGET_INVALID');
  });
});

describe('export', () => {
  it('says so in the workbook when the period holds more inspections than an export takes', async () => {
    const today = todayInChina();
    const actor = { jurisdiction: '370783' } as unknown as AgencyActor;
    const { rows, cut } = await inspectionsInPeriod(t.database.db, actor, today, today, 1);
    expect(rows).toHaveLength(1);
    expect(cut).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await inspectionsWorkbook(rows, { from: today, to: today }, cut)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['注意 notice', `巡查 ${today}~${today}`, '检查项']);
    expect(JSON.stringify(wb.worksheets[0]!.getSheetValues())).toContain('只导出了最新的 1 条');
    expect((await inspectionsInPeriod(t.database.db, actor, today, today)).cut).toBe(false);
  });

  it('writes the inspections of a period of the jurisdiction, with each checklist answer', async () => {
    const today = todayInChina();
    const res = await county.get(`/api/v1/supervision/inspections.xlsx?from=${today}&to=${today}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const [list, items] = wb.worksheets;
    expect(list!.rowCount).toBeGreaterThan(5);
    expect(JSON.stringify(list!.getSheetValues())).toContain('发现禁用农药包装');
    expect(items!.rowCount).toBeGreaterThan(list!.rowCount);
    expect((await sichuanCounty.get(`/api/v1/supervision/inspections.xlsx?from=${today}&to=${today}`)).statusCode).toBe(200);
    const other = (await sichuanCounty.get(`/api/v1/supervision/inspections?limit=5`)).json();
    expect(other.items).toEqual([]);
    await refusedHere(t, () => county.get(`/api/v1/supervision/inspections.xlsx?from=2026-12-01&to=2026-11-01`), 400, 'PERIOD_INVALID');
  });
});

describe('second review', () => {
  it('records an unregistered producer with its kind, industry and products, kept as the subject’s own products', async () => {
    const body = { category: 0, orgForm: 2, name: '化龙镇养殖户', industries: ['livestock'], regionCode: '370783100', products: [{ name: '生猪', classCode: '04' }, { name: '鸡蛋', classCode: '04' }] };
    await refused(t, () => station.post('/api/v1/registry/temporary-subjects', { ...body, products: [{ name: '生猪', classCode: '999999' }] }), 404, 'PRODUCT_CLASS_NOT_FOUND');
    const before = await tableCounts(t, ['subjects', 'products']);
    const res = await station.post('/api/v1/registry/temporary-subjects', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(await tableCounts(t, ['subjects', 'products'])).toEqual({ subjects: before.subjects! + 1, products: before.products! + 2 });
    const detail = (await county.get(`/api/v1/registry/subjects/${res.json().id}`)).json();
    expect(detail).toMatchObject({ status: 'temporary', orgForm: 2, industries: ['livestock'] });
    const records = (await station.get(`/api/v1/trace/subjects/${res.json().id}/records`)).json();
    expect(records.products.map((p: { name: string }) => p.name).sort()).toEqual(['生猪', '鸡蛋'].sort());
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM products WHERE subject_id = ${res.json().id} AND class_code = '04'`);
    expect(row!.n).toBe(2);
  });

  it('marks a rectification overdue once its deadline passed without a compliant follow-up; the list shows it', async () => {
    const problem = (days: number) => station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['storage_hygiene']), findings: '仓储不洁', rectifyBy: inFuture(days) }));
    const [late, onTime] = [(await problem(3)).json(), (await problem(10)).json()];
    expect(await markOverdueRectifications(t.database.db, inFuture(4))).toBeGreaterThanOrEqual(1);
    expect(await markOverdueRectifications(t.database.db, inFuture(4))).toBe(0);
    expect((await station.get(`/api/v1/supervision/inspections/${late.id}`)).json().rectification).toBe('overdue');
    expect((await station.get(`/api/v1/supervision/inspections/${onTime.id}`)).json().rectification).toBe('pending');
    const overdue = (await county.get('/api/v1/supervision/inspections?rectification=overdue')).json().items.map((i: { id: string }) => i.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(onTime.id);
    // Late work is still taken: a compliant follow-up ends it.
    expect((await station.post('/api/v1/supervision/inspections', inspection({ followUpOf: late.id }))).statusCode).toBe(201);
    expect((await station.get(`/api/v1/supervision/inspections/${late.id}`)).json().rectification).toBe('done');
  });

  it('refuses counting for a task an inspection of a subject outside the task’s region scope, and writes nothing', async () => {
    const city = await t.login('wf-admin');
    const task = (
      await city.post('/api/v1/supervision/tasks', { kind: 'base_inspection', title: '化龙镇巡查', content: '巡查', regionScope: '370783100', startsOn: '2026-11-01', dueOn: inFuture(30), recipients: [{ agencyId: agencyIdOf(county), quota: 3 }] })
    ).json();
    expect((await county.post(`/api/v1/supervision/tasks/${task.id}/accept`, {})).statusCode).toBe(200);
    const outside = await temporarySubject(county, '370783001', '圣城街道巡查对象');
    await refusedHere(t, () => county.post('/api/v1/supervision/inspections', inspection({ subjectId: outside, taskId: task.id })), 422, 'SUBJECT_OUTSIDE_TASK_SCOPE');
    const inside = await county.post('/api/v1/supervision/inspections', inspection({ taskId: task.id }));
    expect(inside.statusCode, inside.body).toBe(201);
    expect((await city.get(`/api/v1/supervision/tasks/${task.id}`)).json().recipients[0]).toMatchObject({ done: 1 });
  });
});

describe('an inspection is done before it is recorded (issue 15 §2)', () => {
  it('refuses a checklist with items left unanswered, naming them, and writes nothing', async () => {
    const unanswered = await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ answers: answers().slice(2) })), 422, 'CHECKLIST_UNANSWERED');
    expect(unanswered.message.zh).toContain('生产记录完整');
    expect(unanswered.message.zh).toContain('投入品购买与使用记录完整');
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ answers: [] })), 422, 'CHECKLIST_UNANSWERED');
  });

  it('refuses an inspection without a photo or without the GPS point unless a reason is given', async () => {
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ noPhotoReason: undefined })), 422, 'PHOTO_REQUIRED');
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ lat: undefined, lng: undefined })), 422, 'POINT_REQUIRED');
    const res = await station.post('/api/v1/supervision/inspections', inspection({ lat: undefined, lng: undefined, noPointReason: '山区无定位信号' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lat: null, noPointReason: '山区无定位信号', photos: [], noPhotoReason: '相机故障，未能拍照' });
    const withPhoto = (await station.post('/api/v1/supervision/inspections', inspection({ photos: [await photo()], noPhotoReason: undefined }))).json();
    expect(withPhoto.noPhotoReason).toBeNull();
  });

  it('lets the conclusion follow the answers: a 不符合 item concludes 合格 only with a note; a problem says what it is', async () => {
    const contradicted = await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ answers: answers(['banned_inputs']) })), 422, 'CONCLUSION_CONTRADICTS_ANSWERS');
    expect(contradicted.message.zh).toContain('未发现禁用、停用投入品');
    await refusedHere(t, () => station.post('/api/v1/supervision/inspections', inspection({ conclusion: 'problem', answers: answers(['banned_inputs']) })), 422, 'FINDINGS_REQUIRED');
    const explained = await station.post('/api/v1/supervision/inspections', inspection({ answers: answers(['banned_inputs']), findings: '包装为上季残留，已当场清理' }));
    expect(explained.statusCode, explained.body).toBe(201);
    expect(explained.json()).toMatchObject({ conclusion: 'compliant', findings: '包装为上季残留，已当场清理' });
  });

  it('a database check refuses a row with neither photo nor reason, written past the service', async () => {
    const insert = () =>
      t.database.db.execute(
        sql`INSERT INTO inspections (subject_id, subject_name, region_code, agency_id, inspector_id, inspector_name, industry, checklist, lat, lng, conclusion) VALUES (${subjectId}, 'x', '370783100', ${agencyIdOf(station)}, ${station.me!.user.id}, 'x', 'planting', '[]'::jsonb, 36.8, 118.7, 'compliant')`,
      );
    await expect(insert()).rejects.toThrow();
  });

  it('counts distinct subjects toward a task: a second inspection of the same subject adds nothing', async () => {
    const task = (
      await county.post('/api/v1/supervision/tasks', { kind: 'base_inspection', title: '巡查计数', content: '巡查', startsOn: '2026-11-01', dueOn: inFuture(30), recipients: [{ agencyId: agencyIdOf(station), quota: 5 }] })
    ).json();
    await station.post(`/api/v1/supervision/tasks/${task.id}/accept`, {});
    const other = await temporarySubject(station, '370783100', '化龙镇计数农户');
    for (const body of [inspection({ taskId: task.id }), inspection({ taskId: task.id }), inspection({ taskId: task.id, subjectId: other })]) {
      const res = await station.post('/api/v1/supervision/inspections', body);
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await county.get(`/api/v1/supervision/tasks/${task.id}`)).json().recipients[0]).toMatchObject({ done: 2, quota: 5 });
  });
});
