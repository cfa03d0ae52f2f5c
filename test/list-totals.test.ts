import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { rowsMatchTotal } from './list-totals.js';
import { agencyIdOf, demoSubjectId, loginAll } from './supervision.js';
import { todayInChina } from '../src/platform/china-time.js';

// Issue 16 §1, "every list in the console shows its total": each cursor list's first page carries the count of its
// filter (list-total.ts), equal to the rows read page by page, within the reader's jurisdiction only. The lists with
// tests of their own (batches, trades, subjects, inspections, samples, alerts, cases, audit, users, transfers) are
// not repeated here.

let t: TestApp;
let coop: Client; // 寿光市 producer
let county: Client; // 寿光市 supervision
let province: Client; // 山东省 supervision
let sichuan: Client; // 郫都区 supervision (another province)
let ops: Client;
let subjectId: string;

beforeAll(async () => {
  t = await createTestApp();
  [coop, county, province, sichuan, ops] = await loginAll(t, ['sg-coop', 'sg-admin', 'sd-admin', 'pd-admin', 'ops-admin'] as const);
  subjectId = await demoSubjectId(county);
  for (const name of ['总数番茄', '总数黄瓜', '总数茄子']) expect((await coop.post('/api/v1/trace/products', { name, classCode: '04', spec: '散装', unit: 'kg' })).statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('trace: a producer’s products and bases, and its file for officials', () => {
  it('counts what the rows are, for the producer and its county; another province sees no file', async () => {
    const mine = await rowsMatchTotal<{ name: string }>(coop, '/api/v1/trace/products');
    expect(mine.map((p) => p.name)).toEqual(expect.arrayContaining(['总数番茄', '总数黄瓜', '总数茄子']));
    await rowsMatchTotal(coop, '/api/v1/trace/bases');
    const coopId = (await coop.get('/api/v1/registry/my-subject')).json().id as string;
    expect((await rowsMatchTotal(county, `/api/v1/trace/subjects/${coopId}/products`)).length).toBe(mine.length);
    await rowsMatchTotal(county, `/api/v1/trace/subjects/${coopId}/bases`);
    expect((await sichuan.get(`/api/v1/trace/subjects/${coopId}/products`)).statusCode).toBe(404);
  });
});

describe('tasks: inbox and outbox', () => {
  it('counts a county’s published tasks and a station’s received ones; another province’s outbox has none of them', async () => {
    const station = await t.login('sg-hl-user');
    const titles = ['总数任务一', '总数任务二', '总数任务三'];
    for (const title of titles) {
      const res = await county.post('/api/v1/supervision/tasks', { kind: 'base_inspection', title, content: '巡查', startsOn: todayInChina(), dueOn: todayInChina(Date.now() + 30 * 86_400_000), recipients: [{ agencyId: agencyIdOf(station) }] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const outbox = await rowsMatchTotal<{ title: string }>(county, '/api/v1/supervision/tasks?box=outbox&kind=base_inspection');
    expect(outbox.map((r) => r.title)).toEqual(expect.arrayContaining(titles));
    const inbox = await rowsMatchTotal<{ title: string }>(station, '/api/v1/supervision/tasks?box=inbox');
    expect(inbox.map((r) => r.title)).toEqual(expect.arrayContaining(titles));
    const theirs = await rowsMatchTotal<{ title: string }>(sichuan, '/api/v1/supervision/tasks?box=outbox');
    expect(theirs.map((r) => r.title)).not.toEqual(expect.arrayContaining([titles[0]]));
    expect(await rowsMatchTotal(sichuan, '/api/v1/supervision/tasks?box=inbox')).not.toContainEqual(expect.objectContaining({ title: titles[0] }));
  });
});

describe('registry: password-reset requests', () => {
  it('counts the requests of the accounts I manage only (the manage rule in SQL); another county’s admin has none of them', async () => {
    expect((await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'sg-hl-user' })).statusCode).toBe(202);
    const mine = await rowsMatchTotal<{ username: string }>(county, '/api/v1/password-reset-requests');
    expect(mine.map((r) => r.username)).toContain('sg-hl-user');
    expect((await rowsMatchTotal<{ username: string }>(sichuan, '/api/v1/password-reset-requests')).map((r) => r.username)).not.toContain('sg-hl-user');
    // The province allocated the county's admins, not the station's staff.
    expect((await rowsMatchTotal<{ username: string }>(province, '/api/v1/password-reset-requests')).map((r) => r.username)).not.toContain('sg-hl-user');
  });
});

describe('analytics: inactive producers, rectification notices, reports', () => {
  it('counts the inactive producers of a jurisdiction; a region outside it narrows to the reader’s own', async () => {
    const countyRows = await rowsMatchTotal<{ subjectId: string; regionCode: string }>(county, '/api/v1/monitors/registration/inactive?days=7');
    const provinceRows = await rowsMatchTotal<{ subjectId: string; regionCode: string }>(province, '/api/v1/monitors/registration/inactive?days=7');
    expect(provinceRows.length).toBeGreaterThanOrEqual(countyRows.length);
    const sichuanRows = await rowsMatchTotal<{ subjectId: string; regionCode: string }>(sichuan, '/api/v1/monitors/registration/inactive?days=7&region=37');
    expect(sichuanRows.every((r) => r.regionCode.startsWith('51'))).toBe(true);
    expect(sichuanRows.map((r) => r.subjectId)).not.toContain(subjectId);
  });

  it('counts rectification notices and reports by box and filter', async () => {
    await rowsMatchTotal(county, '/api/v1/rectifications?box=issued');
    await rowsMatchTotal(county, '/api/v1/rectifications?box=received');
    await rowsMatchTotal(coop, '/api/v1/my/rectifications');
    await rowsMatchTotal(province, '/api/v1/reports/periodic');
    await rowsMatchTotal(province, '/api/v1/reports/documents');
  });
});

describe('notices: sent, inbox, announcements', () => {
  it('counts each list of the notices domain', async () => {
    await rowsMatchTotal(county, '/api/v1/notices');
    await rowsMatchTotal(coop, '/api/v1/inbox/notices');
    await rowsMatchTotal(coop, '/api/v1/inbox/notices?state=unread');
    await rowsMatchTotal(ops, '/api/v1/announcements');
  });
});

describe('ops and integration', () => {
  it('counts jobs, backups, incidents, my feedback, clients and 追溯挂钩 checks', async () => {
    await rowsMatchTotal(ops, '/api/v1/ops/jobs');
    await rowsMatchTotal(ops, '/api/v1/ops/backups');
    await rowsMatchTotal(ops, '/api/v1/incidents');
    await rowsMatchTotal(coop, '/api/v1/feedback/mine');
    await rowsMatchTotal(province, '/api/v1/integration/clients');
    await rowsMatchTotal(county, '/api/v1/integration/trace-checks');
    await rowsMatchTotal(county, '/api/v1/integration/coverage/holders?scheme=green');
  });
});
