import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, loginAll, refusedHere } from '../../../test/supervision.js';
import { markOverdueTasks } from './overdue.job.js';

// 任务发布: the county (sg-admin) publishes down to its township station (sg-hl-user) and its own enforcement
// agency; the recipients accept, assign, progress and report; the county sees it all, and the job marks overdue.

let t: TestApp;
let county: Client;
let station: Client;
let law: Client;
let lab: Client;
let sichuanCounty: Client;
let city: Client;

beforeAll(async () => {
  t = await createTestApp();
  [county, station, law, lab, sichuanCounty, city] = await loginAll(t, ['sg-admin', 'sg-hl-user', 'sg-law-admin', 'sg-lab-admin', 'pd-admin', 'wf-admin'] as const);
});
afterAll(async () => t?.close());

const inspectionTask = (recipients: string[], overrides: Record<string, unknown> = {}) => ({
  kind: 'base_inspection',
  title: '11 月蔬菜基地巡查',
  content: '对辖区蔬菜基地开展巡查，重点检查农药安全间隔期执行情况。',
  productScope: '蔬菜',
  targetCount: 10,
  startsOn: '2026-11-01',
  dueOn: '2026-12-31',
  recipients: recipients.map((agencyId) => ({ agencyId, quota: 10 })),
  ...overrides,
});

async function publish(body: object) {
  const res = await county.post('/api/v1/supervision/tasks', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('publishing tasks', () => {
  it('sends a base inspection to the township station, which sees it in its inbox as published', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station)]));
    expect(task).toMatchObject({ kind: 'base_inspection', regionScope: '370783', mine: 'published', recipients: [{ agencyId: agencyIdOf(station), status: 'published', quota: 10 }] });
    const inbox = (await station.get('/api/v1/supervision/tasks?box=inbox')).json();
    expect(inbox.items.find((i: { id: string }) => i.id === task.id)).toMatchObject({ status: 'published', publisherName: expect.stringContaining('寿光') });
    const outbox = (await county.get('/api/v1/supervision/tasks?box=outbox')).json();
    expect(outbox.items.find((i: { id: string }) => i.id === task.id).counts).toEqual({ published: 1 });
    const [audit] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'supervision.task_publish' AND target_id = ${task.id}`);
    expect(audit!.n).toBe(1);
  });

  it('offers as recipients exactly the agencies the rules allow, by kind of task', async () => {
    const inspection = (await county.get('/api/v1/supervision/recipient-options?kind=base_inspection')).json().items;
    expect(inspection.map((a: { id: string }) => a.id)).toEqual([agencyIdOf(station)]);
    const enforcement = (await county.get('/api/v1/supervision/recipient-options?kind=enforcement')).json().items;
    expect(enforcement.map((a: { id: string }) => a.id)).toEqual([agencyIdOf(law)]);
    const notice = (await city.get('/api/v1/supervision/recipient-options?kind=notice')).json().items;
    expect(notice.map((a: { level: string }) => a.level)).toContain('township');
    expect(notice.some((a: { id: string }) => a.id === agencyIdOf(city))).toBe(false);
  });

  it('refuses a recipient outside the jurisdiction, and writes nothing', async () => {
    const body = await refusedHere(t, () => county.post('/api/v1/supervision/tasks', inspectionTask([agencyIdOf(station), agencyIdOf(sichuanCounty)])), 403, 'RECIPIENT_OUT_OF_JURISDICTION');
    expect(body.message.zh).toContain('郫都');
  });

  it('refuses a recipient of a kind the task does not go to (a base inspection to a lab), and writes nothing', async () => {
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', inspectionTask([agencyIdOf(lab)])), 422, 'RECIPIENT_NOT_ALLOWED');
  });

  it('refuses a deadline before the start, and a task without a deadline, and writes nothing', async () => {
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', inspectionTask([agencyIdOf(station)], { startsOn: '2026-12-10', dueOn: '2026-12-01' })), 400, 'DEADLINE_BEFORE_START');
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', inspectionTask([agencyIdOf(station)], { dueOn: undefined })), 400, 'DEADLINE_REQUIRED');
  });

  it('refuses a region scope outside the jurisdiction, unknown recipients, and publishing by a station', async () => {
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', inspectionTask([agencyIdOf(station)], { regionScope: '5101' })), 403, 'SCOPE_OUT_OF_JURISDICTION');
    await refusedHere(t, () => county.post('/api/v1/supervision/tasks', inspectionTask(['00000000-0000-4000-8000-000000000000'])), 404, 'RECIPIENT_NOT_FOUND');
    await refusedHere(t, () => station.post('/api/v1/supervision/tasks', inspectionTask([agencyIdOf(station)])), 403, 'FORBIDDEN');
  });

  it('publishes a notice without a deadline to every kind of agency below and beside', async () => {
    const notice = await publish({ kind: 'notice', title: '关于做好冬季农产品质量安全工作的通知', content: '各单位：请做好冬季巡查。', startsOn: '2026-11-29', recipients: [{ agencyId: agencyIdOf(station) }, { agencyId: agencyIdOf(lab) }, { agencyId: agencyIdOf(law) }] });
    expect(notice.recipients).toHaveLength(3);
    const read = await lab.post(`/api/v1/supervision/tasks/${notice.id}/accept`, {});
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().recipients).toEqual([expect.objectContaining({ agencyId: agencyIdOf(lab), status: 'accepted' })]);
  });
});

describe('who reads a task (DESIGN.md §12, issue 19)', () => {
  it('lets its publisher, its recipients and the agencies above the publisher read it and its progress, not the other agencies of the publisher’s region', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station)]));
    expect((await station.post(`/api/v1/supervision/tasks/${task.id}/accept`, {})).statusCode).toBe(200);
    expect((await station.post(`/api/v1/supervision/tasks/${task.id}/progress`, { done: 2, note: '已巡查 2 家' })).statusCode).toBe(200);
    const province = await t.login('sd-admin');
    for (const reader of [county, station, city, province]) {
      const seen = await reader.get(`/api/v1/supervision/tasks/${task.id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().recipients[0]).toMatchObject({ done: 2 });
    }
    expect((await city.get(`/api/v1/supervision/tasks/${task.id}/progress.xlsx`)).statusCode).toBe(200);
    // The county's own laboratory and enforcement team are of the publisher's region but neither recipients nor above.
    for (const other of [law, lab, sichuanCounty]) {
      expect((await other.get(`/api/v1/supervision/tasks/${task.id}`)).json().code).toBe('TASK_NOT_FOUND');
      expect((await other.get(`/api/v1/supervision/tasks/${task.id}/progress.xlsx`)).statusCode).toBe(404);
    }
  });
});

describe('a recipient works a task', () => {
  it('accepts, assigns its staff, reports progress and completion; the publisher sees each step and closes it', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station)]));
    const accepted = await station.post(`/api/v1/supervision/tasks/${task.id}/accept`, { note: '收到' });
    expect(accepted.json().recipients[0].status).toBe('accepted');
    const staff = (await station.get(`/api/v1/supervision/tasks/${task.id}/assignable`)).json().items;
    expect(staff.map((u: { id: string }) => u.id)).toContain(station.me!.user.id);
    expect((await law.get(`/api/v1/supervision/tasks/${task.id}/assignable`)).json().code).toBe('TASK_NOT_FOUND');
    const assigned = await station.post(`/api/v1/supervision/tasks/${task.id}/assign`, { userIds: [station.me!.user.id] });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().recipients[0].assignees).toEqual([{ id: station.me!.user.id, displayName: expect.any(String) }]);
    const progress = await station.post(`/api/v1/supervision/tasks/${task.id}/progress`, { done: 4, note: '已巡查 4 家' });
    expect(progress.json().recipients[0]).toMatchObject({ status: 'in_progress', done: 4, progressNote: '已巡查 4 家' });
    const reported = await station.post(`/api/v1/supervision/tasks/${task.id}/report`, { report: '完成 10 家巡查，发现问题 1 处，已移交执法。', done: 10 });
    expect(reported.json().recipients[0]).toMatchObject({ status: 'reported', done: 10 });

    const seen = (await county.get(`/api/v1/supervision/tasks/${task.id}`)).json();
    expect(seen.recipients[0]).toMatchObject({ status: 'reported', report: expect.stringContaining('完成 10 家') });
    expect(seen.history.map((h: { action: string }) => h.action)).toEqual(['publish', 'accept', 'assign', 'progress', 'report']);

    const sheet = await county.get(`/api/v1/supervision/tasks/${task.id}/progress.xlsx`);
    expect(sheet.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const row = wb.worksheets[0]!.getRow(2).values as unknown[];
    expect(row).toContain('已上报');
    expect(row).toContain(10);

    await refusedHere(t, () => station.post(`/api/v1/supervision/tasks/${task.id}/close`, {}), 403, 'FORBIDDEN');
    const closed = await county.post(`/api/v1/supervision/tasks/${task.id}/close`, { note: '验收通过' });
    expect(closed.json()).toMatchObject({ status: 'closed', recipients: [{ status: 'closed' }] });
    await refusedHere(t, () => station.post(`/api/v1/supervision/tasks/${task.id}/progress`, { done: 11 }), 409, 'TASK_STATUS_CONFLICT');
  });

  it('refuses accepting someone else’s task: the publisher by name, any other agency as not found; nothing written', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station)]));
    await refusedHere(t, () => law.post(`/api/v1/supervision/tasks/${task.id}/accept`, {}), 404, 'TASK_NOT_FOUND');
    await refusedHere(t, () => county.post(`/api/v1/supervision/tasks/${task.id}/accept`, {}), 403, 'NOT_A_RECIPIENT');
    await refusedHere(t, () => sichuanCounty.post(`/api/v1/supervision/tasks/${task.id}/accept`, {}), 404, 'TASK_NOT_FOUND');
    expect((await sichuanCounty.get(`/api/v1/supervision/tasks/${task.id}`)).statusCode).toBe(404);
  });

  it('refuses steps out of order and assigning someone of another agency', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station)]));
    await refusedHere(t, () => station.post(`/api/v1/supervision/tasks/${task.id}/report`, { report: '完成' }), 409, 'TASK_STATUS_CONFLICT');
    await station.post(`/api/v1/supervision/tasks/${task.id}/accept`, {});
    await refusedHere(t, () => station.post(`/api/v1/supervision/tasks/${task.id}/accept`, {}), 409, 'TASK_STATUS_CONFLICT');
    await refusedHere(t, () => station.post(`/api/v1/supervision/tasks/${task.id}/assign`, { userIds: [law.me!.user.id] }), 422, 'ASSIGNEE_NOT_MEMBER');
  });

  it('refuses closing the task for an agency that is not one of its recipients by name, not as already closed', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station)]));
    await refusedHere(t, () => county.post(`/api/v1/supervision/tasks/${task.id}/close`, { agencyId: agencyIdOf(sichuanCounty) }), 404, 'NOT_A_RECIPIENT_OF_TASK');
    await refusedHere(t, () => county.post(`/api/v1/supervision/tasks/${task.id}/close`, { agencyId: agencyIdOf(law) }), 404, 'NOT_A_RECIPIENT_OF_TASK');
  });

  it('replays a publish sent twice with the same Idempotency-Key', async () => {
    const body = inspectionTask([agencyIdOf(station)], { title: '幂等测试任务' });
    const first = await county.post('/api/v1/supervision/tasks', body, { 'idempotency-key': 'publish-once-1' });
    const second = await county.post('/api/v1/supervision/tasks', body, { 'idempotency-key': 'publish-once-1' });
    expect(first.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM supervision_tasks WHERE title = '幂等测试任务'`);
    expect(row!.n).toBe(1);
  });
});

describe('the overdue job', () => {
  it('marks overdue what passed its deadline unreported, with a history row; late work stays overdue until reported', async () => {
    const task = await publish(inspectionTask([agencyIdOf(station), agencyIdOf(law)], { kind: 'supervisory_sampling', startsOn: '2026-11-01', dueOn: '2026-11-20' }));
    await law.post(`/api/v1/supervision/tasks/${task.id}/accept`, {});
    await law.post(`/api/v1/supervision/tasks/${task.id}/report`, { report: '已完成抽样 3 批次' });
    expect(await markOverdueTasks(t.database.db, '2026-11-21')).toBeGreaterThanOrEqual(1);
    expect(await markOverdueTasks(t.database.db, '2026-11-21')).toBe(0);
    const seen = (await county.get(`/api/v1/supervision/tasks/${task.id}`)).json();
    const byAgency = Object.fromEntries(seen.recipients.map((r: { agencyId: string; status: string }) => [r.agencyId, r.status]));
    expect(byAgency).toEqual({ [agencyIdOf(station)]: 'overdue', [agencyIdOf(law)]: 'reported' });
    expect(seen.history.filter((h: { action: string }) => h.action === 'overdue')).toEqual([expect.objectContaining({ fromStatus: 'published', toStatus: 'overdue', actorName: null })]);
    const overdueInbox = (await station.get('/api/v1/supervision/tasks?box=inbox&status=overdue')).json();
    expect(overdueInbox.items.map((i: { id: string }) => i.id)).toContain(task.id);

    expect((await station.post(`/api/v1/supervision/tasks/${task.id}/accept`, {})).json().recipients[0].status).toBe('overdue');
    expect((await station.post(`/api/v1/supervision/tasks/${task.id}/progress`, { done: 1 })).json().recipients[0].status).toBe('overdue');
    expect((await station.post(`/api/v1/supervision/tasks/${task.id}/report`, { report: '逾期完成' })).json().recipients[0].status).toBe('reported');
  });
});
