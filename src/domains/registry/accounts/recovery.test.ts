import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { counts, expectError } from '../../../../test/assertions.js';
import { farmerApplication, uploadPhoto } from '../../../../test/subjects.js';
import { queryRows } from '../../../platform/db/rows.js';
import { demoLoaded } from '../demo.seed.js';

// Issue 15 §7: what someone who cannot get in may do — see the demo logins (only with demo data), ask the account's
// administrator for a password reset, find a lost tracking code with the identity number and the phone.

const NEW_PASSWORD = 'Reset#Pass2026x';
type ResetItem = { id: string; userId: string; username: string; agencyName: string };

async function auditOf(t: TestApp, action: string) {
  return queryRows<{ target_type: string; target_id: string; after: Record<string, unknown> | null }>(t.database.db, sql`SELECT target_type, target_id, after FROM audit_log WHERE action = ${action} ORDER BY id`);
}

describe('login options, password-reset requests, tracking-code recovery', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['sd-admin', 'wf-admin', 'sg-admin', 'sc-admin', 'sg-lab-admin']) as[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('tells the login page whether the demo data is loaded', async () => {
    expect(await demoLoaded(t.database.db)).toBe(true);
    await t.database.db.execute(sql`UPDATE users SET username = 'moa-admin-renamed' WHERE username = 'moa-admin'`);
    expect(await demoLoaded(t.database.db)).toBe(false);
    // The route asks once and believes "not loaded" for a minute.
    const res = await t.anonymous.get('/api/v1/public/login-options');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ demo: false });
    await t.database.db.execute(sql`UPDATE users SET username = 'moa-admin' WHERE username = 'moa-admin-renamed'`);
    expect(await demoLoaded(t.database.db)).toBe(true);
  });

  it('records a reset request for an agency account, once, and answers an unknown name alike', async () => {
    const known = await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'SG-Hl-User' });
    const unknown = await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'nobody-here' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    // A repeated request while one is open adds nothing.
    expect((await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'sg-hl-user' })).statusCode).toBe(202);
    const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM password_reset_requests`)) as [{ n: number }];
    expect(n).toBe(1);
    const audit = await auditOf(t, 'auth.password_reset_request');
    expect(audit.map((a) => a.target_type)).toEqual(['user', 'username', 'user']);
    expect(audit[1]!.target_id).toBe('nobody-here');
    expectError(await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: '' }), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous.post('/api/v1/auth/password-reset-requests', {}), 400, 'VALIDATION_FAILED');
  });

  it('shows the request to the administrator who manages the account, and a reset answers it', async () => {
    // The township station's staff are managed by its county's supervision admin (policies.ts), nobody else here.
    const mine = await as['sg-admin']!.get('/api/v1/password-reset-requests');
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json<{ items: ResetItem[] }>().items;
    expect(items.map((i) => i.username)).toEqual(['sg-hl-user']);
    for (const other of ['sd-admin', 'wf-admin', 'sc-admin', 'sg-lab-admin']) {
      expect((await as[other]!.get('/api/v1/password-reset-requests')).json<{ items: unknown[] }>().items, other).toEqual([]);
    }
    expectError(await t.anonymous.get('/api/v1/password-reset-requests'), 401, 'UNAUTHENTICATED');
    const station = await t.login('sg-hl-user');
    expectError(await station.get('/api/v1/password-reset-requests'), 403, 'FORBIDDEN');

    const reset = await as['sg-admin']!.post(`/api/v1/users/${items[0]!.userId}/reset-password`, { newPassword: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await as['sg-admin']!.get('/api/v1/password-reset-requests')).json<{ items: unknown[] }>().items).toEqual([]);
    const [row] = await queryRows<{ status: string; resolved_by: string }>(t.database.db, sql`SELECT status, resolved_by FROM password_reset_requests`);
    expect(row).toEqual({ status: 'resolved', resolved_by: as['sg-admin']!.me!.user.id });
    const [audit] = (await auditOf(t, 'user.reset_password')).slice(-1);
    expect(audit!.after).toEqual({ resetRequestId: items[0]!.id });
    // A new request may follow the resolved one.
    await t.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'sg-hl-user' });
    expect((await as['sg-admin']!.get('/api/v1/password-reset-requests')).json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('counts reset requests like login attempts from the address', async () => {
    const strict = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      for (let i = 0; i < 3; i++) expect((await strict.anonymous.post('/api/v1/auth/password-reset-requests', { username: `who-${i}` })).statusCode).toBe(202);
      const before = await counts(strict);
      expectError(await strict.anonymous.post('/api/v1/auth/password-reset-requests', { username: 'sg-hl-user' }), 429, 'TOO_MANY_LOGINS');
      expect(await counts(strict)).toEqual(before);
    } finally {
      await strict.close();
    }
  });

  it('records the privacy consent with an application and refuses one without it', async () => {
    const body = farmerApplication(901, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) });
    const { privacyConsent: _consent, ...without } = body;
    const before = await counts(t);
    expectError(await t.anonymous.post('/api/v1/registry/applications', without), 400, 'VALIDATION_FAILED');
    expectError(await t.anonymous.post('/api/v1/registry/applications', { ...body, privacyConsent: '2020-01-01' }), 400, 'VALIDATION_FAILED');
    expect(await counts(t)).toEqual(before);
    const created = await t.anonymous.post('/api/v1/registry/applications', body);
    expect(created.statusCode, created.body).toBe(201);
    const [row] = await queryRows<{ privacy_consent_version: string; privacy_consent_at: Date | string }>(
      t.database.db,
      sql`SELECT privacy_consent_version, privacy_consent_at FROM subject_applications WHERE tracking_code = ${created.json<{ trackingCode: string }>().trackingCode}`,
    );
    expect(row!.privacy_consent_version).toBe(body.privacyConsent);
    expect(Math.abs(new Date(row!.privacy_consent_at).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('gives back a lost tracking code only for the identity number and the phone together', async () => {
    const body = farmerApplication(902, { front: await uploadPhoto(t.app), back: await uploadPhoto(t.app) });
    const code = (await t.anonymous.post('/api/v1/registry/applications', body)).json<{ trackingCode: string }>().trackingCode;
    const ask = (idNumber: string, phone: string) => t.anonymous.post('/api/v1/registry/applications/recover', { idNumber, phone });
    const right = await ask(body.idNumber.toLowerCase(), body.phone);
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json<{ items: { trackingCode: string; status: string; name: string }[] }>().items).toEqual([expect.objectContaining({ trackingCode: code, status: 'pending', name: body.name })]);
    // The right number with another phone, another number with the right phone: the same empty answer.
    const wrongPhone = await ask(body.idNumber, '13900000000');
    const wrongId = await ask(farmerApplication(903, { front: 'x', back: 'x' }).idNumber, body.phone);
    expect(wrongPhone.statusCode).toBe(200);
    expect(wrongPhone.body).toBe('{"items":[]}');
    expect(wrongId.body).toBe(wrongPhone.body);
    const audit = await auditOf(t, 'application.recover_code');
    expect(audit.map((a) => a.after)).toEqual([{ found: 1 }, { found: 0 }, { found: 0 }]);
    expectError(await ask('123', body.phone), 400, 'VALIDATION_FAILED');
    expectError(await ask(body.idNumber, '12345'), 400, 'VALIDATION_FAILED');
  });

  it('limits tracking-code recovery per address', async () => {
    const strict = await createTestApp({ env: { REGISTRATION_RATE_LIMIT: '2' } });
    try {
      const ask = () => strict.anonymous.post('/api/v1/registry/applications/recover', { idNumber: farmerApplication(904, { front: 'x', back: 'x' }).idNumber, phone: '13900000904' });
      expect((await ask()).statusCode).toBe(200);
      expect((await ask()).statusCode).toBe(200);
      expect((await ask()).statusCode).toBe(429);
    } finally {
      await strict.close();
    }
  });
});
