import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { refusedKeeping } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { multipart, PNG, registeredFarmer } from '../../../../test/subjects.js';
import { loginAll } from '../../../../test/supervision.js';

const TABLES = ['producer_notices', 'producer_notice_recipients', 'audit_log', 'idempotency_keys'];

let t: TestApp;
let county: Client;
let city: Client;
let otherCounty: Client;
let station: Client;
let coop: Client;
let farmer: Client;
let lab: Client;
let province: Client;

beforeAll(async () => {
  t = await createTestApp();
  [county, city, otherCounty, station, coop, farmer, lab, province] = await loginAll(t, ['sg-admin', 'wf-admin', 'pd-admin', 'sg-hl-user', 'sg-coop', 'sg-farmer', 'sg-lab-admin', 'sd-admin'] as const);
}, 90_000);
afterAll(async () => t?.close());

const refused = (send: () => Promise<LightMyRequestResponse>, status: number, code: string) => refusedKeeping(t, TABLES, send, status, code);

function upload(who: Client, bytes: Buffer, name: string) {
  const body = multipart(bytes, name, 'image/png');
  return t.app.inject({ method: 'POST', url: '/api/v1/notices/attachments', payload: body.payload, headers: { ...body.headers, cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
}

const all = { regions: [], industries: [], categories: [], certificateKinds: [] };
const count = async (who: Client, audience: object) => (await who.post('/api/v1/notices/audience', { ...all, ...audience })).json().count as number;
const unreadOf = async (who: Client) => (await who.get('/api/v1/shell/notices')).json().unreadNotices as number;

describe('notices to producers (通知)', () => {
  let noticeId: string;
  let attachmentId: string;

  it('a county sends to the producers of its jurisdiction; the set is frozen; producers read with receipts', async () => {
    const shot = await upload(county, PNG, '操作指南.png');
    expect(shot.statusCode, shot.body).toBe(201);
    attachmentId = shot.json().fileId;
    expect(await count(county, {})).toBe(2);

    const body = { title: '关于开展追溯码使用培训的通知', body: '各生产经营主体：\n请于本周五前完成信息采集。', attachments: [attachmentId], audience: { regions: ['370783100'] } };
    const sent = await county.post('/api/v1/notices', body, { 'idempotency-key': 'notice-1' });
    expect(sent.statusCode, sent.body).toBe(201);
    const n = sent.json();
    noticeId = n.id;
    expect(n).toMatchObject({ no: expect.stringMatching(/^TZ\d{6}$/), sent: 2, read: 0, unread: 2, audience: { regions: ['370783100'], industries: [], categories: [], certificateKinds: [] } });
    expect(n.attachments).toEqual([expect.objectContaining({ id: attachmentId, mime: 'image/png' })]);
    // A retried send with the same key sends nothing more.
    expect((await county.post('/api/v1/notices', body, { 'idempotency-key': 'notice-1' })).json().id).toBe(n.id);
    expect((await county.get('/api/v1/notices')).json().items.filter((i: { title: string }) => i.title === body.title)).toHaveLength(1);

    // Registered after the sending: not a recipient (the set was frozen), though the audience now holds it.
    const late = await registeredFarmer(t, 901);
    expect(await count(county, {})).toBe(3);
    const lateClient = await t.login(late.username, late.password);
    expect((await lateClient.get('/api/v1/inbox/notices')).json()).toMatchObject({ items: [], unread: 0 });
    expect((await lateClient.get(`/api/v1/inbox/notices/${n.id}`)).statusCode).toBe(404);

    // The producer's header count and inbox; opening does not mark read, the read button does.
    expect(await unreadOf(coop)).toBe(1);
    const inbox = (await coop.get('/api/v1/inbox/notices')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items).toMatchObject([{ id: n.id, title: body.title, senderAgencyName: expect.any(String), readAt: null }]);
    expect((await coop.get(`/api/v1/inbox/notices/${n.id}`)).json()).toMatchObject({ body: body.body, readAt: null });
    const file = await coop.get(`/api/v1/inbox/notices/${n.id}/attachments/${attachmentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const read = await coop.post(`/api/v1/inbox/notices/${n.id}/read`, {});
    expect(read.statusCode, read.body).toBe(200);
    const receipt = read.json();
    expect(receipt.readAt).toBeTruthy();
    expect(receipt.readerName).toBeTruthy();
    // Read again: the first receipt stands.
    expect((await coop.post(`/api/v1/inbox/notices/${n.id}/read`, {})).json().readAt).toBe(receipt.readAt);
    expect(await unreadOf(coop)).toBe(0);
    expect(await unreadOf(farmer)).toBe(1);
    expect((await coop.get('/api/v1/inbox/notices?state=unread')).json().items).toEqual([]);

    // The sender's totals and the list of who has not read it.
    const detail = (await county.get(`/api/v1/notices/${n.id}`)).json();
    expect(detail).toMatchObject({ sent: 2, read: 1, unread: 1 });
    const unread = (await county.get(`/api/v1/notices/${n.id}/recipients?state=unread`)).json();
    expect(unread.total).toEqual({ value: 1, capped: false });
    expect(unread.items.map((r: { subjectName: string }) => r.subjectName)).toEqual(['张建国']);
    const readList = (await county.get(`/api/v1/notices/${n.id}/recipients?state=read`)).json();
    expect(readList.items).toMatchObject([{ subjectName: expect.stringContaining('绿源'), readAt: receipt.readAt, readerName: receipt.readerName }]);
    const page1 = (await county.get(`/api/v1/notices/${n.id}/recipients?limit=1`)).json();
    expect(page1.total.value).toBe(2);
    const page2 = (await county.get(`/api/v1/notices/${n.id}/recipients?limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].subjectId).not.toBe(page1.items[0].subjectId);

    const xlsx = await county.get(`/api/v1/notices/${n.id}/unread.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('未读名单')!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(4).value).toBe('张建国');
    expect(String(ws.getRow(2).getCell(6).value)).toContain('化龙镇');

  }, 180_000);

  it('is read by the sender and the agencies above it, never by others; attachments likewise', async () => {
    expect((await city.get(`/api/v1/notices/${noticeId}`)).statusCode).toBe(200);
    expect((await city.get('/api/v1/notices')).json().items.map((i: { id: string }) => i.id)).toContain(noticeId);
    for (const who of [otherCounty, station]) {
      expect((await who.get(`/api/v1/notices/${noticeId}`)).statusCode).toBe(404);
      expect((await who.get(`/api/v1/notices/${noticeId}/recipients`)).statusCode).toBe(404);
      expect((await who.get(`/api/v1/notices/${noticeId}/attachments/${attachmentId}`)).statusCode).toBe(404);
      expect((await who.get('/api/v1/notices')).json().items.map((i: { id: string }) => i.id)).not.toContain(noticeId);
    }
    expect((await county.get(`/api/v1/notices/${noticeId}/attachments/${attachmentId}`)).statusCode).toBe(200);
    // A testing agency sends no notices; a producer reads only its inbox.
    expect((await lab.get('/api/v1/notices')).statusCode).toBe(403);
    expect((await coop.get('/api/v1/notices')).statusCode).toBe(403);
    expect((await county.get('/api/v1/inbox/notices')).statusCode).toBe(403);
  }, 60_000);

  it('chooses by industry, category and certificate, within the jurisdiction only', async () => {
    expect(await count(county, { categories: [0] })).toBe(2); // 张建国 and the farmer registered above
    expect(await count(county, { categories: [2] })).toBe(1); // the cooperative (生产经营)
    expect(await count(county, { industries: ['fishery'] })).toBe(0);
    expect(await count(county, { certificateKinds: ['green'] })).toBe(0);
    expect(await count(city, { regions: ['370783'] })).toBe(3);
    expect(await count(otherCounty, {})).toBe(0);

    // The cooperative's green-food certificate, once verified by the county, puts it in the certificate audience.
    const scan = multipart(PNG, 'scan.png');
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/v1/registry/my-subject/uploads', payload: scan.payload, headers: { ...scan.headers, cookie: coop.cookie!, 'x-csrf-token': coop.csrf! } });
    const cert = await coop.post('/api/v1/registry/my-subject/certificates', { kind: 'green', number: 'LB-37-2026-9001', products: '黄瓜', validFrom: '2026-01-01', validTo: '2099-12-31', scanFileId: uploaded.json().fileId });
    expect(cert.statusCode, cert.body).toBe(201);
    expect(await count(county, { certificateKinds: ['green'] })).toBe(0);
    expect((await county.post(`/api/v1/registry/certificates/${cert.json().id}/verify`, { verified: true })).statusCode).toBe(200);
    expect(await count(county, { certificateKinds: ['green', 'organic'] })).toBe(1);
    const sent = await county.post('/api/v1/notices', { title: '绿色食品标志使用提醒', body: '请规范使用绿色食品标志。', audience: { certificateKinds: ['green'] } });
    expect(sent.json()).toMatchObject({ sent: 1 });
    expect((await farmer.get(`/api/v1/inbox/notices/${sent.json().id}`)).statusCode).toBe(404);
    expect((await coop.get(`/api/v1/inbox/notices/${sent.json().id}`)).statusCode).toBe(200);
    expect((await farmer.post(`/api/v1/inbox/notices/${sent.json().id}/read`, {})).statusCode).toBe(404);

    // A township station sends to its own township.
    expect((await station.post('/api/v1/notices', { title: '化龙镇信息采集提醒', body: '请尽快完善基地信息。', audience: {} })).json()).toMatchObject({ sent: 3 });
  }, 120_000);

  it('refuses bad input, regions outside the jurisdiction and empty audiences, writing nothing', async () => {
    const ok = { title: '通知标题', body: '通知正文内容', audience: {} };
    await refused(() => county.post('/api/v1/notices', { ...ok, audience: { regions: ['510124'] } }), 400, 'NOTICE_REGION_OUTSIDE');
    await refused(() => county.post('/api/v1/notices', { ...ok, audience: { regions: ['37'] } }), 400, 'NOTICE_REGION_OUTSIDE');
    await refused(() => station.post('/api/v1/notices', { ...ok, audience: { regions: ['370783'] } }), 400, 'NOTICE_REGION_OUTSIDE');
    await refused(() => county.post('/api/v1/notices/audience', { regions: ['3707'] }), 400, 'NOTICE_REGION_OUTSIDE');
    await refused(() => county.post('/api/v1/notices', { ...ok, audience: { industries: ['fishery'] } }), 400, 'NOTICE_NO_RECIPIENTS');
    await refused(() => otherCounty.post('/api/v1/notices', ok), 400, 'NOTICE_NO_RECIPIENTS');
    await refused(() => county.post('/api/v1/notices', { ...ok, audience: { regions: ['37078'] } }), 400, 'VALIDATION_FAILED');
    await refused(() => county.post('/api/v1/notices', { ...ok, audience: { industries: ['forestry'] } }), 400, 'VALIDATION_FAILED');
    await refused(() => county.post('/api/v1/notices', { ...ok, audience: { categories: [7] } }), 400, 'VALIDATION_FAILED');
    await refused(() => county.post('/api/v1/notices', { ...ok, title: 'x'.repeat(101) }), 400, 'VALIDATION_FAILED');
    await refused(() => county.post('/api/v1/notices', { ...ok, body: '' }), 400, 'VALIDATION_FAILED');
    const theirs = await upload(otherCounty, PNG, 'x.png');
    await refused(() => county.post('/api/v1/notices', { ...ok, attachments: [theirs.json().fileId] }), 400, 'NOTICE_ATTACHMENT_NOT_FOUND');
    await refused(() => lab.post('/api/v1/notices', ok), 403, 'FORBIDDEN');
    await refused(() => coop.post('/api/v1/notices', ok), 403, 'FORBIDDEN');
    await refused(() => coop.get(`/api/v1/inbox/notices/${noticeId}/attachments/${theirs.json().fileId}`), 404, 'FILE_NOT_FOUND');
  }, 120_000);

  it('puts the send and the export in the audit log', async () => {
    const entries = (await province.get('/api/v1/audit?limit=200')).json().items as { action: string; targetId: string }[];
    expect(entries.filter((e) => e.targetId === noticeId).map((e) => e.action)).toEqual(['notice.send']);
    expect(entries.some((e) => e.action === 'notices.unread.export')).toBe(true);
  }, 60_000);
});
