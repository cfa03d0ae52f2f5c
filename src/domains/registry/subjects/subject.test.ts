import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { expectError, refused } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { multipart, PNG, registeredFarmer, residentId, uploadPhoto, uploadRaw, uploadTicket } from '../../../../test/subjects.js';

// A registered subject's life: identity QR, staff, certificates, change requests; and what agencies do to it.

let t: TestApp;
let farmer: { subjectId: string; username: string; password: string; body: Record<string, unknown> };
let main: Client;
let county: Client;

beforeAll(async () => {
  t = await createTestApp();
  farmer = await registeredFarmer(t, 11);
  main = await t.login(farmer.username, farmer.password);
  county = await t.login('sg-admin');
});
afterAll(async () => t?.close());

async function uploadScan(client: Client): Promise<string> {
  const body = multipart(PNG, 'cert.png');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/registry/my-subject/uploads', payload: body.payload, headers: { ...body.headers, cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '' } });
  return res.json<{ fileId: string }>().fileId;
}

describe('uploads', () => {
  it('accepts JPG/PNG by content and refuses a renamed text file and a 6 MB photo, storing nothing', async () => {
    expect((await uploadRaw(t.app, PNG, 'x.bin')).statusCode).toBe(201);
    await refused(t, () => uploadRaw(t.app, Buffer.from('just text, not a photo'), 'photo.jpg'), 415, 'FILE_TYPE_NOT_ALLOWED');
    const big = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]);
    await refused(t, () => uploadRaw(t.app, big, 'big.png'), 413, 'FILE_TOO_LARGE');
    const ticket = await uploadTicket(t.app);
    await refused(t, () => t.anonymous.post('/api/v1/registry/uploads', { file: 'x' }, { 'x-upload-ticket': ticket }), 400, 'VALIDATION_FAILED');
    await refused(t, () => t.anonymous.post('/api/v1/registry/uploads', { file: 'x' }), 400, 'UPLOAD_TICKET_INVALID');
  });
});

describe('electronic identity', () => {
  it('resolves for signed-in users, redirects a signed-in scan to the console, and stops working once regenerated', async () => {
    const identity = (await main.get('/api/v1/registry/my-subject/identity')).json();
    expect(identity.url).toBe(`http://localhost:3000/e/${identity.token}`);
    expect(identity.qrSvg).toMatch(/^<svg/);

    const scanned = await county.get(`/api/v1/registry/identities/${identity.token}`);
    expect(scanned.json()).toMatchObject({ subject: { id: farmer.subjectId, status: 'active' }, canOpenDetail: true });
    expect(scanned.json().subject.identityCode).toContain('**********');
    const otherProvince = await t.login('pd-admin');
    expect((await otherProvince.get(`/api/v1/registry/identities/${identity.token}`)).json().canOpenDetail).toBe(false);
    expectError(await t.anonymous.get(`/api/v1/registry/identities/${identity.token}`), 401, 'UNAUTHENTICATED');

    const page = await t.anonymous.get(`/e/${identity.token}`);
    expect(page.statusCode).toBe(200);
    // A natural person (组织形式 个人) is named by the family name only on a public page (issue 19).
    expect(page.body).toContain(`${(farmer.body.name as string)[0]}***`);
    expect(page.body).not.toContain(farmer.body.name as string);
    expect(page.body).toContain(`href="/identity/${identity.token}"`);
    expect(page.body).not.toContain((farmer.body.idNumber as string).slice(6, 14));
    const signedIn = await county.get(`/e/${identity.token}`);
    expect(signedIn.statusCode).toBe(302);
    expect(signedIn.headers.location).toBe(`/identity/${identity.token}`);

    const renewed = (await main.post('/api/v1/registry/my-subject/identity/regenerate', {})).json();
    expect(renewed.token).not.toBe(identity.token);
    expectError(await county.get(`/api/v1/registry/identities/${identity.token}`), 404, 'IDENTITY_TOKEN_NOT_FOUND');
    expect((await t.anonymous.get(`/e/${identity.token}`)).statusCode).toBe(404);
    expect((await county.get(`/api/v1/registry/identities/${renewed.token}`)).statusCode).toBe(200);
  });
});

describe('staff accounts', () => {
  it('numbers staff .00002 upward under the identity code; staff read but do not manage', async () => {
    const added = await main.post('/api/v1/registry/my-subject/accounts', { username: 'farmer11-staff', displayName: '帮工', password: 'Helper#Field2026' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().userCode).toMatch(/^0\.3707\*{10}\w{4}\.00002$/);
    const second = (await main.post('/api/v1/registry/my-subject/accounts', { username: 'farmer11-staff2', displayName: '帮工二', password: 'Helper#Field2027' })).json();
    expect(second.userCode.endsWith('.00003')).toBe(true);
    const list = (await main.get('/api/v1/registry/my-subject/accounts')).json();
    expect(list.items.map((u: { userCode: string }) => u.userCode.slice(-5))).toEqual(['00001', '00002', '00003']);

    await refused(t, () => main.post('/api/v1/registry/my-subject/accounts', { username: 'sg-admin', displayName: 'x', password: 'Helper#Field2028' }), 409, 'USERNAME_TAKEN');
    await refused(t, () => main.patch(`/api/v1/registry/my-subject/accounts/${list.items[0].id}`, { status: 'disabled' }), 400, 'CANNOT_CHANGE_MAIN_ACCOUNT');
    const stranger = await t.login('sg-hl-user');
    await refused(t, () => main.patch(`/api/v1/registry/my-subject/accounts/${stranger.me!.user.id}`, { status: 'disabled' }), 404, 'NOT_OWN_STAFF');

    const staff = await t.login('farmer11-staff', 'Helper#Field2026');
    const pw = await staff.post('/api/v1/auth/password', { currentPassword: 'Helper#Field2026', newPassword: 'Helper#Field2099' });
    expect(pw.statusCode, pw.body).toBe(204);
    expect((await staff.get('/api/v1/registry/my-subject')).statusCode).toBe(200);
    expectError(await staff.post('/api/v1/registry/my-subject/identity/regenerate', {}), 403, 'FORBIDDEN');

    expect((await main.patch(`/api/v1/registry/my-subject/accounts/${added.json().id}`, { status: 'disabled' })).json().status).toBe('disabled');
    expectError(await staff.get('/api/v1/registry/my-subject'), 401, 'UNAUTHENTICATED');
  });
});

describe('certificates', () => {
  it('are attached with a scan, verified by the county, and refused when dates or numbers are wrong', async () => {
    const scan = await uploadScan(main);
    const cert = { kind: 'green', number: 'LB-15-2401234567', products: '番茄、黄瓜', issuer: '中国绿色食品发展中心', validFrom: '2026-01-01', validTo: '2028-12-31', scanFileId: scan };
    const added = await main.post('/api/v1/registry/my-subject/certificates', cert);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ status: 'unverified', valid: true });
    await refused(t, () => main.post('/api/v1/registry/my-subject/certificates', cert), 409, 'CERTIFICATE_EXISTS');
    await refused(t, () => main.post('/api/v1/registry/my-subject/certificates', { ...cert, number: 'X-2', validTo: '2025-01-01' }), 400, 'CERTIFICATE_DATES');
    const applicationPhoto = await uploadPhoto(t.app);
    await refused(t, () => main.post('/api/v1/registry/my-subject/certificates', { ...cert, number: 'X-3', scanFileId: applicationPhoto }), 400, 'PHOTO_NOT_FOUND');

    const id = added.json().id;
    const scanRes = await county.get(`/api/v1/registry/certificates/${id}/scan`);
    expect(scanRes.headers['content-type']).toBe('image/png');
    expectError(await (await t.login('pd-admin')).get(`/api/v1/registry/certificates/${id}/scan`), 404, 'CERTIFICATE_NOT_FOUND');
    const township = await t.login('sg-hl-user');
    await refused(t, () => township.post(`/api/v1/registry/certificates/${id}/verify`, { verified: true }), 403, 'FORBIDDEN');
    const verified = await county.post(`/api/v1/registry/certificates/${id}/verify`, { verified: true, note: '与证书系统一致' });
    expect(verified.json()).toMatchObject({ status: 'verified', verifyNote: '与证书系统一致' });
    await refused(t, () => county.post(`/api/v1/registry/certificates/${id}/verify`, { verified: false }), 409, 'CERTIFICATE_NOT_UNVERIFIED');
    expect((await county.get(`/api/v1/registry/subjects/${farmer.subjectId}`)).json().certificates[0]).toMatchObject({ id, status: 'verified' });
  });
});

describe('change requests', () => {
  it('show before and after (phones masked), wait for the county, then apply', async () => {
    const res = await main.post('/api/v1/registry/my-subject/change-requests', { changes: { name: '寿光绿野家庭农场', phone: '13912345678', scale: 40 }, reason: '扩大规模' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', before: { name: farmer.body.name, phone: '139****0011', scale: 12.5 }, after: { name: '寿光绿野家庭农场', phone: '139****5678', scale: 40 } });
    await refused(t, () => main.post('/api/v1/registry/my-subject/change-requests', { changes: { scale: 50 }, reason: '再改' }), 409, 'CHANGE_PENDING');

    const inbox = (await county.get('/api/v1/registry/change-requests?status=pending')).json();
    expect(inbox.items.map((c: { id: string }) => c.id)).toContain(res.json().id);
    const approved = await county.post(`/api/v1/registry/change-requests/${res.json().id}/approve`, {});
    expect(approved.json().status).toBe('approved');
    const mine = (await main.get('/api/v1/registry/my-subject')).json();
    expect(mine).toMatchObject({ name: '寿光绿野家庭农场', profile: { phone: '139****5678', scale: 40 } });
    await refused(t, () => county.post(`/api/v1/registry/change-requests/${res.json().id}/approve`, {}), 409, 'APPLICATION_NOT_PENDING');
  });

  it('refuses changes that equal the data, break the rules, or touch the identity', async () => {
    await refused(t, () => main.post('/api/v1/registry/my-subject/change-requests', { changes: { scale: 40 }, reason: '无变化' }), 400, 'NOTHING_CHANGED');
    await refused(t, () => main.post('/api/v1/registry/my-subject/change-requests', { changes: { outputUnit: 'head' }, reason: '单位' }), 400, 'UNITS_DO_NOT_FIT');
    await refused(t, () => main.post('/api/v1/registry/my-subject/change-requests', { changes: { townshipCode: '510117104' }, reason: '搬迁' }), 400, 'TOWNSHIP_NOT_IN_COUNTY');
    await refused(t, () => main.post('/api/v1/registry/my-subject/change-requests', { changes: { idNumber: residentId(99) }, reason: '换证' }), 400, 'VALIDATION_FAILED');
  });
});

describe('agencies and subjects', () => {
  it('search their jurisdiction only, by name or identity number, always masked', async () => {
    const byName = (await county.get(`/api/v1/registry/subjects?q=${encodeURIComponent('绿野')}`)).json();
    expect(byName.items.map((s: { id: string }) => s.id)).toEqual([farmer.subjectId]);
    const byId = (await county.get(`/api/v1/registry/subjects?q=${farmer.body.idNumber as string}`)).json();
    expect(byId.items.map((s: { id: string }) => s.id)).toEqual([farmer.subjectId]);
    const detail = await county.get(`/api/v1/registry/subjects/${farmer.subjectId}`);
    expect(detail.body).not.toContain((farmer.body.idNumber as string).slice(4, 14));
    expect(detail.body).not.toContain('13912345678');
    const other = await t.login('pd-admin');
    expect((await other.get('/api/v1/registry/subjects')).json().items).toEqual([]);
    expectError(await other.get(`/api/v1/registry/subjects/${farmer.subjectId}`), 404, 'SUBJECT_NOT_FOUND');
    // The registration photos travel with the subject: its officials and its own accounts may open them.
    const photo = (farmer.body.photos as { fileId: string }[])[0]!.fileId;
    expect((await county.get(`/api/v1/registry/subjects/${farmer.subjectId}/photos/${photo}`)).headers['content-type']).toBe('image/png');
    expect((await main.get(`/api/v1/registry/my-subject/photos/${photo}`)).statusCode).toBe(200);
    expectError(await other.get(`/api/v1/registry/subjects/${farmer.subjectId}/photos/${photo}`), 404, 'SUBJECT_NOT_FOUND');
    expectError(await county.get(`/api/v1/registry/subjects/${farmer.subjectId}/photos/00000000-0000-4000-8000-000000000000`), 404, 'FILE_NOT_FOUND');
  });

  it('suspend and restore with history; a suspended subject\'s account can only read', async () => {
    const township = await t.login('sg-hl-user');
    await refused(t, () => township.post(`/api/v1/registry/subjects/${farmer.subjectId}/suspend`, { reason: '抽检不合格' }), 403, 'FORBIDDEN');
    const suspended = await county.post(`/api/v1/registry/subjects/${farmer.subjectId}/suspend`, { reason: '抽检不合格，暂停' });
    expect(suspended.json().status).toBe('suspended');
    await refused(t, () => county.post(`/api/v1/registry/subjects/${farmer.subjectId}/suspend`, { reason: '再次' }), 409, 'SUBJECT_STATUS_CONFLICT');
    const again = await t.login(farmer.username, farmer.password);
    expect((await again.get('/api/v1/auth/me')).json().permissions).toEqual(['epcis.query', 'feedback.file', 'notice.read', 'subject.self', 'trace.graph', 'trace.read']);
    expectError(await again.post('/api/v1/registry/my-subject/identity/regenerate', {}), 403, 'FORBIDDEN');
    const restored = (await county.post(`/api/v1/registry/subjects/${farmer.subjectId}/restore`, { reason: '整改完成' })).json();
    expect(restored.statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(['active', 'suspended', 'active']);
  });

  it('record bad conduct, not in the future', async () => {
    const law = await t.login('sg-law-admin');
    const res = await law.post(`/api/v1/registry/subjects/${farmer.subjectId}/bad-records`, { severity: 'serious', description: '未按规定记录农药使用', occurredOn: '2026-10-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().badRecords[0]).toMatchObject({ severity: 'serious', source: 'manual' });
    await refused(t, () => law.post(`/api/v1/registry/subjects/${farmer.subjectId}/bad-records`, { severity: 'minor', description: '未来', occurredOn: '2999-01-01' }), 400, 'BAD_RECORD_FUTURE');
  });
});

describe('temporary subjects', () => {
  it('are recorded in the field and claimed when the same identity registers', async () => {
    const inspector = await t.login('sg-hl-user');
    const idNumber = residentId(12);
    const temp = await inspector.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name: '未注册农户', industries: ['planting'], idKind: 'resident_id', idNumber, regionCode: '370783100' });
    expect(temp.statusCode, temp.body).toBe(200);
    expect(temp.json().tempCode).toMatch(/^LS370783[0-9A-Z]{8}$/);
    const [kept] = await queryRows<{ id_shown: string }>(t.database.db, sql`SELECT id_shown FROM subjects WHERE id = ${temp.json().id}`);
    expect(kept!.id_shown).toBe(`3707${'*'.repeat(10)}${idNumber.slice(-4)}`);
    expect((await inspector.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name: '同一人', industries: ['planting'], idKind: 'resident_id', idNumber, regionCode: '370783100' })).json().id).toBe(temp.json().id);
    await refused(t, () => inspector.post('/api/v1/registry/temporary-subjects', { category: 0, orgForm: 1, name: '外地', industries: ['planting'], regionCode: '510117104' }), 403, 'TEMPORARY_NEEDS_REGION_IN_JURISDICTION');

    const registered = await registeredFarmer(t, 12);
    expect(registered.subjectId).toBe(temp.json().id);
    const rows = await queryRows<{ status: string; temp_code: string }>(t.database.db, sql`SELECT status, temp_code FROM subjects WHERE id = ${temp.json().id}`);
    expect(rows[0]).toEqual({ status: 'active', temp_code: temp.json().tempCode });
    const history = (await county.get(`/api/v1/registry/subjects/${temp.json().id}`)).json().statusHistory;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['active', 'temporary']);
  });
});
