import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { multipart, PNG } from '../../../../test/subjects.js';
import { agencyIdOf, loginAll } from '../../../../test/supervision.js';

const TABLES = ['feedback', 'feedback_events', 'files', 'audit_log', 'idempotency_keys'];
const PASSWORD = 'Strong#Pass2026';

let t: TestApp;
let farmer: Client;
let station: Client;
let ops: Client;
let security: Client;
let province: Client;

beforeAll(async () => {
  t = await createTestApp();
  [farmer, station, ops, province] = await loginAll(t, ['sg-coop', 'sg-hl-user', 'ops-admin', 'sd-admin'] as const);
  // 安全中心: a second admin account of the operations agency, so that who classifies and who confirms differ.
  const created = await ops.post(`/api/v1/agencies/${agencyIdOf(ops)}/users`, { username: 'ops-security', displayName: '安全中心审核员', password: PASSWORD, role: 'admin' });
  expect(created.statusCode, created.body).toBe(201);
  security = await t.login('ops-security', PASSWORD);
  // A new account works once its first password is changed.
  expect((await security.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Changed#Pass2027' })).statusCode).toBe(204);
}, 90_000);
afterAll(async () => t?.close());

function upload(who: Client, bytes: Buffer, filename: string) {
  const body = multipart(bytes, filename, 'image/png');
  return t.app.inject({ method: 'POST', url: '/api/v1/feedback/screenshots', payload: body.payload, headers: { ...body.headers, cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
}

async function screenshot(who: Client): Promise<string> {
  const res = await upload(who, PNG, 'screen.png');
  expect(res.statusCode, res.body).toBe(201);
  return res.json().fileId;
}

async function refused(send: () => Promise<{ statusCode: number; body: string; json: () => unknown }>, status: number, code: string) {
  const before = await tableCounts(t, TABLES);
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; message: { zh: string; en: string } };
  expect(body.code).toBe(code);
  expect(body.message.zh.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
  expect(await tableCounts(t, TABLES)).toEqual(before);
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('feedback (系统优化建议)', () => {
  it('goes filed → classified → confirmed → fixed → revisited, each step on the timeline and in the audit log', async () => {
    const shot = await screenshot(farmer);
    const filed = await farmer.post('/api/v1/feedback', { kind: 'experience', text: '批次列表在手机上\n看不到“打印”按钮', pageAddress: '/batches?status=active', screenshots: [shot] }, { 'idempotency-key': 'fb-1' });
    expect(filed.statusCode, filed.body).toBe(201);
    const fb = filed.json();
    expect(fb).toMatchObject({ state: 'filed', kind: 'experience', pageAddress: '/batches?status=active', screenshots: [shot], filerOrg: expect.any(String), no: expect.stringMatching(/^FK\d{6}$/) });
    // A retried POST with the same key does not file twice.
    const again = await farmer.post('/api/v1/feedback', { kind: 'experience', text: '批次列表在手机上\n看不到“打印”按钮', pageAddress: '/batches?status=active', screenshots: [shot] }, { 'idempotency-key': 'fb-1' });
    expect(again.json().id).toBe(fb.id);
    expect((await farmer.get('/api/v1/feedback/mine')).json().items.map((i: { id: string }) => i.id)).toEqual([fb.id]);

    const classified = await ops.post(`/api/v1/feedback/${fb.id}/classify`, { kind: 'operation', proposal: '在手机版批次详情中加入打印入口' });
    expect(classified.statusCode, classified.body).toBe(200);
    expect(classified.json()).toMatchObject({ state: 'classified', kind: 'operation', proposal: '在手机版批次详情中加入打印入口' });

    // Whoever classified it may not confirm it.
    await refused(() => ops.post(`/api/v1/feedback/${fb.id}/confirm`, {}), 409, 'FEEDBACK_SAME_HANDLER');
    // Not yet confirmed: cannot be fixed.
    await refused(() => ops.post(`/api/v1/feedback/${fb.id}/fix`, { resolution: '已上线' }), 409, 'FEEDBACK_STATE_CONFLICT');

    const confirmed = await security.post(`/api/v1/feedback/${fb.id}/confirm`, { note: '同意方案' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const fixed = await ops.post(`/api/v1/feedback/${fb.id}/fix`, { resolution: '3.2 版已在手机版加入打印入口' });
    expect(fixed.json()).toMatchObject({ state: 'fixed', resolution: '3.2 版已在手机版加入打印入口' });
    const revisited = await ops.post(`/api/v1/feedback/${fb.id}/revisit`, { satisfaction: 'satisfied', note: '电话回访，用户表示已能打印' });
    expect(revisited.statusCode, revisited.body).toBe(200);

    // The filer sees the whole timeline and the answer; the screenshot is theirs and the handlers' to read.
    const mine = (await farmer.get(`/api/v1/feedback/${fb.id}`)).json();
    expect(mine).toMatchObject({ state: 'revisited', satisfaction: 'satisfied', revisitNote: '电话回访，用户表示已能打印', classifiedBy: null });
    expect(mine.events.map((e: { toState: string }) => e.toState)).toEqual(['filed', 'classified', 'confirmed', 'fixed', 'revisited']);
    expect(mine.events[2]).toMatchObject({ actorName: '安全中心审核员', fromState: 'classified', note: '同意方案' });
    for (const who of [farmer, ops, security]) {
      const img = await who.get(`/api/v1/feedback/${fb.id}/screenshots/${shot}`);
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/png');
      expect(img.rawPayload.equals(PNG)).toBe(true);
    }
    // Another account (even an agency above the filer's region) neither reads the feedback nor its screenshot.
    expect((await province.get(`/api/v1/feedback/${fb.id}`)).statusCode).toBe(404);
    expect((await province.get(`/api/v1/feedback/${fb.id}/screenshots/${shot}`)).statusCode).toBe(404);
    expect((await station.get('/api/v1/feedback/mine')).json().items).toEqual([]);

    const audit = (await ops.get('/api/v1/audit?limit=200')).json().items.filter((e: { targetId: string }) => e.targetId === fb.id).map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(['feedback.classify', 'feedback.confirm', 'feedback.file', 'feedback.fix', 'feedback.revisit']);
  }, 120_000);

  it('refuses bad input and writes nothing', async () => {
    const stationShot = await screenshot(station);
    await refused(() => farmer.post('/api/v1/feedback', { kind: 'network', text: '页面打不开了', screenshots: [stationShot] }), 400, 'SCREENSHOT_NOT_FOUND');
    await refused(() => farmer.post('/api/v1/feedback', { kind: 'network', text: '网络很慢很慢', pageAddress: 'https://evil.example/x' }), 400, 'VALIDATION_FAILED');
    await refused(() => farmer.post('/api/v1/feedback', { kind: 'network', text: '网络很慢很慢', pageAddress: '//evil.example/x' }), 400, 'VALIDATION_FAILED');
    await refused(() => farmer.post('/api/v1/feedback', { kind: 'weather', text: '网络很慢很慢' }), 400, 'VALIDATION_FAILED');
    await refused(() => farmer.post('/api/v1/feedback', { kind: 'network', text: 'x'.repeat(2001) }), 400, 'VALIDATION_FAILED');
    const four = [await screenshot(farmer), await screenshot(farmer), await screenshot(farmer), await screenshot(farmer)];
    await refused(() => farmer.post('/api/v1/feedback', { kind: 'network', text: '网络很慢很慢', screenshots: four }), 400, 'VALIDATION_FAILED');
    // A filer is not a handler.
    const own = (await farmer.post('/api/v1/feedback', { kind: 'network', text: '乡镇网络下上传很慢' })).json();
    await refused(() => farmer.post(`/api/v1/feedback/${own.id}/classify`, { kind: 'network', proposal: '压缩图片' }), 403, 'FORBIDDEN');
    await refused(() => province.get('/api/v1/feedback'), 403, 'FORBIDDEN');
    await refused(() => ops.post(`/api/v1/feedback/${own.id}/revisit`, { satisfaction: 'satisfied', note: '好' + '的' }), 409, 'FEEDBACK_STATE_CONFLICT');
  }, 120_000);

  it('lets one of two handlers racing win; the other gets 409', async () => {
    const fb = (await station.post('/api/v1/feedback', { kind: 'feature', text: '希望巡查记录能批量导出' })).json();
    const [a, b] = await Promise.all([ops.post(`/api/v1/feedback/${fb.id}/classify`, { kind: 'feature', proposal: '增加导出' }), security.post(`/api/v1/feedback/${fb.id}/classify`, { kind: 'feature', proposal: '不做' })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const detail = (await ops.get(`/api/v1/feedback/${fb.id}`)).json();
    expect(detail.events.filter((e: { toState: string }) => e.toState === 'classified')).toHaveLength(1);
    // Declined after confirmation, with the reason, then revisited.
    const classifier = a.statusCode === 200 ? ops : security;
    const other = classifier === ops ? security : ops;
    expect((await other.post(`/api/v1/feedback/${fb.id}/confirm`, {})).statusCode).toBe(200);
    const declined = await ops.post(`/api/v1/feedback/${fb.id}/decline`, { reason: '已有同类功能，见巡查记录页面' });
    expect(declined.json()).toMatchObject({ state: 'declined', resolution: '已有同类功能，见巡查记录页面' });
    expect((await ops.post(`/api/v1/feedback/${fb.id}/revisit`, { satisfaction: 'basically', note: '用户接受' })).json().state).toBe('revisited');
  }, 120_000);

  it('lists with filters and a total, counts by kind and state, and exports .xlsx', async () => {
    const day = today();
    const all = (await ops.get(`/api/v1/feedback?from=${day}&to=${day}`)).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const page1 = (await ops.get(`/api/v1/feedback?limit=1`)).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.total).toBe(all.total);
    const page2 = (await ops.get(`/api/v1/feedback?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    const revisited = (await ops.get('/api/v1/feedback?state=revisited')).json();
    expect(revisited.items.every((i: { state: string }) => i.state === 'revisited')).toBe(true);
    expect(revisited.total).toBe(2);
    expect((await ops.get('/api/v1/feedback?kind=network&state=filed')).json().total).toBe(1);
    expect((await ops.get('/api/v1/feedback?from=2020-01-01&to=2020-06-30')).json().total).toBe(0);
    await refused(() => ops.get(`/api/v1/feedback?from=${day}&to=2020-01-01`), 400, 'PERIOD_INVALID');

    const stats = (await ops.get(`/api/v1/feedback/stats?from=${day}&to=${day}`)).json();
    expect(stats.total).toBe(all.total);
    const byKind = Object.fromEntries(stats.rows.map((r: { kind: string; counts: Record<string, number>; total: number }) => [r.kind, r]));
    expect(Object.keys(byKind)).toEqual(['feature', 'operation', 'experience', 'network']);
    expect(byKind.operation.counts.revisited).toBe(1);
    expect(byKind.feature.counts.revisited).toBe(1);
    expect(byKind.network.counts.filed).toBe(1);

    const xlsx = await ops.get(`/api/v1/feedback.xlsx?from=${day}&to=${day}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('用户反馈')!;
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    expect(ws.rowCount).toBe(all.total + 1);
    const texts = ws.getColumn(9).values.slice(2);
    expect(texts).toContain('希望巡查记录能批量导出');
    expect((await farmer.get(`/api/v1/feedback.xlsx?from=${day}&to=${day}`)).statusCode).toBe(403);
  }, 120_000);
});
