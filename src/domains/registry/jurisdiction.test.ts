import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../../platform/db/rows.js';
import type { AgencyOut } from './contracts.js';
import { expectError, refused } from '../../../test/assertions.js';

// Jurisdiction (DESIGN.md §2): every read and write of agency-side data is limited to the actor's region prefix.


type Page<T> = { items: T[]; nextCursor: string | null };

/** Follows nextCursor to the end and returns every item seen, in order. */
async function everyPage<T>(client: Client, url: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await client.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page<T>>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

const DEMO_AGENCY_COUNT = 22; // the ministry, its operations agency (运维, region '') and 10 per province

describe('jurisdiction', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  const agencyOf = (u: string) => as[u]!.me!.agency.id;
  const idOf = (u: string) => as[u]!.me!.user.id;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['moa-admin', 'sd-admin', 'sd-lab-admin', 'wf-admin', 'wf-lab-admin', 'sg-admin', 'sg-hl-user', 'sc-admin', 'cd-admin', 'pd-admin', 'pd-law-admin', 'pd-tc-user']) {
      as[u] = await t.login(u);
    }
    // Writes in both provinces, so that the audit log has something on each side.
    const allocate = (who: string, regionCode: string, username: string) =>
      as[who]!.post('/api/v1/agencies', { name: `${regionCode} 农业农村局`, kind: 'supervision', level: 'city', regionCode, account: { username, displayName: 'x', password: 'Strong#Pass2026' } });
    expect((await allocate('sd-admin', '3702', 'qd-admin')).statusCode).toBe(201);
    expect((await allocate('sc-admin', '5103', 'zg-admin')).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const list = async (who: string, query = '') => (await everyPage<AgencyOut>(as[who]!, `/api/v1/agencies${query}`, 200)).items;

  describe('listing agencies', () => {
    it('the ministry sees every agency', async () => {
      const all = await list('moa-admin');
      expect(all).toHaveLength(DEMO_AGENCY_COUNT + 2);
      expect(all.map((a) => a.regionCode)).toContain('');
      expect(new Set(all.map((a) => a.regionCode.slice(0, 2)))).toEqual(new Set(['', '37', '51']));
    });

    it.each([
      ['sd-admin', '37', 11],
      ['sd-lab-admin', '37', 11],
      ['sc-admin', '51', 11],
      ['wf-admin', '3707', 7],
      ['wf-lab-admin', '3707', 7],
      ['cd-admin', '5101', 7],
      ['sg-admin', '370783', 4],
      ['pd-law-admin', '510117', 4],
      ['sg-hl-user', '370783100', 1],
      ['pd-tc-user', '510117104', 1],
    ])('%s sees only region codes starting with %s (%i agencies)', async (who, prefix, n) => {
      const seen = await list(who);
      expect(seen).toHaveLength(n);
      for (const a of seen) expect(a.regionCode.startsWith(prefix), `${who} saw ${a.regionCode}`).toBe(true);
    });

    it('sd-admin never sees the ministry nor Sichuan, whatever the filter', async () => {
      for (const query of ['', '?kind=supervision', '?level=ministry', '?level=province', `?parentId=${agencyOf('moa-admin')}`, `?parentId=${agencyOf('sc-admin')}`, '?q=四川', '?q=农业农村部']) {
        const seen = await list('sd-admin', query);
        for (const a of seen) expect(a.regionCode.startsWith('37'), `${query}: ${a.regionCode}`).toBe(true);
      }
      expect(await list('sd-admin', '?level=ministry')).toEqual([]);
      expect(await list('sd-admin', '?q=四川')).toEqual([]);
      expect(await list('sd-admin', `?parentId=${agencyOf('sc-admin')}`)).toEqual([]);
    });

    it('filters by kind, level and name', async () => {
      expect((await list('moa-admin', '?kind=testing')).map((a) => a.regionCode).sort()).toEqual(['37', '370783', '3707', '51', '510117', '5101'].sort());
      expect((await list('moa-admin', '?level=province')).map((a) => a.kind).sort()).toEqual(['enforcement', 'enforcement', 'supervision', 'supervision', 'testing', 'testing']);
      expect((await list('sd-admin', '?q=潍坊')).map((a) => a.regionCode)).toEqual(['3707', '3707', '3707']);
      // LIKE wildcards in the search are taken literally.
      expect(await list('moa-admin', '?q=%25')).toEqual([]);
      expect(await list('moa-admin', '?q=_')).toEqual([]);
    });

    it('walks the tree one level at a time with parentId, with child counts', async () => {
      const roots = await list('moa-admin', `?parentId=${agencyOf('moa-admin')}`);
      expect(roots.map((a) => a.regionCode)).toEqual(['', '37', '51']); // the operations agency, then the provinces
      expect(roots.map((a) => a.childCount)).toEqual([0, 4, 4]); // none; lab, enforcement, the demo city, the new city
      const shandong = await list('moa-admin', `?parentId=${agencyOf('sd-admin')}`);
      expect(shandong.map((a) => `${a.kind}/${a.regionCode}`).sort()).toEqual(['enforcement/37', 'supervision/3702', 'supervision/3707', 'testing/37']);
      const weifang = await list('sd-admin', `?parentId=${agencyOf('wf-admin')}`);
      expect(weifang.map((a) => `${a.kind}/${a.regionCode}`).sort()).toEqual(['enforcement/3707', 'supervision/370783', 'testing/3707']);
      const shouguang = await list('wf-admin', `?parentId=${agencyOf('sg-admin')}`);
      expect(shouguang.map((a) => `${a.kind}/${a.level}`).sort()).toEqual(['enforcement/county', 'supervision/township', 'testing/county']);
      expect(shouguang.find((a) => a.level === 'township')).toMatchObject({ regionCode: '370783100', regionName: '化龙镇', childCount: 0 });
    });

    it('paginates with limit and nextCursor: every visible agency exactly once', async () => {
      const all = await list('moa-admin');
      for (const limit of [1, 2, 5, 7]) {
        const { items, pages } = await everyPage<AgencyOut>(as['moa-admin']!, '/api/v1/agencies', limit);
        expect(items.map((a) => a.id), `limit ${limit}`).toEqual(all.map((a) => a.id));
        expect(new Set(items.map((a) => a.id)).size).toBe(all.length);
        expect(pages).toBe(Math.ceil(all.length / limit));
      }
      const shandong = await everyPage<AgencyOut>(as['sd-admin']!, '/api/v1/agencies?kind=supervision', 2);
      expect(shandong.items.map((a) => a.regionCode)).toEqual(['37', '3702', '3707', '370783', '370783100']);
    });

    it('refuses a bad limit or an unknown query field', async () => {
      expectError(await as['moa-admin']!.get('/api/v1/agencies?limit=0'), 400, 'VALIDATION_FAILED');
      expectError(await as['moa-admin']!.get('/api/v1/agencies?limit=201'), 400, 'VALIDATION_FAILED');
      expectError(await as['moa-admin']!.get('/api/v1/agencies?region=51'), 400, 'VALIDATION_FAILED');
      expectError(await as['moa-admin']!.get('/api/v1/agencies?parentId=not-a-uuid'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('reading one agency', () => {
    it.each([
      ['sd-admin', 'sc-admin'],
      ['sd-admin', 'pd-tc-user'],
      ['sd-admin', 'moa-admin'],
      ['wf-admin', 'sd-admin'],
      ['wf-admin', 'cd-admin'],
      ['sg-admin', 'wf-admin'],
      ['sg-hl-user', 'sg-admin'],
      ['pd-admin', 'sg-hl-user'],
    ])('%s cannot read the agency of %s (404 AGENCY_NOT_FOUND)', async (who, owner) => {
      expectError(await as[who]!.get(`/api/v1/agencies/${agencyOf(owner)}`), 404, 'AGENCY_NOT_FOUND');
    });

    it('reads agencies inside the jurisdiction', async () => {
      expect((await as['sd-admin']!.get(`/api/v1/agencies/${agencyOf('sg-hl-user')}`)).json<AgencyOut>()).toMatchObject({ regionCode: '370783100', level: 'township' });
      expect((await as['moa-admin']!.get(`/api/v1/agencies/${agencyOf('pd-tc-user')}`)).statusCode).toBe(200);
      expect((await as['sg-hl-user']!.get(`/api/v1/agencies/${agencyOf('sg-hl-user')}`)).statusCode).toBe(200);
    });

    it('answers a malformed id with 400, not 500', async () => {
      expectError(await as['sd-admin']!.get('/api/v1/agencies/123'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('users of another jurisdiction', () => {
    it.each([
      ['sd-admin', 'sc-admin'],
      ['sd-admin', 'cd-admin'],
      ['wf-admin', 'pd-admin'],
      ['sg-admin', 'pd-tc-user'],
      ['sc-admin', 'sd-admin'],
    ])('%s cannot list the users of the agency of %s (404)', async (who, owner) => {
      expectError(await as[who]!.get(`/api/v1/agencies/${agencyOf(owner)}/users`), 404, 'AGENCY_NOT_FOUND');
    });

    it.each([
      ['sd-admin', 'sc-admin'],
      ['sd-admin', 'pd-tc-user'],
      ['wf-admin', 'cd-admin'],
      ['sc-admin', 'wf-admin'],
      ['pd-admin', 'sg-hl-user'],
    ])('%s cannot disable, edit or reset %s (404 USER_NOT_FOUND), and nothing is written', async (who, target) => {
      await refused(t, () => as[who]!.patch(`/api/v1/users/${idOf(target)}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as[who]!.patch(`/api/v1/users/${idOf(target)}`, { displayName: 'x' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as[who]!.post(`/api/v1/users/${idOf(target)}/reset-password`, { newPassword: 'Reset#Pass2028' }), 404, 'USER_NOT_FOUND');
      await refused(t, () => as[who]!.post(`/api/v1/agencies/${agencyOf(target)}/users`, { username: `by-${who}`, displayName: 'x', password: 'Strong#Pass2026', role: 'admin' }), 404, 'AGENCY_NOT_FOUND');
    });

    it('an upward agency is not readable either: a city does not manage its province', async () => {
      await refused(t, () => as['wf-admin']!.patch(`/api/v1/users/${idOf('sd-admin')}`, { status: 'disabled' }), 404, 'USER_NOT_FOUND');
    });
  });

  describe('audit log', () => {
    type Entry = { regionCode: string; action: string; actorName: string | null };

    it('the ministry reads every entry', async () => {
      const { items } = await everyPage<Entry>(as['moa-admin']!, '/api/v1/audit', 200);
      const provinces = new Set(items.map((e) => e.regionCode.slice(0, 2)));
      expect(provinces).toEqual(new Set(['', '37', '51']));
      const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log`)) as [{ n: number }];
      expect(items).toHaveLength(n);
    });

    it.each([
      ['sd-admin', '37'],
      ['sc-admin', '51'],
    ])('%s reads only entries of region %s…', async (who, prefix) => {
      const { items } = await everyPage<Entry>(as[who]!, '/api/v1/audit', 3);
      expect(items.length).toBeGreaterThan(0);
      for (const e of items) expect(e.regionCode.startsWith(prefix), e.regionCode).toBe(true);
      const [{ n }] = (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE region_code LIKE ${prefix + '%'}`)) as [{ n: number }];
      expect(items).toHaveLength(n);
    });

    it.each(['wf-admin', 'sd-lab-admin', 'sg-admin', 'sg-hl-user', 'pd-law-admin'])('%s may not read the audit log (403)', async (who) => {
      const body = expectError(await as[who]!.get('/api/v1/audit'), 403, 'FORBIDDEN');
      expect(body.details).toMatchObject({ permission: 'audit.read' });
    });

    it('an anonymous caller gets 401', async () => {
      expectError(await t.anonymous.get('/api/v1/audit'), 401, 'UNAUTHENTICATED');
    });
  });
});
