import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../../platform/db/rows.js';
import { counts, expectError, refused, type ErrorBody } from '../../../test/assertions.js';

// Login, lockout, CSRF, bearer tokens, password change and /auth/me.


/** A raw session, so a test can choose exactly which headers go with it (the harness client always sends CSRF). */
type Session = { cookie: string; csrf: string; userId: string };

async function session(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await loginAs(t, username, password);
  expect(res.statusCode, res.body).toBe(200);
  const me = res.json<{ csrfToken: string; user: { id: string } }>();
  return { cookie: `tn_session=${res.cookies.find((c) => c.name === 'tn_session')!.value}`, csrf: me.csrfToken, userId: me.user.id };
}

const loginAs = (t: TestApp, username: string, password: string) => t.anonymous.post('/api/v1/auth/login', { username, password });

function send(t: TestApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, body?: unknown) {
  return t.app.inject({ method, url, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
}

async function userRow(t: TestApp, username: string) {
  const [row] = await queryRows<{ id: string; failed_attempts: number; locked_until: Date | string | null; password_hash: string; must_change_password: boolean }>(
    t.database.db,
    sql`SELECT id, failed_attempts, locked_until, password_hash, must_change_password FROM users WHERE username = ${username}`,
  );
  return row!;
}

const cityBody = (regionCode: string, username: string) => ({
  name: `${regionCode} 农业农村局`,
  kind: 'supervision',
  level: 'city',
  regionCode,
  account: { username, displayName: 'x', password: 'Strong#Pass2026' },
});

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('login and logout', () => {
    it('logs in, returning the account, agency, permissions, jurisdiction and CSRF token', async () => {
      const res = await loginAs(t, 'sd-admin', DEMO_PASSWORD);
      expect(res.statusCode).toBe(200);
      const me = res.json();
      expect(me).toEqual({
        user: {
          id: expect.any(String),
          username: 'sd-admin',
          displayName: '山东省监管管理员',
          phone: '139****0002',
          role: 'admin',
          status: 'active',
          agencyId: me.agency.id,
          subjectId: null,
          userCode: null,
          mustChangePassword: false,
          lockedUntil: null,
          lastLoginAt: expect.any(String),
          createdAt: expect.any(String),
        },
        agency: {
          id: expect.any(String),
          name: '山东省农业农村厅',
          kind: 'supervision',
          level: 'province',
          regionCode: '37',
          regionName: '山东省',
          parentId: expect.any(String),
          status: 'active',
          childCount: 3,
          createdAt: expect.any(String),
        },
        subject: null,
        permissions: ['agency.allocate', 'agency.read', 'audit.read', 'enforcement.read', 'monitoring.alert', 'monitoring.read', 'subject.read', 'subject.supervise', 'subject.temporary', 'supervision.checklist', 'supervision.inspect', 'supervision.publish', 'supervision.read', 'supervision.task', 'trace.graph', 'trace.recall', 'user.manage', 'user.read'],
        jurisdiction: '37',
        csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      });
    });

    it('sets an httpOnly, SameSite=Lax session cookie for the whole site', async () => {
      const res = await loginAs(t, 'sd-admin', DEMO_PASSWORD);
      const cookie = res.cookies.find((c) => c.name === 'tn_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.value.length).toBeGreaterThanOrEqual(40);
      expect(new Date(cookie.expires!).getTime()).toBeGreaterThan(Date.now());
      const header = String(res.headers['set-cookie']);
      expect(header).toMatch(/HttpOnly/);
      expect(header).toMatch(/SameSite=Lax/);
      // Only a hash of the session id is stored.
      const stored = await queryRows<{ id_hash: string }>(t.database.db, sql`SELECT id_hash FROM sessions`);
      expect(stored.map((s) => s.id_hash)).not.toContain(cookie.value);
    });

    it('accepts the username in any case', async () => {
      expect((await loginAs(t, 'SD-Admin', DEMO_PASSWORD)).statusCode).toBe(200);
    });

    it('GET /auth/me answers with the same shape; anonymous gets 401', async () => {
      const s = await session(t, 'sg-hl-user');
      const res = await send(t, 'GET', '/api/v1/auth/me', { cookie: s.cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { username: 'sg-hl-user', role: 'staff' }, agency: { level: 'township', regionCode: '370783100' }, permissions: ['agency.read', 'enforcement.read', 'monitoring.alert', 'monitoring.read', 'subject.read', 'subject.temporary', 'supervision.inspect', 'supervision.read', 'supervision.task', 'trace.graph'], jurisdiction: '370783100', csrfToken: s.csrf });
      expectError(await t.anonymous.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
      expectError(await send(t, 'GET', '/api/v1/auth/me', { cookie: 'tn_session=forged' }), 401, 'UNAUTHENTICATED');
    });

    it('logs out: the cookie is cleared and the session no longer works', async () => {
      const s = await session(t, 'wf-admin');
      const res = await send(t, 'POST', '/api/v1/auth/logout', { cookie: s.cookie, 'x-csrf-token': s.csrf });
      expect(res.statusCode).toBe(204);
      const cleared = res.cookies.find((c) => c.name === 'tn_session')!;
      expect(cleared.value).toBe('');
      expect(new Date(cleared.expires!).getTime()).toBeLessThanOrEqual(Date.now());
      expectError(await send(t, 'GET', '/api/v1/auth/me', { cookie: s.cookie }), 401, 'UNAUTHENTICATED');
    });

    it('an unknown username is a plain INVALID_CREDENTIALS', async () => {
      const body = expectError(await loginAs(t, 'nobody-here', 'Whatever#2026'), 401, 'INVALID_CREDENTIALS');
      expect(body.details.remainingAttempts).toBeUndefined();
    });
  });

  describe('lockout', () => {
    it('counts down remainingAttempts, locks for 15 minutes on the 5th failure and says until when', async () => {
      const before = Date.now();
      for (const remaining of [4, 3, 2, 1]) {
        const body = expectError(await loginAs(t, 'pd-law-admin', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
        expect(body.details.remainingAttempts).toBe(remaining);
        expect(body.message.zh).toContain(`还可尝试 ${remaining} 次`);
        expect(body.message.en).toContain(`${remaining} attempts left`);
      }
      const locked = expectError(await loginAs(t, 'pd-law-admin', 'Wrong#Pass2026'), 423, 'ACCOUNT_LOCKED');
      const until = new Date(String(locked.details.lockedUntil)).getTime();
      expect(until).toBeGreaterThanOrEqual(before + 15 * 60_000 - 1000);
      expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
      expect(locked.details.minutes).toBe(15);
      expect(locked.message.zh).toContain('15 分钟');
      expect(locked.message.zh).toContain(String(locked.details.lockedUntil));
      expect(locked.message.en).toContain('15 minutes');

      const row = await userRow(t, 'pd-law-admin');
      expect(new Date(row.locked_until!).getTime()).toBe(until);
      const [audit] = await queryRows<{ action: string; target_id: string }>(t.database.db, sql`SELECT action, target_id FROM audit_log ORDER BY id DESC LIMIT 1`);
      expect(audit).toEqual({ action: 'auth.lock', target_id: row.id });
    });

    it('refuses even the right password while locked, and a wrong one does not extend the lock', async () => {
      const lockedUntil = (await userRow(t, 'pd-law-admin')).locked_until;
      const body = await refused(t, () => loginAs(t, 'pd-law-admin', DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
      expect(new Date(String(body.details.lockedUntil)).getTime()).toBe(new Date(lockedUntil!).getTime());
      await refused(t, () => loginAs(t, 'PD-LAW-ADMIN', 'Wrong#Pass2026'), 423, 'ACCOUNT_LOCKED');
      expect((await userRow(t, 'pd-law-admin')).locked_until).toEqual(lockedUntil);
    });

    it('shows the lock to the administrator, and lets the account in once the 15 minutes are over', async () => {
      const pd = await t.login('pd-admin');
      const [law] = (await pd.get('/api/v1/agencies?kind=enforcement')).json().items;
      const users = (await pd.get(`/api/v1/agencies/${law.id}/users`)).json().items;
      expect(users).toEqual([expect.objectContaining({ username: 'pd-law-admin', lockedUntil: expect.any(String) })]);
      await t.database.db.execute(sql`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'pd-law-admin'`);
      expect((await loginAs(t, 'pd-law-admin', DEMO_PASSWORD)).statusCode).toBe(200);
      expect((await userRow(t, 'pd-law-admin')).failed_attempts).toBe(0);
    });

    it('parallel guesses cannot outrun the lock: only five are judged', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => loginAs(t, 'sc-law-admin', 'Wrong#Pass2026')));
      const codes = results.map((r) => r.json<ErrorBody>().code);
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
      expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(6);
      const remaining = results.map((r) => r.json<ErrorBody>().details.remainingAttempts).filter((n) => n !== undefined);
      expect(remaining.sort()).toEqual([1, 2, 3, 4]);
      const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.lock' AND target_id = ${(await userRow(t, 'sc-law-admin')).id}`)) as [{ n: number }];
      expect(n).toBe(1);
      await refused(t, () => loginAs(t, 'sc-law-admin', DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
    });

    it('a right password on the fifth attempt still logs in and lifts the count', async () => {
      for (let i = 0; i < 4; i++) await loginAs(t, 'sc-lab-admin', 'Wrong#Pass2026');
      expect((await loginAs(t, 'sc-lab-admin', DEMO_PASSWORD)).statusCode).toBe(200);
      expect(await userRow(t, 'sc-lab-admin')).toMatchObject({ failed_attempts: 0, locked_until: null });
    });

    it('a successful login resets the count', async () => {
      for (let i = 0; i < 3; i++) await loginAs(t, 'cd-law-admin', 'Wrong#Pass2026');
      expect((await loginAs(t, 'cd-law-admin', DEMO_PASSWORD)).statusCode).toBe(200);
      const body = expectError(await loginAs(t, 'cd-law-admin', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
      expect(body.details.remainingAttempts).toBe(4);
    });
  });

  describe('CSRF on cookie-authenticated writes', () => {
    let s: Session;
    beforeAll(async () => {
      s = await session(t, 'sd-admin');
    });

    it.each([
      ['without a token', {}],
      ['with a wrong token', { 'x-csrf-token': 'not-the-token' }],
      ['with an empty token', { 'x-csrf-token': '' }],
    ])('refuses POST /agencies %s (403 CSRF_FAILED) and writes nothing', async (_name, headers: Record<string, string>) => {
      await refused(t, () => send(t, 'POST', '/api/v1/agencies', { cookie: s.cookie, ...headers }, cityBody('3703', 'csrf-victim')), 403, 'CSRF_FAILED');
    });

    it("refuses another session's token", async () => {
      const other = await session(t, 'sd-admin');
      await refused(t, () => send(t, 'POST', '/api/v1/agencies', { cookie: s.cookie, 'x-csrf-token': other.csrf }, cityBody('3703', 'csrf-victim')), 403, 'CSRF_FAILED');
    });

    it('guards every write route: user create, patch, reset, password, tokens, logout', async () => {
      const agency = (await send(t, 'GET', '/api/v1/auth/me', { cookie: s.cookie })).json().agency.id;
      const admin = await t.login('sd-admin');
      const clerkId = (await admin.post(`/api/v1/agencies/${agency}/users`, { username: 'csrf-clerk', displayName: 'x', password: 'Strong#Pass2026' })).json().id;
      const hash = (await userRow(t, 'csrf-clerk')).password_hash;
      await refused(t, () => send(t, 'POST', `/api/v1/agencies/${agency}/users`, { cookie: s.cookie }, { username: 'csrf-2', displayName: 'x', password: 'Strong#Pass2026' }), 403, 'CSRF_FAILED');
      await refused(t, () => send(t, 'PATCH', `/api/v1/users/${clerkId}`, { cookie: s.cookie }, { status: 'disabled' }), 403, 'CSRF_FAILED');
      await refused(t, () => send(t, 'POST', `/api/v1/users/${clerkId}/reset-password`, { cookie: s.cookie }, { newPassword: 'Reset#Pass2028' }), 403, 'CSRF_FAILED');
      await refused(t, () => send(t, 'POST', '/api/v1/auth/password', { cookie: s.cookie }, { currentPassword: DEMO_PASSWORD, newPassword: 'Changed#Pass2027' }), 403, 'CSRF_FAILED');
      await refused(t, () => send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie }, { name: 'x' }), 403, 'CSRF_FAILED');
      await refused(t, () => send(t, 'POST', '/api/v1/auth/logout', { cookie: s.cookie }), 403, 'CSRF_FAILED');
      expect((await userRow(t, 'csrf-clerk')).password_hash).toBe(hash);
      // Reads need no token, and the session survived the refused logout.
      expect((await send(t, 'GET', '/api/v1/agencies', { cookie: s.cookie })).statusCode).toBe(200);
    });
  });

  describe('bearer tokens', () => {
    let s: Session;
    let token: string;
    let tokenId: string;
    beforeAll(async () => {
      s = await session(t, 'wf-admin');
    });
    const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

    it('creates a token shown once and stored only as a hash', async () => {
      const before = await counts(t);
      const res = await send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name: '手机 App', expiresInDays: 30 });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({ name: '手机 App', token: expect.stringMatching(/^tn_[A-Za-z0-9_-]{40,}$/), prefix: created.token.slice(0, 10) });
      const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
      token = created.token;
      tokenId = created.id;
      expect(await counts(t)).toEqual({ ...before, tokens: before.tokens + 1, audit: before.audit + 1 });
      const stored = await queryRows<{ token_hash: string }>(t.database.db, sql`SELECT token_hash FROM api_tokens WHERE id = ${tokenId}`);
      expect(stored[0]!.token_hash).not.toBe(token);
      expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('lists tokens without the secret', async () => {
      const res = await send(t, 'GET', '/api/v1/auth/tokens', { cookie: s.cookie });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([expect.objectContaining({ id: tokenId, name: '手机 App' })]);
      expect(res.body).not.toContain(token);
    });

    it('authenticates with Authorization: Bearer and needs no CSRF token to write', async () => {
      const me = await send(t, 'GET', '/api/v1/auth/me', bearer(token));
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { username: 'wf-admin' }, csrfToken: null });
      const res = await send(t, 'POST', '/api/v1/agencies', bearer(token), { ...cityBody('370702', 'wc-admin'), level: 'county' });
      expect(res.statusCode, res.body).toBe(201);
      const listed = (await send(t, 'GET', '/api/v1/auth/tokens', bearer(token))).json().items;
      expect(listed[0].lastUsedAt).not.toBeNull();
    });

    it('refuses a malformed or unknown bearer token with 401', async () => {
      expectError(await send(t, 'GET', '/api/v1/auth/me', bearer('tn_unknown')), 401, 'UNAUTHENTICATED');
      expectError(await send(t, 'GET', '/api/v1/auth/me', bearer('garbage')), 401, 'UNAUTHENTICATED');
      await refused(t, () => send(t, 'POST', '/api/v1/agencies', bearer(token + 'x'), cityBody('3703', 'bearer-x')), 401, 'UNAUTHENTICATED');
    });

    it("cannot revoke another user's token", async () => {
      const other = await t.login('sd-admin');
      await refused(t, () => other.delete(`/api/v1/auth/tokens/${tokenId}`), 404, 'TOKEN_NOT_FOUND');
      expect((await send(t, 'GET', '/api/v1/auth/me', bearer(token))).statusCode).toBe(200);
    });

    it('revokes: the token stops working, and revoking twice is TOKEN_NOT_FOUND', async () => {
      const res = await send(t, 'DELETE', `/api/v1/auth/tokens/${tokenId}`, { cookie: s.cookie, 'x-csrf-token': s.csrf });
      expect(res.statusCode).toBe(204);
      expectError(await send(t, 'GET', '/api/v1/auth/me', bearer(token)), 401, 'UNAUTHENTICATED');
      expect((await send(t, 'GET', '/api/v1/auth/tokens', { cookie: s.cookie })).json().items).toEqual([]);
      await refused(t, () => send(t, 'DELETE', `/api/v1/auth/tokens/${tokenId}`, { cookie: s.cookie, 'x-csrf-token': s.csrf }), 404, 'TOKEN_NOT_FOUND');
    });

    it('an expired token stops working', async () => {
      const created = (await send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name: 'short' })).json();
      expect(created.expiresAt).toBeNull();
      expect((await send(t, 'GET', '/api/v1/auth/me', bearer(created.token))).statusCode).toBe(200);
      await t.database.db.execute(sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${created.id}`);
      expectError(await send(t, 'GET', '/api/v1/auth/me', bearer(created.token)), 401, 'UNAUTHENTICATED');
    });
  });

  describe('password change', () => {
    it('refuses a wrong current password and writes nothing', async () => {
      const s = await session(t, 'cd-lab-admin');
      const hash = (await userRow(t, 'cd-lab-admin')).password_hash;
      await refused(t, () => send(t, 'POST', '/api/v1/auth/password', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { currentPassword: 'Wrong#Pass2026', newPassword: 'Changed#Pass2027' }), 400, 'WRONG_CURRENT_PASSWORD');
      expect((await userRow(t, 'cd-lab-admin')).password_hash).toBe(hash);
    });

    it.each([
      ['short', ['TOO_SHORT', 'TOO_FEW_CLASSES']],
      ['cd-lab-admin#2027', ['CONTAINS_USERNAME']],
      ['p@ssw0rd123', ['TOO_COMMON']],
      [DEMO_PASSWORD, ['SAME_AS_CURRENT']],
    ])('refuses the weak new password "%s" with WEAK_PASSWORD %j', async (newPassword, problems) => {
      const s = await session(t, 'cd-lab-admin');
      const body = await refused(t, () => send(t, 'POST', '/api/v1/auth/password', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { currentPassword: DEMO_PASSWORD, newPassword }), 400, 'WEAK_PASSWORD');
      expect(body.details.problems).toEqual(problems);
      // Every problem is put into words, never shown as its code.
      for (const p of problems) {
        expect(body.message.zh).not.toContain(p);
        expect(body.message.en).not.toContain(p);
      }
    });

    it('changes the password, ends every other session and keeps this one', async () => {
      const here = await session(t, 'cd-lab-admin');
      const elsewhere = await session(t, 'cd-lab-admin');
      const before = await counts(t);
      const res = await send(t, 'POST', '/api/v1/auth/password', { cookie: here.cookie, 'x-csrf-token': here.csrf }, { currentPassword: DEMO_PASSWORD, newPassword: 'Changed#Pass2027' });
      expect(res.statusCode, res.body).toBe(204);
      expect((await counts(t)).audit).toBe(before.audit + 1);
      expect((await send(t, 'GET', '/api/v1/auth/me', { cookie: here.cookie })).statusCode).toBe(200);
      expectError(await send(t, 'GET', '/api/v1/auth/me', { cookie: elsewhere.cookie }), 401, 'UNAUTHENTICATED');
      expectError(await loginAs(t, 'cd-lab-admin', DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
      expect((await loginAs(t, 'cd-lab-admin', 'Changed#Pass2027')).statusCode).toBe(200);
    });
  });
});
