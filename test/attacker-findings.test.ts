import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeUnreferencedUploads } from '../src/domains/registry/index.js';
import { FileStorage } from '../src/platform/files/storage.js';
import { queryRows } from '../src/platform/db/rows.js';
import { expectError, refused } from './assertions.js';
import { createTestApp, type TestApp } from './harness.js';
import { farmerApplication, multipart, PNG, registeredFarmer, uploadPhoto, uploadRaw, uploadTicket } from './subjects.js';

// Issue 19, "what an attacker found": the findings of the registration, files and public surfaces, each refused here.

let t: TestApp;
let n = 0;
/** Each test speaks from an address of its own, so that one test's per-IP counts never meet another's. */
const from = () => ({ remoteAddress: `203.0.113.${++n}` });
const LIMITS = { REGISTRATION_RATE_LIMIT: '10', UPLOAD_RATE_LIMIT: '30', PUBLIC_VERIFY_CODES_PER_MINUTE: '1500' };

beforeAll(async () => {
  t = await createTestApp({ env: LIMITS });
});
afterAll(async () => t?.close());

function ticketFrom(ip: { remoteAddress: string }) {
  return t.app.inject({ method: 'POST', url: '/api/v1/registry/upload-tickets', ...ip });
}

describe('finding 1 and 7: anonymous registration is limited per IP', () => {
  it('refuses the eleventh application of an hour from one address, refused ones counted, and not those of another', async () => {
    const ip = from();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: { username: 'sg-admin' }, ...ip })).statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: {}, ...ip }), 429, 'RATE_LIMITED');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: {}, ...from() })).statusCode).toBe(400);
  });

  it('refuses an upload without a valid ticket, and the 31st upload of an hour from one address', async () => {
    const ip = from();
    const body = multipart(PNG, 'id.png');
    const send = (ticket?: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/registry/uploads', payload: body.payload, headers: { ...body.headers, ...(ticket ? { 'x-upload-ticket': ticket } : {}) }, ...ip });
    const before = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM files`);
    expectError(await send(), 400, 'UPLOAD_TICKET_INVALID');
    const { ticket } = (await ticketFrom(ip)).json<{ ticket: string }>();
    const [id, expiry, mac] = ticket.split('.');
    expectError(await send(`${id}.${expiry}.${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`), 400, 'UPLOAD_TICKET_INVALID');
    expectError(await send(`${id}.${(Number.parseInt(expiry!, 36) + 1).toString(36)}.${mac}`), 400, 'UPLOAD_TICKET_INVALID');
    expect((await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM files`))[0]!.n).toBe(before[0]!.n);
    for (let i = 0; i < 27; i++) expect((await send(ticket)).statusCode).toBe(201);
    expectError(await send(ticket), 429, 'RATE_LIMITED');
  });
});

describe('finding 11: an upload is cited only by its uploader', () => {
  it('refuses photos uploaded under another applicant’s ticket', async () => {
    const mine = await uploadTicket(t.app, true);
    const theirs = await uploadTicket(t.app, true);
    const front = await uploadPhoto(t.app, theirs);
    const back = await uploadPhoto(t.app, theirs);
    const body = farmerApplication(301, { front, back }, { uploadTicket: mine });
    await refused(t, () => t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: body, ...from() }), 400, 'PHOTO_NOT_FOUND');
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: { ...body, uploadTicket: theirs }, ...from() });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('refuses a certificate scan of another subject, and an identity look-up names no scan file', async () => {
    const a = await registeredFarmer(t, 311);
    const b = await registeredFarmer(t, 312);
    const ownerA = await t.login(a.username, a.password);
    const ownerB = await t.login(b.username, b.password);
    const body = multipart(PNG, 'scan.png');
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/v1/registry/my-subject/uploads', payload: body.payload, headers: { ...body.headers, cookie: ownerA.cookie!, 'x-csrf-token': ownerA.csrf! } });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const cert = { kind: 'green', number: 'LB-37-2026-0311', products: '黄瓜', validFrom: '2026-01-01', validTo: '2028-12-31', scanFileId: uploaded.json().fileId };
    await refused(t, () => ownerB.post('/api/v1/registry/my-subject/certificates', { ...cert, number: 'LB-37-2026-0312' }), 400, 'PHOTO_NOT_FOUND');
    const added = await ownerA.post('/api/v1/registry/my-subject/certificates', cert);
    expect(added.statusCode, added.body).toBe(201);
    const token = (await ownerA.get('/api/v1/registry/my-subject/identity')).json().token;
    const looked = (await ownerB.get(`/api/v1/registry/identities/${token}`)).json();
    expect(looked.certificates).toHaveLength(1);
    expect(looked.certificates[0].scanFileId).toBeNull();
    expect(JSON.stringify(looked)).not.toContain(uploaded.json().fileId);
  });

  it('refuses a change request citing a photo the subject did not upload', async () => {
    const a = await registeredFarmer(t, 321);
    const owner = await t.login(a.username, a.password);
    const stranger = await uploadPhoto(t.app, await uploadTicket(t.app, true));
    const photos = [{ kind: 'id_front', fileId: stranger }, a.body.photos[1]];
    await refused(t, () => owner.post('/api/v1/registry/my-subject/change-requests', { changes: { photos }, reason: '更换身份证照片' }), 400, 'PHOTO_NOT_FOUND');
    const body = multipart(PNG, 'new-front.png');
    const mine = await t.app.inject({ method: 'POST', url: '/api/v1/registry/uploads', payload: body.payload, headers: { ...body.headers, cookie: owner.cookie!, 'x-csrf-token': owner.csrf! } });
    expect(mine.statusCode, mine.body).toBe(201);
    const ok = await owner.post('/api/v1/registry/my-subject/change-requests', { changes: { photos: [{ kind: 'id_front', fileId: mine.json().fileId }, a.body.photos[1]] }, reason: '更换身份证照片' });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('finding 7: unreferenced uploads are purged on a schedule', () => {
  it('removes uploads nobody cites once their ticket has expired, rows and bytes, and keeps cited ones', async () => {
    const ticket = await uploadTicket(t.app, true);
    const orphan = await uploadPhoto(t.app, ticket);
    const cited = await registeredFarmer(t, 331);
    const keyOf = async (id: string) => (await queryRows<{ storage_key: string }>(t.database.db, sql`SELECT storage_key FROM files WHERE id = ${id}`))[0]?.storage_key;
    const orphanKey = (await keyOf(orphan))!;
    const storage = FileStorage.local(t.config.dataDir, t.config.secretKey);
    // Not yet: its ticket may still be in use.
    await purgeUnreferencedUploads(t.database.db, storage);
    expect(await keyOf(orphan)).toBeDefined();
    const later = new Date(Date.now() + 25 * 3600_000);
    expect(await purgeUnreferencedUploads(t.database.db, storage, later)).toBeGreaterThanOrEqual(1);
    expect(await keyOf(orphan)).toBeUndefined();
    expect(() => statSync(storage.pathOf(orphanKey))).toThrow();
    for (const p of cited.body.photos) expect(await keyOf(p.fileId)).toBeDefined();
  });
});

describe('finding 10: files are encrypted at rest and readable by the server alone', () => {
  it('writes no plaintext, creates files 0600 and folders 0700, and still reads a file stored before encryption', async () => {
    const marker = Buffer.concat([PNG, Buffer.from('IDENTITY-CARD-MARKER-310')]);
    const res = await uploadRaw(t.app, marker, 'id.png');
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await queryRows<{ storage_key: string; encrypted: boolean }>(t.database.db, sql`SELECT storage_key, encrypted FROM files WHERE id = ${res.json().fileId}`);
    expect(row!.encrypted).toBe(true);
    const storage = FileStorage.local(t.config.dataDir, t.config.secretKey);
    const onDisk = storage.pathOf(row!.storage_key);
    expect(readFileSync(onDisk).includes(Buffer.from('IDENTITY-CARD-MARKER-310'))).toBe(false);
    expect(readFileSync(onDisk).includes(PNG.subarray(0, 8))).toBe(false);
    expect(statSync(onDisk).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(onDisk)).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(t.config.dataDir, 'files')).mode & 0o777).toBe(0o700);
    expect((await storage.read(t.database.db, res.json().fileId)).bytes.equals(marker)).toBe(true);
    // A file written before encryption at rest is marked so by the migration (encrypted = false) and reads as it is.
    await t.database.db.execute(sql`UPDATE files SET encrypted = false WHERE id = ${res.json().fileId}`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(onDisk, marker);
    expect((await storage.read(t.database.db, res.json().fileId)).bytes.equals(marker)).toBe(true);
    // A key other than the server's opens nothing.
    await t.database.db.execute(sql`UPDATE files SET encrypted = true WHERE id = ${res.json().fileId}`);
    const again = await uploadRaw(t.app, marker, 'id.png');
    const other = FileStorage.local(t.config.dataDir, 'another-secret-key-of-at-least-32-chars!');
    await expect(other.read(t.database.db, again.json().fileId)).rejects.toThrow();
    expect(readdirSync(path.join(t.config.dataDir, 'files')).length).toBeGreaterThan(0);
  });
});

describe('finding 13: malformed requests are 400, not 500', () => {
  it('answers an unterminated multipart body on the anonymous upload route with 400', async () => {
    const ticket = await uploadTicket(t.app, true);
    const boundary = '----tracenetcut';
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`), PNG]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registry/uploads', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-upload-ticket': ticket }, ...from() });
    const body = expectError(res, 400, 'MULTIPART_MALFORMED');
    expect(body.message.zh).toContain('上传');
  });

  it('answers a cursor holding an out-of-range or impossible date with 400 BAD_CURSOR', async () => {
    const county = await t.login('sg-admin');
    const cursor = (v: unknown[]) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const id = '00000000-0000-4000-8000-000000000000';
    for (const c of [
      cursor(['275760-09-13T00:00:00.000Z', id]),
      cursor(['2026-02-30T00:00:00.000Z', id]),
      cursor(['99999-01-01', id]),
      cursor(['not a date', id]),
      cursor(['2026-01-01T00:00:00.000Z', 'not-a-uuid']),
      cursor([1e300, id]),
    ]) {
      expectError(await county.get(`/api/v1/registry/applications?cursor=${c}`), 400, 'BAD_CURSOR');
      expectError(await county.get(`/api/v1/registry/change-requests?cursor=${c}`), 400, 'BAD_CURSOR');
    }
  });
});

describe('finding 15: invisible formatting characters are refused in every plain-text field', () => {
  it('refuses bidirectional and zero-width characters in a name, an address and a free-text field, writing nothing', async () => {
    const photos = { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) };
    for (const ch of ['\u202e', '\u2066', '\u200b', '\u200f', '\u202a']) {
      const body = farmerApplication(341, photos, { name: `农户${ch}甲` });
      const res = await refused(t, () => t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: body, ...from() }), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.details)).toContain('name');
      expect(JSON.stringify(res.details)).toContain('zero-width');
    }
    await refused(t, () => t.app.inject({ method: 'POST', url: '/api/v1/registry/applications', payload: farmerApplication(342, photos, { address: '东村\u2067 8 号' }), ...from() }), 400, 'VALIDATION_FAILED');
    const county = await t.login('sg-admin');
    const [app] = (await county.get('/api/v1/registry/applications?status=pending&limit=1')).json<{ items: { id: string }[] }>().items;
    await refused(t, () => county.post(`/api/v1/registry/applications/${app!.id}/return`, { opinion: '请补充\u200d照片' }), 400, 'VALIDATION_FAILED');
  });
});

describe('finding 17: bulk verify counts codes, not requests', () => {
  it('refuses a request that would take an address past its codes per minute, and not another address', async () => {
    const codes = (k: number) => Array.from({ length: k }, (_, i) => `1370783${String(i).padStart(12, '0')}0`);
    const ip = from();
    const verify = (k: number, who = ip) => t.app.inject({ method: 'POST', url: '/api/v1/public/trace/verify', payload: { codes: codes(k) }, ...who });
    expect((await verify(1000)).statusCode).toBe(200);
    expect((await verify(400)).statusCode).toBe(200);
    const over = await verify(200);
    expect(over.statusCode).toBe(429);
    const refusedVerify = expectError(over, 429, 'RATE_LIMITED');
    expect(refusedVerify.details).toMatchObject({ codesPerMinute: 1500 });
    expect((await verify(100)).statusCode).toBe(200);
    expect((await verify(1000, from())).statusCode).toBe(200);
  });
});

describe('finding 16: natural persons are masked alike everywhere public', () => {
  it('masks a registered natural-person buyer as one recorded by hand: on the JSON, the page and the identity page', async () => {
    // sg-farmer is 张建国, a subject of 组织形式 个人; the co-operative is an organisation, named in full.
    const coop = await t.login('sg-coop');
    const farmer = await t.login('sg-farmer');
    const token = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
    const product = (await coop.post('/api/v1/trace/products', { name: '寿光黄瓜', classCode: '04', spec: '5kg/箱', unit: 'kg' })).json();
    const batch = (await coop.post('/api/v1/trace/batches', { productId: product.id, quantity: 50, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).json();
    expect(batch.code).toBeDefined();
    const sale = (await coop.post('/api/v1/trace/trades', { batchId: batch.id, buyerToken: token, quantity: 10, unit: 'kg' })).json();
    const confirmed = (await farmer.post(`/api/v1/trace/trades/${sale.id}/confirm`, {})).json();
    const manual = await farmer.post('/api/v1/trace/trades', { batchId: confirmed.buyerBatchId, quantity: 2, unit: 'kg', buyer: { name: '王小明', phone: '13698765432' } });
    expect(manual.statusCode, manual.body).toBe(201);
    const code = manual.json().buyerBatchCode;
    const json = (await t.anonymous.get(`/api/v1/public/trace/${code}`)).json();
    expect(json.chain.map((h: { holderKind: string; holderName: string }) => [h.holderKind, h.holderName])).toEqual([
      ['producer', expect.stringContaining('合作社')],
      ['buyer', '张**'],
      ['person', '王**'],
    ]);
    const page = (await t.anonymous.get(`/t/${code}`)).body;
    expect(page).not.toContain('张建国');
    expect(page).toContain('张**');
    const identityPage = (await t.anonymous.get(`/e/${token}`)).body;
    expect(identityPage).not.toContain('张建国');
    expect(identityPage).toContain('张**');
    const verified = (await t.anonymous.post('/api/v1/public/trace/verify', { codes: [code, confirmed.buyerBatchCode] })).body;
    expect(verified).not.toContain('张建国');
  });
});
