import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { FIRST_PASSWORD as PASSWORD, fisheryBureau } from '../../../test/departments.js';
import { farmerApplication, residentId, uploadPhoto, uscc } from '../../../test/subjects.js';
import { queryRows } from '../../platform/db/rows.js';

// Departments (issue 21 §3): 寿光市 gets a 渔业 bureau beside its 农业农村局 (sg-admin); a fish farm's application goes
// to the fishery bureau, which approves it; a vegetable farmer's still goes to sg-admin, as before.

let t: TestApp;
let city: Client;
let county: Client;
let fishery: Client;

const fishFarm = async (seq: number, overrides: Record<string, unknown> = {}) =>
  farmerApplication(seq, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) }, { industries: ['fishery'], scaleUnit: 'water_mu', outputUnit: 'tonne', ...overrides });
const apply = async (body: Record<string, unknown>) => {
  const res = await t.anonymous.post('/api/v1/registry/applications', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; trackingCode: string }>();
};
const inbox = async (c: Client) => (await c.get('/api/v1/registry/applications?status=pending')).json<{ items: { id: string }[] }>().items.map((a) => a.id);

beforeAll(async () => {
  t = await createTestApp();
  city = await t.login('wf-admin');
  county = await t.login('sg-admin');
  const bureau = await fisheryBureau(t);
  expect(bureau.agency).toMatchObject({ department: 'fishery', industries: ['fishery'] });
  fishery = bureau.fishery;
});
afterAll(async () => t?.close());

describe('supervision agencies by department', () => {
  it('one per level, region and department: a second fishery bureau or agriculture bureau of 寿光 is refused', async () => {
    const again = (department: string, username: string) =>
      city.post('/api/v1/agencies', { name: `寿光市${username}`, kind: 'supervision', level: 'county', regionCode: '370783', department, account: { username, displayName: '管理员', password: PASSWORD } });
    expect(expectError(await again('fishery', 'sg-fish-2'), 409, 'AGENCY_EXISTS').message.zh).toBe('该区划已有同级同部门的监管机构');
    expect(expectError(await again('agriculture', 'sg-agri-2'), 409, 'AGENCY_EXISTS').message.zh).toBe('该区划已有同级监管机构');
    const lab = await city.post('/api/v1/agencies', { name: '潍坊渔业检测', kind: 'testing', level: 'city', regionCode: '3707', department: 'fishery', account: { username: 'wf-fish-lab', displayName: '管理员', password: PASSWORD } });
    expectError(lab, 400, 'DEPARTMENT_FOR_SUPERVISION');
    const general = await city.post('/api/v1/agencies', { name: '寒亭区农业农村局', kind: 'supervision', level: 'county', regionCode: '370703', industries: ['planting'], account: { username: 'ht-admin', displayName: '管理员', password: PASSWORD } });
    expectError(general, 400, 'INDUSTRIES_FOR_DEPARTMENT');
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM users WHERE username IN ('sg-fish-2', 'sg-agri-2', 'wf-fish-lab', 'ht-admin')`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('a fish farm’s application goes to the fishery bureau, which approves it; the agriculture bureau does not see it', async () => {
    const fish = await apply(await fishFarm(501));
    const veg = await apply(farmerApplication(502, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) }));
    expect(await inbox(fishery)).toEqual([fish.id]);
    const general = await inbox(county);
    expect(general).toContain(veg.id);
    expect(general).not.toContain(fish.id);
    expectError(await county.post(`/api/v1/registry/applications/${fish.id}/approve`, {}), 404, 'APPLICATION_NOT_FOUND');
    expectError(await fishery.post(`/api/v1/registry/applications/${veg.id}/approve`, {}), 404, 'APPLICATION_NOT_FOUND');
    const approved = await fishery.post(`/api/v1/registry/applications/${fish.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const [row] = await queryRows<{ department: string }>(t.database.db, sql`SELECT department FROM subjects WHERE id = ${approved.json().subjectId}::uuid`);
    expect(row!.department).toBe('fishery');
    expect((await county.post(`/api/v1/registry/applications/${veg.id}/approve`, {})).statusCode).toBe(200);
  });

  it('a mixed producer (vegetables and fish) stays with the general bureau, which answers for the whole county', async () => {
    const mixed = await apply(await fishFarm(503, { industries: ['planting', 'fishery'], scaleUnit: 'mu' }));
    expect(await inbox(county)).toContain(mixed.id);
    expect(await inbox(fishery)).not.toContain(mixed.id);
  });
});

describe('a company’s legal representative’s identity', () => {
  const company = async (seq: number, overrides: Record<string, unknown> = {}) =>
    farmerApplication(seq, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) }, {
      orgForm: 0,
      idKind: 'uscc',
      idNumber: uscc(seq),
      name: `测试公司${seq}`,
      photos: [{ kind: 'licence', fileId: await uploadPhoto(t.app) }],
      ...overrides,
    });

  it('is stored encrypted, shown masked to the applicant and in full to the approving county, and kept on the subject masked', async () => {
    const repId = residentId(601);
    const body = await company(601, { legalRepIdNumber: repId });
    const created = await apply(body);
    const stored = JSON.stringify(await queryRows(t.database.db, sql`SELECT * FROM subject_applications WHERE id = ${created.id}::uuid`));
    expect(stored).not.toContain(repId);
    const tracked = (await t.anonymous.get(`/api/v1/registry/applications/track/${created.trackingCode}`)).json();
    expect(tracked.profile.legalRepIdNumber).toBe(`${repId.slice(0, 4)}${'*'.repeat(10)}${repId.slice(-4)}`);
    expect((await county.get(`/api/v1/registry/applications/${created.id}`)).json().profile.legalRepIdNumber).toBe(repId);
    const approved = await county.post(`/api/v1/registry/applications/${created.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const subject = (await county.get(`/api/v1/registry/subjects/${approved.json().subjectId}`)).json();
    expect(subject.profile.legalRepIdNumber).toBe(`${repId.slice(0, 4)}${'*'.repeat(10)}${repId.slice(-4)}`);
    const [row] = await queryRows<{ legal_rep_id_enc: string; legal_rep_id_shown: string }>(t.database.db, sql`SELECT legal_rep_id_enc, legal_rep_id_shown FROM subjects WHERE id = ${approved.json().subjectId}::uuid`);
    expect(row!.legal_rep_id_enc).not.toContain(repId);
    expect(row!.legal_rep_id_shown).toBe(`${repId.slice(0, 4)}${'*'.repeat(10)}${repId.slice(-4)}`);
  });

  it('refuses a wrong check character or a person’s application giving one, writing nothing', async () => {
    const wrong = residentId(602).slice(0, 17) + (residentId(602).endsWith('0') ? '1' : '0');
    const bad = expectError(await t.anonymous.post('/api/v1/registry/applications', await company(602, { legalRepIdNumber: wrong })), 400, 'IDENTITY_CHECK_CHARACTER');
    expect(bad.message.zh).toContain('校验位错误');
    expectError(await t.anonymous.post('/api/v1/registry/applications', await fishFarm(603, { legalRepIdNumber: residentId(604) })), 400, 'LEGAL_REP_ID_FOR_ORGANISATION');
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM subject_applications WHERE username IN ('farmer602', 'farmer603')`)) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe('the public identity check', () => {
  it('says whether a number is well formed, with the reason in Chinese and English, registering nothing', async () => {
    const check = (idKind: string, idNumber: string) => t.anonymous.post('/api/v1/public/identity-check', { idKind, idNumber });
    expect((await check('uscc', uscc(700))).json()).toEqual({ valid: true, problem: null, message: null });
    expect((await check('resident_id', residentId(700))).json()).toEqual({ valid: true, problem: null, message: null });
    const wrong = await check('uscc', uscc(700).slice(0, 17) + (uscc(700).endsWith('0') ? '1' : '0'));
    expect(wrong.json()).toMatchObject({ valid: false, problem: 'IDENTITY_CHECK_CHARACTER', message: { zh: '统一社会信用代码校验位错误，请核对是否输错' } });
    expect((await check('resident_id', '370783199913450011')).json().problem).toBe('IDENTITY_BIRTH_DATE');
    expectError(await check('passport', 'E12345678'), 400, 'VALIDATION_FAILED');
  });
});
