import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { AgencyOut, UserOut } from '../contracts.js';
import { counts, expectError, refused } from '../../../../test/assertions.js';

// Every account-allocation rule of DESIGN.md §2 over HTTP, allowed and refused; a refusal writes nothing.


const PASSWORD = 'Strong#Pass2026';
const NEXT_PASSWORD = 'Changed#Pass2027';

const allocation = (kind: string, level: string, regionCode: string, username: string, account: Record<string, unknown> = {}) => ({
  name: `${regionCode} ${kind} 机构`,
  kind,
  level,
  regionCode,
  account: { username, displayName: `${username} 管理员`, password: PASSWORD, ...account },
});

type Allocated = { agency: AgencyOut; account: UserOut };

/** Logs in a freshly allocated account and changes its first password, as the holder must. */
async function firstLogin(t: TestApp, username: string): Promise<Client> {
  const first = await t.login(username, PASSWORD);
  const changed = await first.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEXT_PASSWORD });
  expect(changed.statusCode, changed.body).toBe(204);
  return first;
}

describe('allocation rules over HTTP', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['moa-admin', 'sd-admin', 'wf-admin', 'sg-admin', 'sg-hl-user', 'sd-lab-admin', 'sd-law-admin', 'wf-lab-admin', 'wf-law-admin', 'sg-lab-admin', 'sg-law-admin', 'pd-lab-admin']) {
      as[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  async function allowed(client: Client, body: ReturnType<typeof allocation>): Promise<Allocated> {
    const before = await counts(t);
    const res = await client.post('/api/v1/agencies', body);
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json<Allocated>();
    expect(out.agency).toMatchObject({ kind: body.kind, level: body.level, regionCode: body.regionCode, parentId: client.me!.agency.id, status: 'active', childCount: 0 });
    expect(out.account).toMatchObject({ username: body.account.username, agencyId: out.agency.id, status: 'active', mustChangePassword: true });
    // One agency, one account, and an audit entry for each, written together.
    expect(await counts(t)).toEqual({ ...before, agencies: before.agencies + 1, users: before.users + 1, audit: before.audit + 2 });
    const audit = await queryRows<{ action: string; actor_name: string; target_id: string; region_code: string }>(
      t.database.db,
      sql`SELECT action, actor_name, target_id, region_code FROM audit_log ORDER BY id DESC LIMIT 2`,
    );
    expect(audit.reverse()).toEqual([
      { action: 'agency.create', actor_name: client.me!.user.username, target_id: out.agency.id, region_code: body.regionCode },
      { action: 'user.create', actor_name: client.me!.user.username, target_id: out.account.id, region_code: body.regionCode },
    ]);
    return out;
  }

  describe('allowed', () => {
    it('ministry → province supervision administrator', async () => {
      const out = await allowed(as['moa-admin']!, allocation('supervision', 'province', '44', 'gd-admin'));
      expect(out.agency.regionName).toBe('广东省');
      expect(out.account.role).toBe('admin');
    });

    it('ministry → the operations agency (运维) at its own level, with its admin (部安全中心)', async () => {
      const out = await allowed(as['moa-admin']!, allocation('operations', 'ministry', '', 'ops2-admin'));
      expect(out.account.role).toBe('admin');
      const ops = await firstLogin(t, 'ops2-admin');
      const me = (await ops.get('/api/v1/auth/me')).json<{ permissions: string[] }>();
      expect(me.permissions).toEqual(expect.arrayContaining(['incident.report', 'incident.consent', 'backup.read', 'feedback.confirm']));
      // Nobody else appoints one.
      expect((await as['sd-admin']!.post('/api/v1/agencies', allocation('operations', 'province', '37', 'ops3-admin'))).json().code).toBe('ALLOCATION_NOT_ALLOWED');
    });

    it('province → its own level testing and enforcement administrators (several labs are allowed)', async () => {
      for (const kind of ['testing', 'enforcement']) {
        const out = await allowed(as['sd-admin']!, allocation(kind, 'province', '37', `sd-${kind}-2`));
        expect(out.account.role).toBe('admin');
      }
    });

    it('province → city supervision inside its province', async () => {
      const out = await allowed(as['sd-admin']!, allocation('supervision', 'city', '3702', 'qd-admin'));
      expect(out.agency.regionName).toBe('青岛市');
    });

    it('city → its own level testing and enforcement, and county supervision inside its city', async () => {
      await allowed(as['wf-admin']!, allocation('testing', 'city', '3707', 'wf-testing-2'));
      await allowed(as['wf-admin']!, allocation('enforcement', 'city', '3707', 'wf-enforcement-2'));
      const county = await allowed(as['wf-admin']!, allocation('supervision', 'county', '370702', 'wc-admin'));
      expect(county.agency.regionName).toBe('潍城区');
    });

    it('county → its own level testing and enforcement, and a township station with a staff account', async () => {
      await allowed(as['sg-admin']!, allocation('testing', 'county', '370783', 'sg-testing-2'));
      await allowed(as['sg-admin']!, allocation('enforcement', 'county', '370783', 'sg-enforcement-2'));
      const station = await allowed(as['sg-admin']!, allocation('supervision', 'township', '370783103', 'yl-user'));
      expect(station.agency.regionName).toBe('营里镇');
      expect(station.account.role).toBe('staff');
    });

    it('stores the new account with its agency and a hashed password that is not the one given', async () => {
      const [row] = await queryRows<{ role: string; password_hash: string; must_change_password: boolean; kind: string; level: string }>(
        t.database.db,
        sql`SELECT u.role, u.password_hash, u.must_change_password, a.kind, a.level FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = 'qd-admin'`,
      );
      expect(row).toMatchObject({ role: 'admin', must_change_password: true, kind: 'supervision', level: 'city' });
      expect(row!.password_hash).toMatch(/^\$argon2id\$/);
      expect(row!.password_hash).not.toContain(PASSWORD);
    });

    it('offers each actor exactly its options (allocation-options)', async () => {
      const options = async (u: string) => (await as[u]!.get('/api/v1/agencies/allocation-options')).json<{ items: { kind: string; level: string; regionWithin: string; accountRole: string }[] }>().items;
      expect(await options('moa-admin')).toEqual([
        expect.objectContaining({ kind: 'operations', level: 'ministry', regionWithin: '', accountRole: 'admin' }),
        expect.objectContaining({ kind: 'supervision', level: 'province', regionWithin: '', accountRole: 'admin' }),
      ]);
      expect((await options('sd-admin')).map((o) => `${o.kind}/${o.level}/${o.regionWithin}`)).toEqual(['testing/province/37', 'enforcement/province/37', 'market/province/37', 'supervision/city/37']);
      expect((await options('wf-admin')).map((o) => `${o.kind}/${o.level}/${o.regionWithin}`)).toEqual(['testing/city/3707', 'enforcement/city/3707', 'market/city/3707', 'supervision/county/3707']);
      expect((await options('sg-admin')).map((o) => `${o.kind}/${o.level}/${o.accountRole}`)).toEqual(['testing/county/admin', 'enforcement/county/admin', 'market/county/admin', 'supervision/township/staff']);
      for (const u of ['sg-hl-user', 'sd-lab-admin', 'wf-law-admin']) expect(await options(u), u).toEqual([]);
    });
  });

  describe('refused by the allocation rules (ALLOCATION_NOT_ALLOWED)', () => {
    it.each([
      ['moa-admin', 'testing', 'province', '37'],
      ['moa-admin', 'enforcement', 'province', '41'],
      ['moa-admin', 'supervision', 'city', '4101'],
      ['moa-admin', 'supervision', 'county', '410102'],
      ['moa-admin', 'testing', 'ministry', '11'],
      ['sd-admin', 'supervision', 'county', '370702'],
      ['sd-admin', 'supervision', 'township', '370783103'],
      ['sd-admin', 'supervision', 'province', '41'],
      ['sd-admin', 'supervision', 'province', '37'],
      ['sd-admin', 'testing', 'city', '3707'],
      ['wf-admin', 'supervision', 'city', '3702'],
      ['wf-admin', 'testing', 'province', '37'],
      ['wf-admin', 'supervision', 'township', '370783103'],
      ['sg-admin', 'supervision', 'county', '370781'],
      ['sg-admin', 'testing', 'city', '3707'],
    ])('%s cannot allocate %s/%s in "%s"', async (who, kind, level, regionCode) => {
      const body = await refused(t, () => as[who]!.post('/api/v1/agencies', allocation(kind, level, regionCode, `nope-${who}-${kind}-${level}`)), 403, 'ALLOCATION_NOT_ALLOWED');
      expect(body.details).toMatchObject({ kind, level });
    });
  });

  describe('refused: outside the jurisdiction (REGION_OUT_OF_JURISDICTION)', () => {
    it.each([
      ['sd-admin', 'supervision', 'city', '5101'],
      ['sd-admin', 'supervision', 'city', '4101'],
      ['sd-admin', 'testing', 'province', '51'],
      ['sd-admin', 'enforcement', 'province', '41'],
      ['wf-admin', 'supervision', 'county', '370202'],
      ['wf-admin', 'supervision', 'county', '510104'],
      ['wf-admin', 'testing', 'city', '3702'],
      ['sg-admin', 'supervision', 'township', '370781001'],
      ['sg-admin', 'enforcement', 'county', '370702'],
    ])('%s cannot allocate %s/%s in "%s"', async (who, kind, level, regionCode) => {
      const body = await refused(t, () => as[who]!.post('/api/v1/agencies', allocation(kind, level, regionCode, `out-${who}-${regionCode}`)), 403, 'REGION_OUT_OF_JURISDICTION');
      expect(body.details).toMatchObject({ regionCode });
    });
  });

  describe('refused: accounts that hold no allocation right (403 FORBIDDEN)', () => {
    it.each(['sg-hl-user', 'sd-lab-admin', 'sd-law-admin', 'wf-lab-admin', 'wf-law-admin', 'sg-lab-admin', 'sg-law-admin', 'pd-lab-admin'])('%s cannot allocate anything', async (who) => {
      for (const [kind, level, code] of [['supervision', 'city', '3703'], ['testing', 'province', '37'], ['supervision', 'township', '370783104'], ['enforcement', 'county', '370783']] as const) {
        const body = await refused(t, () => as[who]!.post('/api/v1/agencies', allocation(kind, level, code, `forbidden-${who}`)), 403, 'FORBIDDEN');
        expect(body.details).toMatchObject({ permission: 'agency.allocate' });
      }
    });

    it('a staff user of a supervision agency cannot allocate either', async () => {
      const created = await as['sd-admin']!.post(`/api/v1/agencies/${as['sd-admin']!.me!.agency.id}/users`, { username: 'sd-staff-1', displayName: '山东职员', password: PASSWORD, role: 'staff' });
      expect(created.statusCode, created.body).toBe(201);
      const staff = await firstLogin(t, 'sd-staff-1');
      await refused(t, () => staff.post('/api/v1/agencies', allocation('supervision', 'city', '3703', 'staff-made')), 403, 'FORBIDDEN');
      expect((await staff.get('/api/v1/agencies/allocation-options')).json()).toEqual({ items: [] });
    });

    it('the staff account of a township station cannot allocate', async () => {
      const station = await firstLogin(t, 'yl-user');
      await refused(t, () => station.post('/api/v1/agencies', allocation('supervision', 'township', '370783104', 'tt-user')), 403, 'FORBIDDEN');
    });

    it('an anonymous request is refused with 401 and writes nothing', async () => {
      await refused(t, () => t.anonymous.post('/api/v1/agencies', allocation('supervision', 'city', '3703', 'anon-made')), 401, 'UNAUTHENTICATED');
    });
  });

  describe('refused: region and uniqueness', () => {
    it.each([
      ['sd-admin', 'supervision', 'city', '370702', 4],
      ['sd-admin', 'supervision', 'city', '37', 4],
      ['sd-admin', 'testing', 'province', '3707', 2],
      ['wf-admin', 'supervision', 'county', '3707', 6],
      ['wf-admin', 'supervision', 'county', '370783100', 6],
      ['sg-admin', 'supervision', 'township', '370783', 9],
      ['sg-admin', 'supervision', 'township', '370783100001', 9],
      ['moa-admin', 'supervision', 'province', '3707', 2],
    ])('%s: a %s/%s agency with region "%s" → REGION_LEVEL_MISMATCH', async (who, kind, level, regionCode, digits) => {
      const body = await refused(t, () => as[who]!.post('/api/v1/agencies', allocation(kind, level, regionCode, `mismatch-${who}`)), 400, 'REGION_LEVEL_MISMATCH');
      expect(body.details).toMatchObject({ level, digits });
      expect(body.message.zh).toContain(String(digits));
    });

    it.each([
      ['moa-admin', 'supervision', 'province', '99'],
      ['sd-admin', 'supervision', 'city', '3799'],
      ['wf-admin', 'supervision', 'county', '370799'],
      ['sg-admin', 'supervision', 'township', '370783999'],
    ])('%s: %s/%s in region "%s" that does not exist → REGION_NOT_FOUND', async (who, kind, level, regionCode) => {
      const body = await refused(t, () => as[who]!.post('/api/v1/agencies', allocation(kind, level, regionCode, `ghost-${who}`)), 404, 'REGION_NOT_FOUND');
      expect(body.details).toMatchObject({ regionCode });
    });

    it.each([
      ['moa-admin', 'province', '37'],
      ['moa-admin', 'province', '51'],
      ['sd-admin', 'city', '3707'],
      ['sd-admin', 'city', '3702'], // allocated above
      ['wf-admin', 'county', '370783'],
      ['sg-admin', 'township', '370783100'],
    ])('%s: a second supervision agency for %s "%s" → AGENCY_EXISTS', async (who, level, regionCode) => {
      const body = await refused(t, () => as[who]!.post('/api/v1/agencies', allocation('supervision', level, regionCode, `dup-${who}-${regionCode}`)), 409, 'AGENCY_EXISTS');
      expect(body.details.agencyId).toEqual(expect.any(String));
    });

    it.each(['wf-admin', 'WF-ADMIN', 'Wf-Admin', 'qd-admin', 'QD-Admin'])('the username "%s" is taken (case-insensitive) → USERNAME_TAKEN', async (username) => {
      const body = await refused(t, () => as['sd-admin']!.post('/api/v1/agencies', allocation('supervision', 'city', '3703', username)), 409, 'USERNAME_TAKEN');
      expect(body.details).toMatchObject({ username });
    });

    it.each([
      ['short1A!', ['TOO_SHORT']],
      ['onlylowercaseletters', ['TOO_FEW_CLASSES']],
      ['Zibo-admin#2026', ['CONTAINS_USERNAME']],
      ['Admin@123456', ['TOO_COMMON']],
      ['abc', ['TOO_SHORT', 'TOO_FEW_CLASSES']],
    ])('the password "%s" is too weak → WEAK_PASSWORD with %j', async (password, problems) => {
      const body = await refused(t, () => as['sd-admin']!.post('/api/v1/agencies', allocation('supervision', 'city', '3703', 'zibo-admin', { password })), 400, 'WEAK_PASSWORD');
      expect(body.details.problems).toEqual(problems);
      // The message says what is missing, in both languages.
      expect(body.message.en).toMatch(/Password too weak: .+/);
      expect(body.message.zh).toMatch(/密码强度不够：.+/);
    });

    it('after all those refusals the rightly formed request still succeeds', async () => {
      await allowed(as['sd-admin']!, allocation('supervision', 'city', '3703', 'zibo-admin'));
    });
  });

  describe('races', () => {
    it('concurrent allocations of one region: exactly one wins, the others get AGENCY_EXISTS', async () => {
      const before = await counts(t);
      const results = await Promise.all(['zz-a', 'zz-b', 'zz-c', 'zz-d'].map((u) => as['sd-admin']!.post('/api/v1/agencies', allocation('supervision', 'city', '3704', u))));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'AGENCY_EXISTS');
      expect(await counts(t)).toEqual({ ...before, agencies: before.agencies + 1, users: before.users + 1, audit: before.audit + 2 });
    });

    it('concurrent allocations with one username: exactly one wins, the others get USERNAME_TAKEN', async () => {
      const before = await counts(t);
      const results = await Promise.all(['3705', '3706', '3708'].map((code) => as['sd-admin']!.post('/api/v1/agencies', allocation('supervision', 'city', code, 'same-admin'))));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'USERNAME_TAKEN');
      expect(await counts(t)).toEqual({ ...before, agencies: before.agencies + 1, users: before.users + 1, audit: before.audit + 2 });
    });
  });
});

describe('the whole chain: ministry → province → city → county → township', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('each new administrator must change the password first, and then allocates the next level down', async () => {
    const moa = await t.login('moa-admin');
    const steps = [
      { body: allocation('supervision', 'province', '41', 'ha-admin'), lab: ['testing', 'province', '41'] },
      { body: allocation('supervision', 'city', '4101', 'zz-admin'), lab: ['enforcement', 'city', '4101'] },
      { body: allocation('supervision', 'county', '410102', 'zy-admin'), lab: ['testing', 'county', '410102'] },
      { body: allocation('supervision', 'township', '410102001', 'lsz-user'), lab: null },
    ] as const;
    let allocator = moa;
    const chain: string[] = [moa.me!.agency.id];
    for (const step of steps) {
      const res = await allocator.post('/api/v1/agencies', step.body);
      expect(res.statusCode, res.body).toBe(201);
      const { agency, account } = res.json<Allocated>();
      expect(agency.parentId).toBe(chain[chain.length - 1]);
      chain.push(agency.id);

      // The new holder logs in but may do nothing before changing the initial password.
      const fresh = await t.login(account.username, PASSWORD);
      const me = (await fresh.get('/api/v1/auth/me')).json<{ user: UserOut; jurisdiction: string }>();
      expect(me.user.mustChangePassword).toBe(true);
      expect(me.jurisdiction).toBe(step.body.regionCode);
      const before = await counts(t);
      expectError(await fresh.get('/api/v1/agencies'), 403, 'PASSWORD_CHANGE_REQUIRED');
      expectError(await fresh.post('/api/v1/agencies', allocation('testing', step.body.level, step.body.regionCode, `early-${account.username}`)), 403, 'PASSWORD_CHANGE_REQUIRED');
      expect(await counts(t)).toEqual(before);

      expect((await fresh.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEXT_PASSWORD })).statusCode).toBe(204);
      expect((await fresh.get('/api/v1/agencies')).statusCode).toBe(200);

      // Its own level's lab or enforcement team, as the rules allow.
      if (step.lab) {
        const [kind, level, code] = step.lab;
        const lab = await fresh.post('/api/v1/agencies', allocation(kind, level, code, `${account.username}-${kind}`));
        expect(lab.statusCode, lab.body).toBe(201);
      }
      allocator = fresh;
    }

    // The township user is the end of the chain: it sees its station and allocates nothing.
    const station = allocator;
    expect((await station.get('/api/v1/agencies/allocation-options')).json()).toEqual({ items: [] });
    expectError(await station.post('/api/v1/agencies', allocation('supervision', 'township', '410102002', 'jsl-user')), 403, 'FORBIDDEN');
    const visible = (await station.get('/api/v1/agencies')).json<{ items: AgencyOut[] }>().items;
    expect(visible.map((a) => a.regionCode)).toEqual(['410102001']);

    // The ministry sees the new branch of the tree, one level at a time.
    for (let i = 0; i < chain.length - 1; i++) {
      const children = (await moa.get(`/api/v1/agencies?parentId=${chain[i]}&kind=supervision`)).json<{ items: AgencyOut[] }>().items;
      expect(children.map((c) => c.id)).toContain(chain[i + 1]);
    }
    const henan = (await moa.get(`/api/v1/agencies?parentId=${chain[1]}`)).json<{ items: AgencyOut[] }>().items;
    expect(henan.map((a) => `${a.kind}/${a.level}/${a.regionCode}`).sort()).toEqual(['supervision/city/4101', 'testing/province/41']);
    const detail = (await moa.get(`/api/v1/agencies/${chain[1]}`)).json<AgencyOut>();
    expect(detail.childCount).toBe(2);
  });
});
