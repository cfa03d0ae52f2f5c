import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, tableCounts } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { callSigned, type PartnerKey } from '../../../../test/partner.js';
import { loginAll } from '../../../../test/supervision.js';
import { queryRows } from '../../../platform/db/rows.js';
import { idCheckChar, usccCheckChar } from '../../registry/index.js';

// 三品一标 and 追溯挂钩 (issue 17 §4): a certification system reads a holder's standing and pushes its certificates;
// supervision agencies check lists of subjects and see how many certified holders are on the platform.

const COOP = `93370783MA3C00001${usccCheckChar('93370783MA3C00001')}`; // sg-coop, registered in 370783 (demo)
const OUTSIDER = `91370783MA3C00009${usccCheckChar('91370783MA3C00009')}`; // a company that never registered
const PERSON = `37078319800101002${idCheckChar('37078319800101002')}`;
const TABLES = ['scheme_certificates', 'subject_certificates', 'trace_checks', 'trace_check_items', 'audit_log'];

let t: TestApp;
let moa: Client;
let sd: Client;
let sc: Client;
let coop: Client;
let green: PartnerKey;
let market: PartnerKey;

async function keyOf(by: Client, body: Record<string, unknown>): Promise<PartnerKey> {
  const client = await by.post('/api/v1/integration/clients', body);
  expect(client.statusCode, client.body).toBe(201);
  const key = (await by.post(`/api/v1/integration/clients/${client.json().id}/keys`, {})).json();
  return { keyId: key.key.id, secret: key.secret };
}

const cert = (number: string, idNumber: string, over: Record<string, unknown> = {}) => ({
  number,
  holder: { idNumber, name: idNumber === PERSON ? '李小明' : '某某企业', regionCode: '370783' },
  products: '黄瓜、番茄',
  validFrom: '2026-01-01',
  validTo: '2029-12-31',
  state: 'valid',
  ...over,
});
const push = (key: PartnerKey, certificates: unknown[]) => callSigned(t.app, key, { method: 'POST', url: '/api/v1/integration/certificates', body: { certificates } });

beforeAll(async () => {
  t = await createTestApp();
  [moa, sd, sc, coop] = await loginAll(t, ['moa-admin', 'sd-admin', 'sc-admin', 'sg-coop'] as const);
  const productId = (await coop.post('/api/v1/trace/products', { name: '黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  expect((await coop.post('/api/v1/trace/batches', { productId, quantity: 80, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } })).statusCode).toBe(201);
  green = await keyOf(moa, { name: '绿色食品认证管理系统', kind: 'certification', scheme: 'green', regions: [''], operations: ['integration.standing', 'integration.certificate_push'] });
  market = await keyOf(sd, { name: '寿光蔬菜批发市场', kind: 'market', regions: ['370783'], operations: ['trace.graph'] });
}, 120_000);
afterAll(async () => t?.close());

describe('a certification system', () => {
  it('reads a holder’s standing: registered, status and traceability in the last twelve months', async () => {
    const res = await callSigned(t.app, green, { method: 'GET', url: `/api/v1/integration/subjects/${COOP}/standing` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ registered: true, implementsTraceability: true, subject: { name: '寿光市化龙镇绿源蔬菜专业合作社', status: 'active', regionCode: expect.stringMatching(/^370783/) } });
    expect(res.json().activity.batches).toBeGreaterThanOrEqual(1);

    const none = await callSigned(t.app, green, { method: 'POST', url: '/api/v1/integration/subjects/standing', body: { idNumber: PERSON } });
    expect(none.json()).toMatchObject({ registered: false, subject: null, activity: null, implementsTraceability: false, schemeCertificates: [] });
    const typo = COOP.slice(0, 17) + (COOP[17] === '0' ? '1' : '0');
    expectError(await callSigned(t.app, green, { method: 'GET', url: `/api/v1/integration/subjects/${typo}/standing` }), 422, 'IDENTITY_INVALID');
    // A market may not be given the operation, so it is refused before anything is read.
    expect((await callSigned(t.app, market, { method: 'GET', url: `/api/v1/integration/subjects/${COOP}/standing` })).statusCode).toBe(403);
  });

  it('pushes certificates all or none: a registered holder’s shows on its record as verified by the system, a resend changes nothing', async () => {
    const before = await tableCounts(t, TABLES);
    const bad = await push(green, [cert('LB-2026-001', COOP), cert('LB-2026-002', COOP.slice(0, 17) + 'Z')]);
    expectError(bad, 422, 'CERTIFICATES_INVALID');
    expect(bad.json().details.items).toEqual([{ index: 1, field: 'holder.idNumber', reason: 'IDENTITY_INVALID' }]);
    expectError(await push(green, [cert('LB-2026-001', COOP, { holder: { idNumber: COOP, name: '某某', regionCode: '510117' }, validTo: '2025-01-01' })]), 422, 'CERTIFICATES_INVALID');
    expect(await tableCounts(t, TABLES)).toEqual(before);

    const res = await push(green, [cert('LB-2026-001', COOP), cert('LB-2026-002', OUTSIDER), cert('LB-2026-003', PERSON)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ written: 3, unchanged: 0, onSubjects: 1 });
    const mine = (await coop.get('/api/v1/registry/my-subject')).json();
    expect(mine.certificates).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'green', number: 'LB-2026-001', status: 'verified', issuedBySystem: '绿色食品认证管理系统' })]));
    // A person's name and number are kept masked.
    const [person] = await queryRows<{ holder_name: string; holder_shown: string }>(t.database.db, sql`SELECT holder_name, holder_shown FROM scheme_certificates WHERE number = 'LB-2026-003'`);
    expect(person!.holder_name).not.toContain('小明');
    expect(person!.holder_shown).not.toBe(PERSON);

    const audits = await tableCounts(t, ['audit_log']);
    expect((await push(green, [cert('LB-2026-001', COOP), cert('LB-2026-002', OUTSIDER), cert('LB-2026-003', PERSON)])).json()).toEqual({ written: 0, unchanged: 3, onSubjects: 1 });
    expect(await tableCounts(t, ['audit_log'])).toEqual(audits);

    // Revoked by its system: withdrawn from the subject's record (and so from the public page).
    expect((await push(green, [cert('LB-2026-001', COOP, { state: 'revoked' })])).json()).toMatchObject({ written: 1 });
    expect((await coop.get('/api/v1/registry/my-subject')).json().certificates.find((c: { number: string }) => c.number === 'LB-2026-001')).toBeUndefined();
    expect((await push(green, [cert('LB-2026-001', COOP)])).json()).toMatchObject({ written: 1 });
    const standing = (await callSigned(t.app, green, { method: 'GET', url: `/api/v1/integration/subjects/${COOP}/standing` })).json();
    expect(standing.schemeCertificates).toEqual([expect.objectContaining({ scheme: 'green', number: 'LB-2026-001', state: 'valid' })]);
  });

  it('refuses a number held by another subject, writing nothing', async () => {
    const [farmer] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM subjects WHERE name = '张建国'`);
    expect(farmer).toBeDefined();
    const farmerId = `37078319750315001${idCheckChar('37078319750315001')}`;
    const before = await tableCounts(t, TABLES);
    expectError(await push(green, [cert('LB-2026-001', farmerId)]), 409, 'CERTIFICATE_CLASH');
    expect(await tableCounts(t, TABLES)).toEqual(before);
    const [row] = await queryRows<{ holder_shown: string }>(t.database.db, sql`SELECT holder_shown FROM scheme_certificates WHERE number = 'LB-2026-001'`);
    expect(row!.holder_shown).toBe(COOP);
  });
});

describe('agencies', () => {
  it('see how many certified holders of their jurisdiction are on the platform, and which are not', async () => {
    const res = await sd.get('/api/v1/integration/coverage');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ regionCode: '37', schemes: [{ scheme: 'green', holders: 3, onPlatform: 1, share: 1 / 3 }] });
    expect((await sc.get('/api/v1/integration/coverage')).json().schemes).toEqual([]);
    const missing = (await sd.get('/api/v1/integration/coverage/holders?scheme=green&onPlatform=no')).json();
    expect(missing.items.map((i: { number: string }) => i.number)).toEqual(['LB-2026-002', 'LB-2026-003']);
    const page = (await sd.get('/api/v1/integration/coverage/holders?scheme=green&limit=2')).json();
    const rest = (await sd.get(`/api/v1/integration/coverage/holders?scheme=green&limit=2&cursor=${page.nextCursor}`)).json();
    expect([...page.items, ...rest.items].map((i: { number: string }) => i.number)).toEqual(['LB-2026-001', 'LB-2026-002', 'LB-2026-003']);
    expect(rest.nextCursor).toBeNull();
  });

  it('check a list for traceability (追溯挂钩), keep it as evidence and export it; another province sees the subject as outside', async () => {
    const before = await tableCounts(t, TABLES);
    expectError(await sd.post('/api/v1/integration/trace-checks', { title: '品牌推选', items: [{ idNumber: COOP }, { idNumber: COOP.slice(0, 17) + 'Z' }] }), 422, 'IDENTITY_INVALID');
    expect(await tableCounts(t, TABLES)).toEqual(before);

    const res = await sd.post('/api/v1/integration/trace-checks', { title: '2026 年品牌推选', items: [{ idNumber: COOP, name: '绿源合作社' }, { idNumber: OUTSIDER, name: '某某企业' }] });
    expect(res.statusCode, res.body).toBe(201);
    const check = res.json();
    expect(check).toMatchObject({ title: '2026 年品牌推选', itemCount: 2, implementing: 1 });
    expect(check.items).toMatchObject([
      { seq: 0, outcome: 'implements', subjectName: '寿光市化龙镇绿源蔬菜专业合作社', nameGiven: '绿源合作社' },
      { seq: 1, outcome: 'not_registered', subjectId: null },
    ]);
    expect(check.items[0].batches).toBeGreaterThanOrEqual(1);

    const elsewhere = (await sc.post('/api/v1/integration/trace-checks', { title: '川渝展会', items: [{ idNumber: COOP }] })).json();
    expect(elsewhere.items).toMatchObject([{ outcome: 'outside', subjectId: null, subjectName: null, batches: 0 }]);
    expectError(await sc.get(`/api/v1/integration/trace-checks/${check.id}`), 404, 'TRACE_CHECK_NOT_FOUND');
    expect((await moa.get('/api/v1/integration/trace-checks')).json().items.map((c: { id: string }) => c.id)).toEqual([elsewhere.id, check.id]);

    const file = await sd.get(`/api/v1/integration/trace-checks/${check.id}/export`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audit = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE action IN ('trace_check.create', 'integration.trace_checks.export') ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['trace_check.create', 'trace_check.create', 'integration.trace_checks.export']);
  });
});
