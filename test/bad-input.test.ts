import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateIn, changePasswordIn, loginIn, logoutIn, newUserIn, resetPasswordIn, tokenIn, updateUserIn } from '../src/domains/registry/contracts.js';
import { BAD_IDS, badBodies, problemWith, RAW_JSON_JUNK, RUNS, WRONG_CONTENT_TYPES, type ErrorBody, type Json } from './fuzz.js';
import { createTestApp, type TestApp } from './harness.js';
import { counts, type Counts } from './assertions.js';
import { queryRows } from '../src/platform/db/rows.js';

/**
 * Issue 2, "Bad input": a few hundred generated bad bodies to every write route of the accounts domain. Each
 * must get a 4xx with a stable code and a zh/en message — never a 5xx — and nothing may be written.
 */


const PASSWORD = 'Strong#Pass2026';

// ---- the test ----------------------------------------------------------------------------------------------

type Route = { name: string; method: 'POST' | 'PATCH' | 'DELETE'; url: string; who: 'anonymous' | 'admin'; valid: Json; schema: z.ZodType; codes: readonly string[] };

describe('bad input to every write route of the accounts domain', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let before: Counts;
  let routes: Route[];
  let idRoutes: ((id: string) => Pick<Route, 'method' | 'url'> & { body?: unknown })[];
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login('sd-admin');
    const login = await t.anonymous.post('/api/v1/auth/login', { username: 'sd-admin', password: 'Tracenet#2026' });
    cookie = `tn_session=${login.cookies.find((c) => c.name === 'tn_session')!.value}`;
    csrf = login.json<{ csrfToken: string }>().csrfToken;
    const sdAgency = admin.me!.agency.id;
    const wfAdmin = (await admin.get(`/api/v1/agencies?parentId=${sdAgency}&kind=supervision`)).json<{ items: { id: string }[] }>().items[0]!.id;
    const wfAdminUser = (await admin.get(`/api/v1/agencies/${wfAdmin}/users`)).json<{ items: { id: string }[] }>().items[0]!.id;
    const badForBody = ['VALIDATION_FAILED', 'BAD_JSON'] as const;
    routes = [
      { name: 'login', method: 'POST', url: '/api/v1/auth/login', who: 'anonymous', valid: { username: 'nobody-fuzz', password: 'whatever' }, schema: loginIn, codes: badForBody },
      { name: 'logout', method: 'POST', url: '/api/v1/auth/logout', who: 'admin', valid: {}, schema: logoutIn, codes: badForBody },
      { name: 'password', method: 'POST', url: '/api/v1/auth/password', who: 'admin', valid: { currentPassword: 'Tracenet#2026', newPassword: 'Changed#Pass2027' }, schema: changePasswordIn, codes: badForBody },
      { name: 'create token', method: 'POST', url: '/api/v1/auth/tokens', who: 'admin', valid: { name: 'app', password: 'Tracenet#2026', expiresInDays: 30 }, schema: tokenIn, codes: badForBody },
      {
        name: 'allocate',
        method: 'POST',
        url: '/api/v1/agencies',
        who: 'admin',
        valid: { name: '淄博市农业农村局', kind: 'supervision', level: 'city', regionCode: '3703', account: { username: 'zb-admin', displayName: '淄博', phone: '13900001234', password: PASSWORD } },
        schema: allocateIn,
        codes: badForBody,
      },
      {
        name: 'create user',
        method: 'POST',
        url: `/api/v1/agencies/${sdAgency}/users`,
        who: 'admin',
        valid: { username: 'fuzz-user', displayName: '职员', phone: '13900001234', password: PASSWORD, role: 'staff' },
        schema: newUserIn,
        codes: badForBody,
      },
      { name: 'update user', method: 'PATCH', url: `/api/v1/users/${wfAdminUser}`, who: 'admin', valid: { status: 'disabled', displayName: '潍坊', phone: null }, schema: updateUserIn, codes: badForBody },
      { name: 'reset password', method: 'POST', url: `/api/v1/users/${wfAdminUser}/reset-password`, who: 'admin', valid: { newPassword: PASSWORD }, schema: resetPasswordIn, codes: badForBody },
    ];
    idRoutes = [
      (id) => ({ method: 'DELETE', url: `/api/v1/auth/tokens/${id}` }),
      (id) => ({ method: 'POST', url: `/api/v1/agencies/${id}/users`, body: { username: 'fuzz-id', displayName: 'x', password: PASSWORD } }),
      (id) => ({ method: 'PATCH', url: `/api/v1/users/${id}`, body: { status: 'disabled' } }),
      (id) => ({ method: 'POST', url: `/api/v1/users/${id}/reset-password`, body: { newPassword: PASSWORD } }),
    ];
    before = await counts(t);
  });
  afterAll(() => t.close());

  function send(route: Pick<Route, 'method' | 'url' | 'who'>, payload: string | Buffer | undefined, contentType: string | null = 'application/json') {
    sent++;
    const headers: Record<string, string> = route.who === 'admin' ? { cookie, 'x-csrf-token': csrf } : {};
    if (payload !== undefined && contentType) headers['content-type'] = contentType;
    const options: InjectOptions = { method: route.method, url: route.url, headers, ...(payload === undefined ? {} : { payload }) };
    return t.app.inject(options);
  }

  async function expectAllRefused(cases: { label: string; send: () => Promise<LightMyRequestResponse>; codes?: readonly string[] }[]) {
    const failures: string[] = [];
    for (const c of cases) {
      const problem = problemWith(await c.send(), c.codes);
      if (problem) failures.push(`${c.label}: ${problem}`);
    }
    expect(failures).toEqual([]);
    // The session used for the admin routes is still alive: no bad body logged it out or changed its password.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
  }

  // 1,600 requests: about 20 s on a quiet two-core machine, over 30 s when other test runs share it.
  it('refuses generated bad JSON bodies on every route with 400', { timeout: 90_000 }, async () => {
    for (const route of routes) {
      const bodies = badBodies(route.valid, route.schema);
      expect(bodies.length, route.name).toBe(RUNS);
      await expectAllRefused(bodies.map((b, i) => ({ label: `${route.name} #${i} ${JSON.stringify(b)?.slice(0, 160)}`, send: () => send(route, JSON.stringify(b)), codes: route.codes })));
    }
  });

  it('refuses raw payloads that are not JSON objects (malformed, empty, arrays, huge, deep)', async () => {
    for (const route of routes) {
      // No body, `null` or `{}` (a leading BOM is allowed) is a valid logout; everything else here is not.
      const raws = RAW_JSON_JUNK.filter((r) => !(route.name === 'logout' && ['', '{}', 'null'].includes(r.replace(/^\ufeff/, '').trim())));
      await expectAllRefused(raws.map((raw) => ({ label: `${route.name} raw ${JSON.stringify(raw.slice(0, 60))}`, send: () => send(route, raw), codes: ['BAD_JSON', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE'] })));
    }
  });

  it('refuses content types other than JSON', async () => {
    for (const route of routes) {
      await expectAllRefused(
        WRONG_CONTENT_TYPES.map(([type, payload]) => ({
          label: `${route.name} as ${type || '(none)'}`,
          send: () => send(route, payload, type || null),
          codes: ['UNSUPPORTED_MEDIA_TYPE', 'BAD_JSON', 'VALIDATION_FAILED'],
        })),
      );
    }
  });

  it('refuses ids that are not UUIDs in every path, and unknown UUIDs with 404', async () => {
    const cases = idRoutes.flatMap((make) =>
      BAD_IDS.map((id) => {
        const r = make(id);
        return {
          label: `${r.method} ${r.url.slice(0, 120)}`,
          send: () => send({ ...r, who: 'admin' }, r.body === undefined ? undefined : JSON.stringify(r.body)),
          codes: ['VALIDATION_FAILED', 'BAD_REQUEST', 'NOT_FOUND'],
        };
      }),
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const make of idRoutes) {
      const r = make(unknown);
      cases.push({ label: `${r.method} unknown id`, send: () => send({ ...r, who: 'admin' }, r.body === undefined ? undefined : JSON.stringify(r.body)), codes: ['TOKEN_NOT_FOUND', 'AGENCY_NOT_FOUND', 'USER_NOT_FOUND'] });
    }
    await expectAllRefused(cases);
  });

  it('says which field is unknown: every body is a strict object', async () => {
    for (const route of routes) {
      const res = await send(route, JSON.stringify({ ...route.valid, sneaky: 1 }));
      expect(problemWith(res, ['VALIDATION_FAILED']), route.name).toBeNull();
      expect(JSON.stringify(res.json<ErrorBody>().details.issues), route.name).toContain('sneaky');
    }
    const nested = await send(routes.find((r) => r.name === 'allocate')!, JSON.stringify({ ...routes.find((r) => r.name === 'allocate')!.valid, account: { username: 'zb-admin', displayName: 'x', password: PASSWORD, role: 'admin' } }));
    expect(problemWith(nested, ['VALIDATION_FAILED'])).toBeNull();
    expect(JSON.stringify(nested.json<ErrorBody>().details.issues)).toContain('role');
  });

  it('gives a taken username, a weak password and an invalid region code each their own stable code', async () => {
    const allocate = routes.find((r) => r.name === 'allocate')!;
    const createUser = routes.find((r) => r.name === 'create user')!;
    const account = allocate.valid.account as Json;
    const cases: [Route, Json, number, string][] = [
      [allocate, { ...allocate.valid, account: { ...account, username: 'WF-Admin' } }, 409, 'USERNAME_TAKEN'],
      [allocate, { ...allocate.valid, account: { ...account, password: 'weakpass' } }, 400, 'WEAK_PASSWORD'],
      [allocate, { ...allocate.valid, regionCode: '3799' }, 404, 'REGION_NOT_FOUND'],
      [allocate, { ...allocate.valid, regionCode: '370783' }, 400, 'REGION_LEVEL_MISMATCH'],
      [allocate, { ...allocate.valid, regionCode: '5101' }, 403, 'REGION_OUT_OF_JURISDICTION'],
      [allocate, { ...allocate.valid, regionCode: '3707' }, 409, 'AGENCY_EXISTS'],
      [createUser, { ...createUser.valid, username: 'sd-admin' }, 409, 'USERNAME_TAKEN'],
      [createUser, { ...createUser.valid, password: 'fuzz-user-2026A' }, 400, 'WEAK_PASSWORD'],
      [routes.find((r) => r.name === 'reset password')!, { newPassword: 'short' }, 400, 'WEAK_PASSWORD'],
      [routes.find((r) => r.name === 'password')!, { currentPassword: 'Tracenet#2026', newPassword: 'password123' }, 400, 'WEAK_PASSWORD'],
      [routes.find((r) => r.name === 'password')!, { currentPassword: 'not-it', newPassword: 'Changed#Pass2027' }, 400, 'WRONG_CURRENT_PASSWORD'],
      [routes.find((r) => r.name === 'login')!, { username: 'nobody-fuzz', password: 'x' }, 401, 'INVALID_CREDENTIALS'],
    ];
    for (const [route, body, status, code] of cases) {
      const res = await send(route, JSON.stringify(body));
      expect(res.statusCode, `${route.name} ${code}: ${res.body}`).toBe(status);
      expect(problemWith(res, [code])).toBeNull();
    }
    for (const regionCode of ['3', '370', '37078', 'abcd', '３７０３', '3703 ', '3703\n', 37_03, null, '370300000000000']) {
      const res = await send(allocate, JSON.stringify({ ...allocate.valid, regionCode }));
      expect(problemWith(res, ['VALIDATION_FAILED']), String(regionCode)).toBeNull();
      expect(JSON.stringify(res.json<ErrorBody>().details.issues)).toContain('regionCode');
    }
    // '' is the whole country, an operations agency's region: for any other agency it is the wrong level.
    expect(problemWith(await send(allocate, JSON.stringify({ ...allocate.valid, regionCode: '' })), ['REGION_LEVEL_MISMATCH'])).toBeNull();
  });

  it('refuses text the database cannot store (NUL) with a 4xx, not a 500', async () => {
    const allocate = routes.find((r) => r.name === 'allocate')!;
    const createUser = routes.find((r) => r.name === 'create user')!;
    const account = allocate.valid.account as Json;
    const nul = (label: string, route: Route, body: Json) => ({ label, send: () => send(route, JSON.stringify(body)), codes: ['VALIDATION_FAILED'] });
    await expectAllRefused([
      nul('NUL in agency name', allocate, { ...allocate.valid, name: '淄博\u0000局' }),
      nul('NUL in display name', allocate, { ...allocate.valid, account: { ...account, displayName: 'a\u0000b' } }),
      nul('NUL in user display name', createUser, { ...createUser.valid, displayName: '\u0000' }),
      nul('NUL in login', routes[0]!, { username: 'sd-admin\u0000', password: 'x' }),
      nul('NUL in token name', routes[3]!, { name: 'a\u0000' }),
    ]);
  });

  it('wrote nothing: agencies, users, audit entries, tokens and sessions are as they were', async () => {
    expect(sent).toBeGreaterThan(1500);
    // But a wrong password is an audit entry (DESIGN.md §12): the two sent on purpose above, and nothing else.
    const audited = await queryRows<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log ORDER BY id DESC LIMIT 2`);
    expect(audited.map((a) => a.action).sort()).toEqual(['auth.login_failed', 'auth.password_check_failed']);
    expect(await counts(t)).toEqual({ ...before, audit: before.audit + 2 });
  });

  it('logout takes no body or an empty object (checked last: it ends the session)', async () => {
    const logout = routes.find((r) => r.name === 'logout')!;
    const bare = await send(logout, undefined, null);
    expect(bare.statusCode, bare.body).toBe(204);
    const again = await t.anonymous.post('/api/v1/auth/login', { username: 'sd-admin', password: 'Tracenet#2026' });
    cookie = `tn_session=${again.cookies.find((c) => c.name === 'tn_session')!.value}`;
    csrf = again.json<{ csrfToken: string }>().csrfToken;
    expect((await send(logout, '{}')).statusCode).toBe(204);
  });
});
