import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/rows.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { foldAll } from './rollups/fold.js';
import type { StatisticsOut } from './contracts.js';

// Statistics and home pages over HTTP: every figure checked here is counted again from the raw tables, each agency
// level sees its own jurisdiction and nothing outside it, and drill-down goes from the ministry to a township.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedFacts();
}, 120_000);
afterAll(async () => t?.close());

const db = () => t.database.db;
const PLACES = ['370783100', '370783', '370784101', '510117104', '510117'];
const DAYS = ['2025-01-01T03:00:00Z', '2025-06-30T17:00:00Z', '2025-12-31T15:59:00Z', '2025-12-31T16:00:00Z', '2026-03-15T08:00:00Z'];

/** Producers, batches and trades in two provinces, written as the services write them (the triggers count them). */
async function seedFacts() {
  const [cls] = await queryRows<{ code: string }>(db(), sql`SELECT code FROM product_classes ORDER BY code LIMIT 1`);
  let n = 0;
  for (const region of PLACES) {
    for (const at of DAYS) {
      n++;
      const subject = randomUUID();
      const product = randomUUID();
      const batch = randomUUID();
      await db().execute(sql`INSERT INTO subjects (id, category, org_form, name, industries, region_code, status, created_at) VALUES (${subject}, ${n % 4}, ${n % 3}, ${`统计主体${n}`}, '{planting}', ${region}, ${n % 5 === 0 ? 'suspended' : 'active'}, ${at})`);
      await db().execute(sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, created_by) VALUES (${product}, ${subject}, '番茄', ${cls!.code}, '散装', 'kg', ${subject})`);
      await db().execute(sql`INSERT INTO batches (id, code, subject_id, region_code, product_id, source, quantity, unit, stock, self_check, created_at, created_by)
        VALUES (${batch}, ${`1${String(n).padStart(19, '7')}`}, ${subject}, ${region}, ${product}, 'own', 100, 'kg', 100, 'qualified', ${at}, ${subject})`);
      await db().execute(sql`INSERT INTO trades (kind, seller_subject_id, counterparty, batch_id, quantity, unit, status, created_at) VALUES (${n % 2 ? 'manual' : 'market'}, ${subject}, '{"name":"菜市场"}', ${batch}, 10, 'kg', 'confirmed', ${at})`);
      if (n % 3 === 0) await foldAll(db());
    }
  }
}

/** The raw count the figure must equal: active subjects under a prefix created on China days [from, to]. */
async function rawActiveSubjects(prefix: string, from: string, to: string) {
  const [row] = await queryRows<{ n: number }>(
    db(),
    sql`SELECT count(*)::int AS n FROM subjects WHERE status = 'active' AND left(region_code, ${prefix.length}) = ${prefix}
          AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from} AND ${to}`,
  );
  return row!.n;
}
async function rawTrades(kind: string, prefix: string, from: string, to: string) {
  const [row] = await queryRows<{ n: number }>(
    db(),
    sql`SELECT count(*)::int AS n FROM trades t JOIN batches b ON b.id = t.batch_id WHERE t.kind = ${kind} AND t.status = 'confirmed'
          AND left(b.region_code, ${prefix.length}) = ${prefix} AND (t.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from} AND ${to}`,
  );
  return row!.n;
}

const stats = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/analytics/statistics?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatisticsOut>();
};

describe('statistics (统计分析)', () => {
  it('each level sees its own jurisdiction, figures equal raw counts, and outside is not found', { timeout: 120_000 }, async () => {
    const levels = [
      ['moa-admin', ''],
      ['sd-admin', '37'],
      ['wf-admin', '3707'],
      ['sg-admin', '370783'],
      ['sg-lab-admin', '370783'],
      ['sg-law-admin', '370783'],
      ['sg-hl-user', '370783100'],
      ['sc-admin', '51'],
    ] as const;
    for (const [username, prefix] of levels) {
      const c = await t.login(username);
      for (const [query, from, to] of [
        ['period=year&date=2025-07-01', '2025-01-01', '2025-12-31'],
        ['period=custom&from=2024-12-01&to=2026-12-31', '2024-12-01', '2026-12-31'],
        ['period=day&date=2026-01-01', '2026-01-01', '2026-01-01'],
      ] as const) {
        const s = await stats(c, query);
        expect(s.node.code).toBe(prefix);
        expect(s.period).toEqual({ from, to });
        expect(s.current.subjectsActive, `${username} ${query}`).toBe(await rawActiveSubjects(prefix, from, to));
        expect(s.current.manualTrades, `${username} ${query}`).toBe(await rawTrades('manual', prefix, from, to));
        expect(s.current.vouchers, `${username} ${query}`).toBe(await rawTrades('market', prefix, from, to));
        // Children are one level down and inside the node.
        for (const child of s.children) expect(child.code.startsWith(prefix) && child.code.length > prefix.length).toBe(true);
      }
      // Another province, and (below the ministry) anything above the caller, is not found.
      const outside = prefix.startsWith('37') ? '510117' : prefix === '51' ? '370783' : null;
      if (outside) {
        const res = await c.get(`/api/v1/analytics/statistics?region=${outside}`);
        expect(res.statusCode, `${username} → ${outside}`).toBe(404);
        expect(res.json().code).toBe('STATISTICS_REGION_NOT_FOUND');
      }
      if (prefix.length > 2) expect((await c.get(`/api/v1/analytics/statistics?region=${prefix.slice(0, 2)}`)).statusCode).toBe(404);
    }
    // Producers hold no statistics.
    expect((await (await t.login('sg-coop')).get('/api/v1/analytics/statistics')).statusCode).toBe(403);
  });

  it('drills down from the ministry to a township, compares periods, and exports the workbook', { timeout: 120_000 }, async () => {
    const moa = await t.login('moa-admin');
    const path = ['', '37', '3707', '370783', '370783100'];
    for (const [i, region] of path.entries()) {
      const s = await stats(moa, `period=year&date=2025-05-05&region=${region}`);
      expect(s.node.code).toBe(region);
      expect(s.crumbs.map((c) => c.code)).toEqual(path.slice(0, i));
      const next = path[i + 1];
      if (next) expect(s.children.map((c) => c.code)).toContain(next);
      if (next) expect(s.children.find((c) => c.code === next)!.values.subjectsActive).toBe(await rawActiveSubjects(next, '2025-01-01', '2025-12-31'));
      if (!next) expect(s.children).toEqual([]);
    }
    const province = await stats(moa, 'period=year&date=2026-02-01&region=37');
    expect(province.previous).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(province.lastYear).toEqual(province.previous);
    expect(province.previousValues.subjectsActive).toBe(await rawActiveSubjects('37', '2025-01-01', '2025-12-31'));
    expect(province.children.find((c) => c.code === '3707')?.name).toBe('潍坊市');
    const month = await stats(moa, 'period=month&date=2026-03-20&region=370783');
    expect(month.previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(month.lastYear).toEqual({ from: '2025-03-01', to: '2025-03-31' });

    const bad = await moa.get('/api/v1/analytics/statistics?period=custom&from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('STATISTICS_PERIOD_INVALID');

    const xlsx = await moa.get('/api/v1/analytics/statistics.xlsx?period=year&date=2025-05-05&region=37');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('gives each role its home page with the counts of its own jurisdiction', { timeout: 120_000 }, async () => {
    const county = await (await t.login('sg-admin')).get('/api/v1/analytics/home');
    expect(county.statusCode, county.body).toBe(200);
    const home = county.json();
    expect(home.role).toBe('county');
    const [pending] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM subject_applications WHERE status = 'pending' AND left(region_code, 6) = '370783'`);
    expect(home.waiting.applicationsPending).toBe(pending!.n);
    expect(home.waiting.subjectsActive).toBe(await rawActiveSubjects('370783', '1970-01-01', '2199-12-31'));
    expect(home.trend).toHaveLength(12);
    expect((await (await t.login('sd-admin')).get('/api/v1/analytics/home')).json().role).toBe('province');
    expect((await (await t.login('sg-lab-admin')).get('/api/v1/analytics/home')).json().role).toBe('lab');
    expect((await (await t.login('sg-hl-user')).get('/api/v1/analytics/home')).json().role).toBe('township');
    const producer = (await (await t.login('sg-coop')).get('/api/v1/analytics/home')).json();
    expect(producer.role).toBe('producer');
    expect(producer.place).toContain('合作社');
  });
});
