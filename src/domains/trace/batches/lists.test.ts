import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { queryRows } from '../../../platform/db/rows.js';

// Issue 15 §8: the lists (search, filters, a total, an audited export within the jurisdiction) and a subject's
// whole file (一户一档) for the officials of its region only. sg-coop (寿光市化龙镇) sells to sg-farmer.

let t: TestApp;
let coop: Client;
let farmer: Client;
let county: Client; // 寿光市 supervision (the subjects' county)
let province: Client; // 山东省 supervision (reads the audit log)
let other: Client; // 郫都区, 四川省: another region
let otherProvince: Client;
let coopId: string;
let tomato: string;
let cucumber: string;
const batchIds: string[] = [];

async function sheetRows(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

async function lastAudit(action: string) {
  const [row] = await queryRows<{ actor_name: string; after: { filter: Record<string, unknown>; rows: number } }>(
    t.database.db,
    sql`SELECT actor_name, after FROM audit_log WHERE action = ${action} ORDER BY id DESC LIMIT 1`,
  );
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  [coop, farmer, county, province, other, otherProvince] = (await Promise.all(['sg-coop', 'sg-farmer', 'sg-admin', 'sd-admin', 'pd-admin', 'sc-admin'].map((u) => t.login(u)))) as [Client, Client, Client, Client, Client, Client];
  coopId = (await coop.get('/api/v1/registry/my-subject')).json().id;
  tomato = (await coop.post('/api/v1/trace/products', { name: '列表番茄', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  cucumber = (await coop.post('/api/v1/trace/products', { name: '列表黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  for (const productId of [tomato, tomato, tomato, cucumber, cucumber]) {
    const res = await coop.post('/api/v1/trace/batches', { productId, quantity: 100, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } });
    expect(res.statusCode, res.body).toBe(201);
    batchIds.push(res.json().id);
  }
  const buyerToken = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const sold = await coop.post('/api/v1/trace/trades', { batchId: batchIds[3], buyerToken, quantity: 30, unit: 'kg' });
  expect(sold.statusCode, sold.body).toBe(201);
  await coop.post('/api/v1/trace/trades', { batchId: batchIds[0], buyerToken, quantity: 5, unit: 'kg' });
});
afterAll(async () => t?.close());

describe('a subject\u2019s batch and trade lists', () => {
  it('search by product or code, filter by source and days, and carry the filter\u2019s total on the first page only', async () => {
    const all = (await coop.get('/api/v1/trace/batches?limit=2')).json();
    expect(all.items).toHaveLength(2);
    expect(all.total.value).toBeGreaterThanOrEqual(5);
    expect(all.total.capped).toBe(false);
    const next = (await coop.get(`/api/v1/trace/batches?limit=2&cursor=${all.nextCursor}`)).json();
    expect(next.total).toBeUndefined();

    const cucumbers = (await coop.get(`/api/v1/trace/batches?q=${encodeURIComponent('列表黄瓜')}`)).json();
    expect(cucumbers.total).toEqual({ value: 2, capped: false });
    expect(cucumbers.items.map((b: { productName: string }) => b.productName)).toEqual(['列表黄瓜', '列表黄瓜']);

    const code = (await coop.get(`/api/v1/trace/batches/${batchIds[1]}`)).json().code as string;
    const byCode = (await coop.get(`/api/v1/trace/batches?q=${code.slice(8)}`)).json();
    expect(byCode.items.map((b: { id: string }) => b.id)).toEqual([batchIds[1]]);

    expect((await coop.get('/api/v1/trace/batches?source=purchase')).json().total.value).toBe(0);
    expect((await coop.get('/api/v1/trace/batches?to=2020-01-01')).json().total).toEqual({ value: 0, capped: false });
    expectError(await coop.get('/api/v1/trace/batches?status=lost'), 400, 'VALIDATION_FAILED');
    expectError(await coop.get('/api/v1/trace/batches?from=2026-02-30'), 400, 'VALIDATION_FAILED');
  });

  it('find trades by the other party\u2019s name, seen from each side', async () => {
    const farmerName = (await farmer.get('/api/v1/registry/my-subject')).json().name as string;
    const out = (await coop.get(`/api/v1/trace/trades?direction=outgoing&q=${encodeURIComponent(farmerName)}`)).json();
    expect(out.total).toEqual({ value: 2, capped: false });
    const cucumberSales = (await coop.get(`/api/v1/trace/trades?direction=outgoing&q=${encodeURIComponent('列表黄瓜')}`)).json();
    expect(cucumberSales.items.map((x: { quantity: number }) => x.quantity)).toEqual([30]);
    const incoming = (await farmer.get('/api/v1/trace/trades?direction=incoming&status=pending')).json();
    expect(incoming.total.value).toBeGreaterThanOrEqual(2);
    expect((await coop.get('/api/v1/trace/trades?direction=incoming')).json().total.value).toBe(0);
  });

  it('export the same filter as a workbook, and write down who exported what', async () => {
    const rows = await sheetRows(await coop.get(`/api/v1/trace/batches.xlsx?q=${encodeURIComponent('列表黄瓜')}`));
    expect(rows).toHaveLength(3);
    expect(rows[0]![0]).toContain('追溯码');
    expect(rows.slice(1).map((r) => r[1])).toEqual(['列表黄瓜', '列表黄瓜']);
    expect(rows[1]![2]).toBe('自产');
    expect(await lastAudit('trace.batches.export')).toMatchObject({ after: { filter: { q: '列表黄瓜' }, rows: 2 } });

    const trades = await sheetRows(await coop.get('/api/v1/trace/trades.xlsx?direction=outgoing'));
    expect(trades.length).toBe(3);
    expect(trades[1]![2]).toBe('待确认');
    // The export takes the list's filters, not its paging.
    expectError(await coop.get('/api/v1/trace/batches.xlsx?limit=5'), 400, 'VALIDATION_FAILED');
  });

  it('count at most 10,000 and refuse an export past that rather than cut it short', async () => {
    const [{ n }] = (await queryRows<{ n: number }>(
      t.database.db,
      sql`WITH made AS (
            INSERT INTO batches (code, subject_id, region_code, product_id, source, quantity, unit, stock, self_check, created_by)
            SELECT '9' || lpad(g::text, 19, '0'), b.subject_id, b.region_code, b.product_id, b.source, b.quantity, b.unit, b.stock, b.self_check, b.created_by
            FROM batches b, generate_series(1, 10001) g WHERE b.id = ${batchIds[4]} RETURNING 1)
          SELECT count(*)::int AS n FROM made`,
    )) as [{ n: number }];
    expect(n).toBe(10_001);
    expect((await coop.get(`/api/v1/trace/batches?q=${encodeURIComponent('列表黄瓜')}`)).json().total).toEqual({ value: 10_000, capped: true });
    const before = await lastAudit('trace.batches.export');
    const refused = expectError(await coop.get(`/api/v1/trace/batches.xlsx?q=${encodeURIComponent('列表黄瓜')}`), 422, 'EXPORT_TOO_LARGE');
    expect(refused.message.zh).toContain('10000');
    expect(await lastAudit('trace.batches.export')).toEqual(before);
    // A narrower filter exports again.
    expect((await sheetRows(await coop.get(`/api/v1/trace/batches.xlsx?q=${encodeURIComponent('列表番茄')}`))).length).toBe(4);
  });
});

describe('officials\u2019 lists', () => {
  it('subjects: a total and an export of my jurisdiction only, identity codes masked as on screen', async () => {
    const mine = (await county.get('/api/v1/registry/subjects?limit=1')).json();
    expect(mine.total.value).toBeGreaterThanOrEqual(2);
    expect((await other.get('/api/v1/registry/subjects?q=' + encodeURIComponent('寿光'))).json().total).toEqual({ value: 0, capped: false });
    const rows = await sheetRows(await county.get('/api/v1/registry/subjects.xlsx'));
    expect(rows.length - 1).toBe(mine.total.value);
    expect(await lastAudit('registry.subjects.export')).toMatchObject({ actor_name: expect.any(String), after: { rows: mine.total.value } });
    const theirs = await sheetRows(await other.get('/api/v1/registry/subjects.xlsx'));
    expect(theirs.every((r) => !r.join(' ').includes('370783'))).toBe(true);
    // sg-farmer is a natural person: its identity number never leaves in full.
    const farmerRow = rows.find((r) => r[3] === '个人');
    expect(farmerRow?.[1]).toMatch(/\*/);
  });

  it('users: a total and an export of the accounts I manage', async () => {
    const agencyId = county.me!.agency.id;
    const list = (await county.get(`/api/v1/agencies/${agencyId}/users`)).json();
    expect(list.total.value).toBe(list.items.length);
    const rows = await sheetRows(await county.get(`/api/v1/agencies/${agencyId}/users.xlsx`));
    expect(rows.length - 1).toBe(list.total.value);
    expectError(await other.get(`/api/v1/agencies/${agencyId}/users.xlsx`), 404, 'AGENCY_NOT_FOUND');
  });

  it('audit log: operators with their agencies, a total, an export of the same filter that is itself on the record', async () => {
    const page = (await province.get('/api/v1/audit?action=trace.batches.export')).json();
    expect(page.total.value).toBeGreaterThanOrEqual(2);
    expect(page.items[0].actorAffiliation).toBeTruthy();
    const byCounty = (await province.get('/api/v1/audit?action=registry.subjects.export')).json();
    expect(byCounty.items[0]).toMatchObject({ actorAffiliation: expect.stringContaining('寿光') });
    // Sichuan's province sees none of Shandong's entries.
    expect((await otherProvince.get('/api/v1/audit?action=trace.batches.export')).json().total).toEqual({ value: 0, capped: false });
    const rows = await sheetRows(await province.get('/api/v1/audit.xlsx?action=trace.batches.export'));
    expect(rows.length - 1).toBe(page.total.value);
    expect(rows[1]![1]).toBeTruthy();
    expect((await province.get('/api/v1/audit?action=ops.audit.export')).json().total.value).toBe(1);
    expectError(await county.get('/api/v1/audit.xlsx'), 403, 'FORBIDDEN');
  });
});

describe('a subject\u2019s file (一户一档)', () => {
  const parts = (id: string) => [
    `/api/v1/trace/subjects/${id}/bases`,
    `/api/v1/trace/subjects/${id}/products`,
    `/api/v1/trace/subjects/${id}/batches`,
    `/api/v1/trace/subjects/${id}/trades?direction=outgoing`,
    `/api/v1/registry/subjects/${id}/history`,
  ];

  it('gives the officials of its region each part of it', async () => {
    const [bases, products, batches, trades, history] = (await Promise.all(parts(coopId).map((u) => county.get(u)))) as LightMyRequestResponse[] as [LightMyRequestResponse, LightMyRequestResponse, LightMyRequestResponse, LightMyRequestResponse, LightMyRequestResponse];
    for (const res of [bases, products, batches, trades, history]) expect(res.statusCode, res.body).toBe(200);
    expect(products.json().items.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['列表番茄', '列表黄瓜']));
    expect(batches.json().total.value).toBeGreaterThanOrEqual(5);
    expect(trades.json().total.value).toBe(2);
    expect(trades.json().items[0].buyer.phone ?? '').not.toMatch(/^1\d{10}$/);
    expect(history.json().items.some((e: { action: string }) => e.action === 'subject.register')).toBe(true);
    for (const u of [`/api/v1/monitoring/samples?subjectId=${coopId}`, `/api/v1/supervision/inspections?subjectId=${coopId}`, `/api/v1/registry/change-requests?subjectId=${coopId}`]) {
      expect((await county.get(u)).statusCode, u).toBe(200);
    }
  });

  it('gives an official of another region nothing', async () => {
    for (const u of parts(coopId)) expectError(await other.get(u), 404, 'SUBJECT_NOT_FOUND');
    for (const u of [`/api/v1/monitoring/samples?subjectId=${coopId}`, `/api/v1/supervision/inspections?subjectId=${coopId}`, `/api/v1/registry/change-requests?subjectId=${coopId}`]) {
      const res = await other.get(u);
      expect(res.statusCode, u).toBe(200);
      expect(res.json().items, u).toEqual([]);
    }
    // A subject's account is not an official.
    expectError(await farmer.get(`/api/v1/trace/subjects/${coopId}/batches`), 403, 'FORBIDDEN');
  });
});
