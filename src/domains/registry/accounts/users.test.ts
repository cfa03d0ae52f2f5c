import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { UserOut } from '../contracts.js';
import { counts, expectError, refused } from '../../../../test/assertions.js';

// User management inside an agency: who may create, disable, enable and reset whose accounts.


const PASSWORD = 'Strong#Pass2026';
const NEXT_PASSWORD = 'Changed#Pass2027';

async function userRow(t: TestApp, username: string) {
  const [row] = await queryRows<{ id: string; status: string; phone_enc: string | null; phone_hash: string | null; must_change_password: boolean; role: string }>(
    t.database.db,
    sql`SELECT id, status, phone_enc, phone_hash, must_change_password, role FROM users WHERE username = ${username}`,
  );
  return row!;
}

async function lastAudit(t: TestApp) {
  const [row] = await queryRows<{ action: string; actor_name: string; target_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    t.database.db,
    sql`SELECT action, actor_name, target_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1`,
  );
  return row!;
}

describe('users of an agency', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  const agencyOf = (u: string) => as[u]!.me!.agency.id;
  const idOf = (u: string) => as[u]!.me!.user.id;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['moa-admin', 'sd-admin', 'sd-lab-admin', 'wf-admin', 'sg-admin', 'sg-hl-user', 'sc-admin', 'pd-admin', 'pd-tc-user']) as[u] = await t.login(u);
  });
  afterAll(() => t.close());

  async function create(by: string, agencyId: string, body: Record<string, unknown>): Promise<UserOut> {
    const res = await as[by]!.post(`/api/v1/agencies/${agencyId}/users`, { displayName: '新用户', password: PASSWORD, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<UserOut>();
  }

  describe('an agency admin manages its own agency', () => {
    it('creates a staff user with a masked phone, stored encrypted, and an audit entry without the number', async () => {
      const before = await counts(t);
      const user = await create('sd-admin', agencyOf('sd-admin'), { username: 'sd-clerk', phone: '13912340002', role: 'staff' });
      expect(user).toMatchObject({ username: 'sd-clerk', role: 'staff', status: 'active', agencyId: agencyOf('sd-admin'), mustChangePassword: true, phone: '139****0002' });
      expect(await counts(t)).toEqual({ ...before, users: before.users + 1, audit: before.audit + 1 });

      const row = await userRow(t, 'sd-clerk');
      expect(row.phone_enc).not.toBeNull();
      expect(row.phone_enc).not.toContain('13912340002');
      expect(row.phone_enc).toMatch(/^v1:/);
      expect(row.phone_hash).toMatch(/^[0-9a-f]{64}$/);

      const audit = await lastAudit(t);
      expect(audit).toMatchObject({ action: 'user.create', actor_name: 'sd-admin', target_id: user.id });
      expect(JSON.stringify(audit.after)).not.toContain('13912340002');
      expect(audit.after).toMatchObject({ phone: '139****0002', role: 'staff' });
    });

    it('takes staff as the default role and may create another admin of its agency', async () => {
      expect((await create('sd-admin', agencyOf('sd-admin'), { username: 'sd-clerk-2' })).role).toBe('staff');
      expect((await create('sd-admin', agencyOf('sd-admin'), { username: 'sd-deputy', role: 'admin' })).role).toBe('admin');
    });

    it('a testing agency admin creates users of its own lab', async () => {
      expect((await create('sd-lab-admin', agencyOf('sd-lab-admin'), { username: 'sd-lab-tech' })).agencyId).toBe(agencyOf('sd-lab-admin'));
    });

    it('lists its users with masked phones only', async () => {
      const res = await as['sd-admin']!.get(`/api/v1/agencies/${agencyOf('sd-admin')}/users`);
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: UserOut[] }>().items;
      expect(items.map((u) => u.username)).toEqual(['sd-admin', 'sd-clerk', 'sd-clerk-2', 'sd-deputy']);
      for (const u of items) if (u.phone) expect(u.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(res.body).not.toContain('13912340002');
      expect(items.find((u) => u.username === 'sd-admin')!.phone).toBe('139****0002');
    });

    it('refuses a taken username, a weak password and a bad phone, writing nothing', async () => {
      const url = `/api/v1/agencies/${agencyOf('sd-admin')}/users`;
      await refused(t, () => as['sd-admin']!.post(url, { username: 'SD-CLERK', displayName: 'x', password: PASSWORD }), 409, 'USERNAME_TAKEN');
      const weak = await refused(t, () => as['sd-admin']!.post(url, { username: 'sd-weak', displayName: 'x', password: 'password' }), 400, 'WEAK_PASSWORD');
      expect(weak.details.problems).toEqual(expect.arrayContaining(['TOO_SHORT', 'TOO_FEW_CLASSES']));
      await refused(t, () => as['sd-admin']!.post(url, { username: 'sd-phone', displayName: 'x', password: PASSWORD, phone: '12345' }), 400, 'VALIDATION_FAILED');
    });

    it('disables a user: its sessions and tokens end and it cannot log in (ACCOUNT_DISABLED)', async () => {
      const clerk = await t.login('sd-clerk', PASSWORD);
      expect((await clerk.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEXT_PASSWORD })).statusCode).toBe(204);
      const token = (await clerk.post('/api/v1/auth/tokens', { name: 'phone', password: NEXT_PASSWORD })).json<{ token: string }>().token;
      expect((await t.anonymous.get('/api/v1/auth/me', { authorization: `Bearer ${token}` })).statusCode).toBe(200);

      const res = await as['sd-admin']!.patch(`/api/v1/users/${clerk.me!.user.id}`, { status: 'disabled' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<UserOut>().status).toBe('disabled');
      expect((await userRow(t, 'sd-clerk')).status).toBe('disabled');
      expect(await lastAudit(t)).toMatchObject({ action: 'user.disable', actor_name: 'sd-admin', before: expect.objectContaining({ status: 'active' }), after: expect.objectContaining({ status: 'disabled' }) });

      expectError(await clerk.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
      expectError(await t.anonymous.get('/api/v1/auth/me', { authorization: `Bearer ${token}` }), 401, 'UNAUTHENTICATED');
      expectError(await t.anonymous.post('/api/v1/auth/login', { username: 'sd-clerk', password: NEXT_PASSWORD }), 403, 'ACCOUNT_DISABLED');
      const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${clerk.me!.user.id}`)) as [{ n: number }];
      expect(n).toBe(0);
    });

    it('enables the user again, who may then log in', async () => {
      const id = (await userRow(t, 'sd-clerk')).id;
      const res = await as['sd-admin']!.patch(`/api/v1/users/${id}`, { status: 'active' });
      expect(res.json<UserOut>().status).toBe('active');
      expect((await lastAudit(t)).action).toBe('user.enable');
      expect((await t.anonymous.post('/api/v1/auth/login', { username: 'sd-clerk', password: NEXT_PASSWORD })).statusCode).toBe(200);
    });

    it('resets a password: old sessions end, the old password fails, the new one must be changed first', async () => {
      const clerk = await t.login('sd-clerk', NEXT_PASSWORD);
      const id = clerk.me!.user.id;
      const res = await as['sd-admin']!.post(`/api/v1/users/${id}/reset-password`, { newPassword: 'Reset#Pass2028' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<UserOut>().mustChangePassword).toBe(true);
      expect((await lastAudit(t)).action).toBe('user.reset_password');

      expectError(await clerk.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
      expectError(await t.anonymous.post('/api/v1/auth/login', { username: 'sd-clerk', password: NEXT_PASSWORD }), 401, 'INVALID_CREDENTIALS');
      const again = await t.login('sd-clerk', 'Reset#Pass2028');
      expectError(await again.get('/api/v1/agencies'), 403, 'PASSWORD_CHANGE_REQUIRED');
      expect((await again.post('/api/v1/auth/password', { currentPassword: 'Reset#Pass2028', newPassword: NEXT_PASSWORD })).statusCode).toBe(204);
      expect((await again.get('/api/v1/agencies')).statusCode).toBe(200);
      as['sd-clerk'] = again;
    });

    it('refuses a weak reset password and writes nothing', async () => {
      const body = await refused(t, () => as['sd-admin']!.post(`/api/v1/users/${idOf('sd-clerk')}/reset-password`, { newPassword: 'sd-clerk-2026' }), 400, 'WEAK_PASSWORD');
      expect(body.details.problems).toContain('CONTAINS_USERNAME');
    });

    it('edits the display name and phone, and clears the phone', async () => {
      const id = idOf('sd-clerk');
      const res = await as['sd-admin']!.patch(`/api/v1/users/${id}`, { displayName: '山东 办事员', phone: '13800001111' });
      expect(res.json<UserOut>()).toMatchObject({ displayName: '山东 办事员', phone: '138****1111' });
      expect((await userRow(t, 'sd-clerk')).phone_enc).not.toContain('13800001111');
      expect(await lastAudit(t)).toMatchObject({ action: 'user.update', before: expect.objectContaining({ phone: '139****0002' }), after: expect.objectContaining({ phone: '138****1111' }) });
      const cleared = await as['sd-admin']!.patch(`/api/v1/users/${id}`, { phone: null });
      expect(cleared.json<UserOut>().phone).toBeNull();
      expect((await userRow(t, 'sd-clerk')).phone_hash).toBeNull();
    });

    it('cannot disable itself or reset its own password (CANNOT_CHANGE_SELF)', async () => {
      const disable = await refused(t, () => as['sd-admin']!.patch(`/api/v1/users/${idOf('sd-admin')}`, { status: 'disabled' }), 400, 'CANNOT_CHANGE_SELF');
      expect(disable.message.en).toMatch(/disable/);
      const reset = await refused(t, () => as['sd-admin']!.post(`/api/v1/users/${idOf('sd-admin')}/reset-password`, { newPassword: 'Reset#Pass2028' }), 400, 'CANNOT_CHANGE_SELF');
      expect(reset.message.en).toMatch(/reset/);
      expect((await userRow(t, 'sd-admin')).status).toBe('active');
    });
  });

  describe('a staff user manages nobody', () => {
    it('is refused every user route with 403 FORBIDDEN', async () => {
      const clerk = as['sd-clerk']!;
      const agency = agencyOf('sd-admin');
      await refused(t, () => clerk.post(`/api/v1/agencies/${agency}/users`, { username: 'by-staff', displayName: 'x', password: PASSWORD }), 403, 'FORBIDDEN');
      await refused(t, () => clerk.patch(`/api/v1/users/${idOf('sd-admin')}`, { status: 'disabled' }), 403, 'FORBIDDEN');
      await refused(t, () => clerk.post(`/api/v1/users/${idOf('sd-admin')}/reset-password`, { newPassword: 'Reset#Pass2028' }), 403, 'FORBIDDEN');
      expectError(await clerk.get(`/api/v1/agencies/${agency}/users`), 403, 'FORBIDDEN');
    });

    it('nor does the township station user', async () => {
      const station = as['sg-hl-user']!;
      await refused(t, () => station.post(`/api/v1/agencies/${agencyOf('sg-hl-user')}/users`, { username: 'by-station', displayName: 'x', password: PASSWORD }), 403, 'FORBIDDEN');
      await refused(t, () => station.patch(`/api/v1/users/${idOf('sg-hl-user')}`, { displayName: 'me' }), 403, 'FORBIDDEN');
    });
  });

  describe('the allocating supervision agency', () => {
    it('manages the admin accounts of the agencies it allocated', async () => {
      const wfAdmin = idOf('wf-admin');
      const reset = await as['sd-admin']!.post(`/api/v1/users/${wfAdmin}/reset-password`, { newPassword: 'Reset#Pass2028' });
      expect(reset.statusCode, reset.body).toBe(200);
      const disabled = await as['sd-admin']!.patch(`/api/v1/users/${wfAdmin}`, { status: 'disabled' });
      expect(disabled.json<UserOut>().status).toBe('disabled');
      expect((await as['sd-admin']!.patch(`/api/v1/users/${wfAdmin}`, { status: 'active' })).statusCode).toBe(200);
      // wf-admin lost its session in the reset; it logs in again with the new password and changes it.
      as['wf-admin'] = await t.login('wf-admin', 'Reset#Pass2028');
      expect((await as['wf-admin'].post('/api/v1/auth/password', { currentPassword: 'Reset#Pass2028', newPassword: NEXT_PASSWORD })).statusCode).toBe(204);

      // The ministry likewise manages the province administrators, but not their labs.
      expect((await as['moa-admin']!.patch(`/api/v1/users/${idOf('sc-admin')}`, { displayName: '四川省监管管理员' })).statusCode).toBe(200);
      await refused(t, () => as['moa-admin']!.patch(`/api/v1/users/${idOf('sd-lab-admin')}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
    });

    it('may appoint another admin of that agency, but not staff', async () => {
      expect((await create('sd-admin', agencyOf('wf-admin'), { username: 'wf-deputy', role: 'admin' })).role).toBe('admin');
      const body = await refused(t, () => as['sd-admin']!.post(`/api/v1/agencies/${agencyOf('wf-admin')}/users`, { username: 'wf-by-sd', displayName: 'x', password: PASSWORD }), 403, 'ROLE_NOT_ALLOWED');
      expect(body.details.allowed).toEqual(['admin']);
    });

    it('does not manage, nor list, the staff of those agencies', async () => {
      const staff = await create('wf-admin', agencyOf('wf-admin'), { username: 'wf-clerk' });
      await refused(t, () => as['sd-admin']!.patch(`/api/v1/users/${staff.id}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as['sd-admin']!.post(`/api/v1/users/${staff.id}/reset-password`, { newPassword: 'Reset#Pass2028' }), 404, 'USER_NOT_FOUND');
      const listed = (await as['sd-admin']!.get(`/api/v1/agencies/${agencyOf('wf-admin')}/users`)).json<{ items: UserOut[] }>().items;
      expect(listed.map((u) => u.username)).toEqual(['wf-admin', 'wf-deputy']);
      // wf-admin itself sees every account of its agency.
      const own = (await as['wf-admin']!.get(`/api/v1/agencies/${agencyOf('wf-admin')}/users`)).json<{ items: UserOut[] }>().items;
      expect(own.map((u) => u.username)).toEqual(['wf-admin', 'wf-clerk', 'wf-deputy']);
    });

    it('does not manage agencies two levels down', async () => {
      await refused(t, () => as['sd-admin']!.patch(`/api/v1/users/${idOf('sg-admin')}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as['sd-admin']!.post(`/api/v1/agencies/${agencyOf('sg-admin')}/users`, { username: 'sg-by-sd', displayName: 'x', password: PASSWORD, role: 'admin' }), 403, 'ACCOUNTS_NOT_MANAGED');
      expectError(await as['sd-admin']!.get(`/api/v1/agencies/${agencyOf('sg-admin')}/users`), 403, 'ACCOUNTS_NOT_MANAGED');
      await refused(t, () => as['wf-admin']!.post(`/api/v1/users/${idOf('sg-hl-user')}/reset-password`, { newPassword: 'Reset#Pass2028' }), 404, 'USER_NOT_FOUND');
    });

    it('the county manages every user of its township stations, which have no admin', async () => {
      const county = as['sg-admin']!;
      const station = agencyOf('sg-hl-user');
      const extra = await create('sg-admin', station, { username: 'sg-hl-user-2' });
      expect(extra.role).toBe('staff');
      const body = await refused(t, () => county.post(`/api/v1/agencies/${station}/users`, { username: 'sg-hl-boss', displayName: 'x', password: PASSWORD, role: 'admin' }), 403, 'ROLE_NOT_ALLOWED');
      expect(body.details.allowed).toEqual(['staff']);
      expect((await county.post(`/api/v1/users/${idOf('sg-hl-user')}/reset-password`, { newPassword: 'Reset#Pass2028' })).statusCode).toBe(200);
      expect((await county.patch(`/api/v1/users/${extra.id}`, { status: 'disabled' })).statusCode).toBe(200);
      const listed = (await county.get(`/api/v1/agencies/${station}/users?status=disabled`)).json<{ items: UserOut[] }>().items;
      expect(listed.map((u) => u.username)).toEqual(['sg-hl-user-2']);
    });
  });

  describe('another province', () => {
    it.each(['sc-admin', 'pd-admin', 'pd-tc-user'])('sd-admin cannot see, change or reset %s (404 USER_NOT_FOUND)', async (who) => {
      await refused(t, () => as['sd-admin']!.patch(`/api/v1/users/${idOf(who)}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as['sd-admin']!.patch(`/api/v1/users/${idOf(who)}`, { displayName: 'hijacked' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as['sd-admin']!.post(`/api/v1/users/${idOf(who)}/reset-password`, { newPassword: 'Reset#Pass2028' }), 404, 'USER_NOT_FOUND');
    });

    it.each(['sc-admin', 'pd-admin', 'pd-tc-user'])('sd-admin cannot list or add users of the agency of %s (404 AGENCY_NOT_FOUND)', async (who) => {
      expectError(await as['sd-admin']!.get(`/api/v1/agencies/${agencyOf(who)}/users`), 404, 'AGENCY_NOT_FOUND');
      await refused(t, () => as['sd-admin']!.post(`/api/v1/agencies/${agencyOf(who)}/users`, { username: 'sc-by-sd', displayName: 'x', password: PASSWORD, role: 'admin' }), 404, 'AGENCY_NOT_FOUND');
    });

    it('a city or county admin cannot reach Sichuan either', async () => {
      await refused(t, () => as['sg-admin']!.patch(`/api/v1/users/${idOf('pd-tc-user')}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as['wf-admin']!.post(`/api/v1/agencies/${agencyOf('pd-admin')}/users`, { username: 'pd-by-wf', displayName: 'x', password: PASSWORD }), 404, 'AGENCY_NOT_FOUND');
    });

    it('an id that exists nowhere is USER_NOT_FOUND / AGENCY_NOT_FOUND', async () => {
      const ghost = '00000000-0000-4000-8000-000000000000';
      await refused(t, () => as['moa-admin']!.patch(`/api/v1/users/${ghost}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as['moa-admin']!.post(`/api/v1/agencies/${ghost}/users`, { username: 'ghost-user', displayName: 'x', password: PASSWORD }), 404, 'AGENCY_NOT_FOUND');
    });

    it('the Sichuan accounts were never touched', async () => {
      for (const who of ['sc-admin', 'pd-admin', 'pd-tc-user']) expect((await userRow(t, who)).status).toBe('active');
      expect((await as['pd-tc-user']!.get('/api/v1/auth/me')).statusCode).toBe(200);
    });
  });
});
