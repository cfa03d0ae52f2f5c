import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../../test/harness.js';
import { queryRows } from '../../../platform/db/rows.js';
import { counts, expectError, refused, type ErrorBody } from '../../../../test/assertions.js';

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
/** A login from a given client address (the socket's: X-Forwarded-For is not believed by default). */
const loginFrom = (t: TestApp, username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username, password }) });

function send(t: TestApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, body?: unknown) {
  return t.app.inject({ method, url, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
}

async function userRow(t: TestApp, username: string) {
  const [row] = await queryRows<{ id: string; locked_until: Date | string | null; password_hash: string; must_change_password: boolean }>(
    t.database.db,
    sql`SELECT id, locked_until, password_hash, must_change_password FROM users WHERE username = ${username}`,
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
          department: 'agriculture',
          industries: null,
          status: 'active',
          childCount: 3,
          createdAt: expect.any(String),
        },
        subject: null,
        permissions: ['agency.allocate', 'agency.read', 'analytics.statistics', 'audit.read', 'enforcement.read', 'epcis.capture', 'epcis.query', 'feedback.file', 'incident.liaison', 'incident.read', 'integration.coverage', 'integration.manage', 'integration.read', 'integration.trace_check', 'monitor.read', 'monitor.target', 'monitoring.alert', 'monitoring.alert_read', 'monitoring.read', 'monitoring.reference', 'notice.send', 'rectification.answer', 'rectification.issue', 'report.read', 'report.write', 'subject.read', 'subject.supervise', 'subject.temporary', 'supervision.checklist', 'supervision.inspect', 'supervision.publish', 'supervision.read', 'supervision.task', 'trace.graph', 'trace.recall', 'user.manage', 'user.read'],
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
      expect(res.json()).toMatchObject({ user: { username: 'sg-hl-user', role: 'staff' }, agency: { level: 'township', regionCode: '370783100' }, permissions: ['agency.read', 'analytics.statistics', 'enforcement.read', 'feedback.file', 'integration.coverage', 'integration.trace_check', 'monitor.read', 'monitoring.alert', 'monitoring.alert_read', 'monitoring.read', 'notice.send', 'rectification.answer', 'subject.read', 'subject.temporary', 'supervision.inspect', 'supervision.read', 'supervision.task', 'trace.graph'], jurisdiction: '370783100', csrfToken: s.csrf });
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

  describe('lockout per (username, address)', () => {
    const auditOf = (targetId: string) =>
      queryRows<{ action: string; ip: string; after: { minutes?: number } | null }>(t.database.db, sql`SELECT action, ip, after FROM audit_log WHERE target_id = ${targetId} ORDER BY id`);

    it('answers an unknown and a known username alike: no attempts left, the same lock after five', async () => {
      const known: ErrorBody[] = [];
      const unknown: ErrorBody[] = [];
      for (let i = 0; i < 5; i++) {
        known.push((await loginFrom(t, 'pd-law-admin', 'Wrong#Pass2026', '198.51.100.1')).json());
        unknown.push((await loginFrom(t, 'pd-law-nobody', 'Wrong#Pass2026', '198.51.100.1')).json());
      }
      const shape = (b: ErrorBody) => ({ code: b.code, message: b.message, details: { ...b.details, requestId: undefined, lockedUntil: b.details.lockedUntil ? 'T' : undefined } });
      expect(known.map(shape).map((b) => ({ ...b, message: b.code === 'ACCOUNT_LOCKED' ? 'M' : b.message }))).toEqual(
        unknown.map(shape).map((b) => ({ ...b, message: b.code === 'ACCOUNT_LOCKED' ? 'M' : b.message })),
      );
      expect(known.slice(0, 4).every((b) => b.code === 'INVALID_CREDENTIALS' && Object.keys(b.details).join() === 'requestId')).toBe(true);
      expect(known[0]!.message).toEqual({ zh: '用户名或密码错误', en: 'Wrong username or password' });
      expect(known[4]).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { minutes: 15 } });
      expect(unknown[4]).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { minutes: 15 } });
      const until = new Date(String(known[4]!.details.lockedUntil)).getTime();
      expect(until).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000 + 1000);
      expect(known[4]!.message.zh).toContain('15 分钟');
      expect(known[4]!.message.zh).toContain('，');
    });

    it('audits each failure and the lock, under the account or, for an unknown name, under the name typed', async () => {
      const id = (await userRow(t, 'pd-law-admin')).id;
      const entries = await auditOf(id);
      expect(entries.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.lock']);
      expect(entries.every((e) => e.ip === '198.51.100.1')).toBe(true);
      expect(entries[5]!.after).toMatchObject({ minutes: 15 });
      expect((await auditOf('pd-law-nobody')).map((e) => e.action)).toEqual([...Array<string>(5).fill('auth.login_failed'), 'auth.lock']);
    });

    it('refuses even the right password from that address while locked, and a wrong one does not extend the lock', async () => {
      const [before] = await queryRows<{ locked_until: string }>(t.database.db, sql`SELECT locked_until FROM login_attempts WHERE username = 'pd-law-admin'`);
      const body = expectError(await loginFrom(t, 'pd-law-admin', DEMO_PASSWORD, '198.51.100.1'), 423, 'ACCOUNT_LOCKED');
      expect(new Date(String(body.details.lockedUntil)).getTime()).toBe(new Date(before!.locked_until).getTime());
      expectError(await loginFrom(t, 'PD-LAW-ADMIN', 'Wrong#Pass2026', '198.51.100.1'), 423, 'ACCOUNT_LOCKED');
      const [after] = await queryRows<{ locked_until: string }>(t.database.db, sql`SELECT locked_until FROM login_attempts WHERE username = 'pd-law-admin'`);
      expect(after).toEqual(before);
    });

    it('nobody locks an official out from elsewhere: the official still logs in from their own address', async () => {
      expect((await loginFrom(t, 'pd-law-admin', DEMO_PASSWORD, '203.0.113.50')).statusCode).toBe(200);
      // The administrator sees that logins to the account were being locked somewhere.
      const pd = await t.login('pd-admin');
      const [law] = (await pd.get('/api/v1/agencies?kind=enforcement')).json().items;
      const listed = (await pd.get(`/api/v1/agencies/${law.id}/users`)).json().items;
      expect(listed).toEqual([expect.objectContaining({ username: 'pd-law-admin' })]);
    });

    it('locks again at once after the lock, for twice as long each time (progressive), until a success', async () => {
      const expire = () => t.database.db.execute(sql`UPDATE login_attempts SET locked_until = now() - interval '1 second' WHERE username = 'pd-law-admin' AND ip = '198.51.100.1'`);
      await expire();
      expect(expectError(await loginFrom(t, 'pd-law-admin', 'Wrong#Pass2026', '198.51.100.1'), 423, 'ACCOUNT_LOCKED').details.minutes).toBe(30);
      await expire();
      expect(expectError(await loginFrom(t, 'pd-law-admin', 'Wrong#Pass2026', '198.51.100.1'), 423, 'ACCOUNT_LOCKED').details.minutes).toBe(60);
      await expire();
      expect((await loginFrom(t, 'pd-law-admin', DEMO_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
      // A success forgets the locks: the next failure is the first of five again.
      expectError(await loginFrom(t, 'pd-law-admin', 'Wrong#Pass2026', '198.51.100.1'), 401, 'INVALID_CREDENTIALS');
    });

    it('parallel guesses cannot outrun the lock: only five are judged', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => loginAs(t, 'sc-law-admin', 'Wrong#Pass2026')));
      const codes = results.map((r) => r.json<ErrorBody>().code);
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
      expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(6);
      const actions = (await auditOf((await userRow(t, 'sc-law-admin')).id)).map((e) => e.action);
      expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
      expect(actions.filter((a) => a === 'auth.lock')).toHaveLength(1);
      await refused(t, () => loginAs(t, 'sc-law-admin', DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
    });

    it('concurrent right passwords are never taken for failures, even after four wrong ones', async () => {
      for (let i = 0; i < 4; i++) expectError(await loginAs(t, 'sc-lab-admin', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
      const results = await Promise.all(Array.from({ length: 10 }, () => loginAs(t, 'sc-lab-admin', DEMO_PASSWORD)));
      expect(results.map((r) => r.statusCode)).toEqual(Array<number>(10).fill(200));
      const [row] = await queryRows(t.database.db, sql`SELECT 1 FROM login_attempts WHERE username = 'sc-lab-admin'`);
      expect(row).toBeUndefined();
      expect((await auditOf((await userRow(t, 'sc-lab-admin')).id)).filter((e) => e.action === 'auth.lock')).toEqual([]);
    });

    it('a successful login resets the count and is audited', async () => {
      for (let i = 0; i < 3; i++) await loginAs(t, 'cd-law-admin', 'Wrong#Pass2026');
      expect((await loginAs(t, 'cd-law-admin', DEMO_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expectError(await loginAs(t, 'cd-law-admin', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
      const actions = (await auditOf((await userRow(t, 'cd-law-admin')).id)).map((e) => e.action);
      expect(actions).toEqual([...Array<string>(3).fill('auth.login_failed'), 'auth.login', ...Array<string>(4).fill('auth.login_failed')]);
    });

    it("an administrator's reset lifts the lock from every address", async () => {
      for (let i = 0; i < 5; i++) await loginFrom(t, 'sg-hl-user', 'Wrong#Pass2026', '198.51.100.9');
      expectError(await loginFrom(t, 'sg-hl-user', DEMO_PASSWORD, '198.51.100.9'), 423, 'ACCOUNT_LOCKED');
      const { id } = await userRow(t, 'sg-hl-user');
      const admin = await t.login('sg-admin');
      const res = await admin.post(`/api/v1/users/${id}/reset-password`, { newPassword: 'Reset#Pass2029' });
      expect(res.statusCode, res.body).toBe(200);
      expect((await loginFrom(t, 'sg-hl-user', 'Reset#Pass2029', '198.51.100.9')).statusCode).toBe(200);
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
      await refused(t, () => send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie }, { name: 'x', password: DEMO_PASSWORD }), 403, 'CSRF_FAILED');
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
      const res = await send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name: '手机 App', password: DEMO_PASSWORD, expiresInDays: 30 });
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
      expect(res.json()).toEqual({ items: [expect.objectContaining({ id: tokenId, name: '手机 App' })], defaultDays: 90, maxDays: 365 });
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
      const created = (await send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name: 'short', password: DEMO_PASSWORD, expiresInDays: 1 })).json();
      expect((await send(t, 'GET', '/api/v1/auth/me', bearer(created.token))).statusCode).toBe(200);
      await t.database.db.execute(sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${created.id}`);
      expectError(await send(t, 'GET', '/api/v1/auth/me', bearer(created.token)), 401, 'UNAUTHENTICATED');
    });

    it('a token asked for without a lifetime lasts the default 90 days; longer than 365 days is refused', async () => {
      const created = (await send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name: 'default', password: DEMO_PASSWORD })).json();
      const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86400_000;
      expect(days).toBeGreaterThan(89.9);
      expect(days).toBeLessThanOrEqual(90);
      const body = await refused(t, () => send(t, 'POST', '/api/v1/auth/tokens', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name: 'long', password: DEMO_PASSWORD, expiresInDays: 366 }), 400, 'TOKEN_LIFETIME_TOO_LONG');
      expect(body.details).toMatchObject({ maxDays: 365 });
      expect(body.message.zh).toContain('365 天');
    });

    it('is minted only with the password typed again: none is a validation error, a wrong one counts toward the lock', async () => {
      const s2 = await session(t, 'wf-lab-admin');
      const mint = (password?: string) => send(t, 'POST', '/api/v1/auth/tokens', { cookie: s2.cookie, 'x-csrf-token': s2.csrf }, { name: 'stolen session', ...(password === undefined ? {} : { password }) });
      await refused(t, () => mint(), 400, 'VALIDATION_FAILED');
      for (let i = 0; i < 4; i++) expectError(await mint('Wrong#Pass2026'), 400, 'WRONG_CURRENT_PASSWORD');
      expectError(await mint('Wrong#Pass2026'), 423, 'ACCOUNT_LOCKED');
      // The same lock holds the login from this address.
      expectError(await loginAs(t, 'wf-lab-admin', DEMO_PASSWORD), 423, 'ACCOUNT_LOCKED');
      expect((await send(t, 'GET', '/api/v1/auth/tokens', { cookie: s2.cookie })).json().items).toEqual([]);
      const actions = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE target_id = ${s2.userId} ORDER BY id`);
      expect(actions.map((a) => a.action).filter((a) => a !== 'auth.login')).toEqual([...Array<string>(5).fill('auth.password_check_failed'), 'auth.lock']);
    });
  });

  describe('password change', () => {
    it('refuses a wrong current password, changes nothing, audits it and counts it toward the lock', async () => {
      const s = await session(t, 'cd-lab-admin');
      const hash = (await userRow(t, 'cd-lab-admin')).password_hash;
      const change = (currentPassword: string) => send(t, 'POST', '/api/v1/auth/password', { cookie: s.cookie, 'x-csrf-token': s.csrf }, { currentPassword, newPassword: 'Changed#Pass2027' });
      expectError(await change('Wrong#Pass2026'), 400, 'WRONG_CURRENT_PASSWORD');
      expect((await userRow(t, 'cd-lab-admin')).password_hash).toBe(hash);
      const [entry] = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE target_id = ${s.userId} ORDER BY id DESC LIMIT 1`);
      expect(entry).toEqual({ action: 'auth.password_check_failed' });
      for (let i = 0; i < 3; i++) expectError(await loginAs(t, 'cd-lab-admin', 'Wrong#Pass2026'), 401, 'INVALID_CREDENTIALS');
      expectError(await change('Wrong#Pass2026'), 423, 'ACCOUNT_LOCKED');
      expect((await userRow(t, 'cd-lab-admin')).password_hash).toBe(hash);
      await t.database.db.execute(sql`DELETE FROM login_attempts WHERE username = 'cd-lab-admin'`);
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

    it('changes the password, ends every other session and every app token, and keeps this session', async () => {
      const here = await session(t, 'cd-lab-admin');
      const elsewhere = await session(t, 'cd-lab-admin');
      const token = (await send(t, 'POST', '/api/v1/auth/tokens', { cookie: here.cookie, 'x-csrf-token': here.csrf }, { name: 'app', password: DEMO_PASSWORD })).json().token as string;
      expect((await send(t, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
      const before = await counts(t);
      const res = await send(t, 'POST', '/api/v1/auth/password', { cookie: here.cookie, 'x-csrf-token': here.csrf }, { currentPassword: DEMO_PASSWORD, newPassword: 'Changed#Pass2027' });
      expect(res.statusCode, res.body).toBe(204);
      expect(await counts(t)).toMatchObject({ audit: before.audit + 1, tokens: before.tokens - 1 });
      expect((await send(t, 'GET', '/api/v1/auth/me', { cookie: here.cookie })).statusCode).toBe(200);
      expectError(await send(t, 'GET', '/api/v1/auth/me', { cookie: elsewhere.cookie }), 401, 'UNAUTHENTICATED');
      expectError(await send(t, 'GET', '/api/v1/auth/me', { authorization: `Bearer ${token}` }), 401, 'UNAUTHENTICATED');
      expectError(await loginAs(t, 'cd-lab-admin', DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
      expect((await loginAs(t, 'cd-lab-admin', 'Changed#Pass2027')).statusCode).toBe(200);
    });
  });
});
