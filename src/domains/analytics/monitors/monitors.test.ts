import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedKeeping } from '../../../../test/assertions.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/harness.js';
import { registeredFarmer } from '../../../../test/subjects.js';
import { agencyIdOf, answers, demoSubjectId, loginAll } from '../../../../test/supervision.js';
import { chinaDay, todayInChina } from '../../../platform/china-time.js';
import { queryRows } from '../../../platform/db/rows.js';
import { thisMonth } from './period.js';

// The five business monitors on a small real workload (batches and sales by a producer's own calls, an inspection by
// the station, facts of samples and cases written as the other domains would), each figure checked against a count
// over the raw tables, as every level of agency sees it.

const TABLES = ['monitor_targets', 'rectification_notices', 'assessment_indicators', 'audit_log'];

let t: TestApp;
let ministry: Client;
let province: Client;
let city: Client;
let county: Client;
let station: Client;
let otherCounty: Client;
let lab: Client;
let coop: Client;
let farmer: Client;
let opsAdmin: Client;

const month = thisMonth();
const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.database.db, q))[0]!.n);
const refused = (send: () => ReturnType<Client['get']>, status: number, code: string) => refusedKeeping(t, TABLES, send, status, code);
const put = (who: Client, url: string, body: object) => t.app.inject({ method: 'PUT', url, payload: body, headers: { 'content-type': 'application/json', cookie: who.cookie!, 'x-csrf-token': who.csrf! } });
const sum = (rows: Record<string, unknown>[], key: string) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
type Row = Record<string, unknown> & { region: string };

beforeAll(async () => {
  t = await createTestApp();
  [ministry, province, city, county, station, otherCounty, lab, coop, farmer, opsAdmin] = await loginAll(t, ['moa-admin', 'sd-admin', 'wf-admin', 'sg-admin', 'sg-hl-user', 'pd-admin', 'sg-lab-admin', 'sg-coop', 'sg-farmer', 'ops-admin'] as const);

  // sg-coop records two batches and sells: by hand, into a market (a voucher), and by scan to sg-farmer (confirmed).
  const productId = (await coop.post('/api/v1/trace/products', { name: '监控黄瓜', classCode: '04', spec: '散装', unit: 'kg' })).json().id;
  const batch = (await coop.post('/api/v1/trace/batches', { productId, quantity: 100, unit: 'kg', harvestDate: todayInChina(), selfCheck: { result: 'pass' } })).json();
  await coop.post('/api/v1/trace/batches', { productId, quantity: 50, unit: 'kg', harvestDate: todayInChina(), selfCheck: { result: 'pass' } });
  expect((await coop.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 5, unit: 'kg', buyer: { name: '王记菜摊' } })).statusCode).toBe(201);
  const buyerToken = (await farmer.get('/api/v1/registry/my-subject/identity')).json().token;
  const scan = await coop.post('/api/v1/trace/trades', { batchId: batch.id, quantity: 10, unit: 'kg', buyerToken });
  expect(scan.statusCode, scan.body).toBe(201);
  expect((await farmer.post(`/api/v1/trace/trades/${scan.json().id}/confirm`, {})).statusCode).toBe(200);

  // The station inspects sg-coop and finds a problem to put right by next week.
  const subjectId = await demoSubjectId(county);
  const inspected = await station.post('/api/v1/supervision/inspections', {
    subjectId,
    industry: 'planting',
    answers: answers(['input_records']),
    conclusion: 'problem',
    findings: '投入品记录不全',
    rectifyBy: chinaDay(Date.now() + 7 * 86_400_000),
    lat: 36.88,
    lng: 118.74,
    noPhotoReason: '相机故障，未能拍照',
  });
  expect(inspected.statusCode, inspected.body).toBe(201);

  // Samples and cases of 寿光 and of 郫都 (四川), as the monitoring and enforcement domains write them.
  const db = t.database.db;
  const task = '00000000-0000-4000-8000-000000000001';
  for (const [i, region, received, judged] of [
    [1, '370783100', true, true],
    [2, '370783100', true, false],
    [3, '370783', false, false],
    [4, '510117104', true, true],
  ] as const) {
    await db.execute(sql`INSERT INTO samples (sample_no, task_id, recipient_id, agency_id, region_code, code, code_type, product_name, class_code, class_zh, place_kind, place_name, quantity, unit, sampler_id, sampler_name, sampled_at, received_at, judged_at, verdict, status)
      VALUES (${`MX${i}`}, ${task}, ${task}, ${task}, ${region}, '10000000000000000000', 5, '黄瓜', '04', '蔬菜', 'base', '基地', 1, 'kg', ${task}, '抽样员',
              now() - interval '2 hours', ${received ? sql`now() - interval '1 hour'` : sql`NULL`}, ${judged ? sql`now()` : sql`NULL`}, ${judged ? (i === 4 ? 'fail' : 'pass') : null}, 'sampled')`);
  }
  for (const [i, region, stage] of [
    [1, '370783100', 'filed'],
    [2, '370783', 'investigation'],
    [3, '510117104', 'filed'],
  ] as const) {
    const [c] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO enforcement_cases (case_no, agency_id, region_code, source, title, summary, stage, created_by) VALUES (${`MXC${i}`}, ${task}, ${region}, 'own', '案件', '案情', ${stage}, ${task}) RETURNING id`,
    );
    await db.execute(sql`INSERT INTO enforcement_case_events (case_id, from_stage, to_stage, actor_id, actor_name, at) VALUES (${c!.id}, NULL, 'filed', ${task}, '执法员', now() - interval '3 days')`);
    if (stage === 'investigation') await db.execute(sql`INSERT INTO enforcement_case_events (case_id, from_stage, to_stage, actor_id, actor_name, at) VALUES (${c!.id}, 'filed', 'investigation', ${task}, '执法员', now() - interval '1 day')`);
  }
}, 120_000);
afterAll(async () => t?.close());

describe('主体注册', () => {
  it('counts registered and active producers per region below each level, equal to the raw tables', async () => {
    for (const [who, prefix, len] of [
      [ministry, '', 2],
      [province, '37', 4],
      [city, '3707', 6],
      [county, '370783', 9],
      [otherCounty, '510117', 9],
    ] as const) {
      const res = await who.get('/api/v1/monitors/registration?days=30');
      expect(res.statusCode, res.body).toBe(200);
      const rows: Row[] = res.json().rows;
      for (const r of rows) {
        expect(r.region.startsWith(prefix), `${prefix} sees ${r.region}`).toBe(true);
        expect(r.region.length).toBeLessThanOrEqual(len);
      }
      const registered = await count(sql`SELECT count(*)::int AS n FROM subjects WHERE status IN ('active', 'suspended') AND region_code LIKE ${prefix + '%'}`);
      const active = await count(
        sql`SELECT count(*)::int AS n FROM subjects s WHERE s.status IN ('active', 'suspended') AND s.region_code LIKE ${prefix + '%'}
            AND (EXISTS (SELECT 1 FROM batches b WHERE b.subject_id = s.id AND b.created_at > now() - interval '30 days')
              OR EXISTS (SELECT 1 FROM trades x WHERE x.seller_subject_id = s.id AND x.created_at > now() - interval '30 days'))`,
      );
      expect(sum(rows, 'registered')).toBe(registered);
      expect(sum(rows, 'active')).toBe(active);
      expect(sum(rows, 'inactive')).toBe(registered - active);
    }
    const countyRows: Row[] = (await county.get('/api/v1/monitors/registration')).json().rows;
    expect(countyRows.find((r) => r.region === '370783100')).toMatchObject({ regionName: expect.any(String), active: expect.any(Number) });
    expect(sum(countyRows, 'active')).toBeGreaterThanOrEqual(2);
  });

  it('flags an inactive producer: a newly registered farmer with no batch or sale is listed, the active coop is not', async () => {
    const late = await registeredFarmer(t, 931);
    const listed: { subjectId: string; name: string; regionName: string; lastActivityAt: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await county.get(`/api/v1/monitors/registration/inactive?days=30&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      listed.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    const coopId = await demoSubjectId(county);
    expect(listed.map((r) => r.subjectId)).not.toContain(coopId);
    const lateRow = listed.find((r) => r.subjectId === late.subjectId);
    expect(lateRow).toMatchObject({ lastActivityAt: null, regionName: expect.any(String) });
    const inactive = await count(
      sql`SELECT count(*)::int AS n FROM subjects s WHERE s.status IN ('active', 'suspended') AND s.region_code LIKE '370783%'
          AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.subject_id = s.id AND b.created_at > now() - interval '30 days')
          AND NOT EXISTS (SELECT 1 FROM trades x WHERE x.seller_subject_id = s.id AND x.created_at > now() - interval '30 days')`,
    );
    expect(listed).toHaveLength(inactive);
    // 郫都's bureau does not see 寿光's producers.
    const other = (await otherCounty.get('/api/v1/monitors/registration/inactive')).json().items;
    expect(other.every((r: { regionCode: string }) => r.regionCode.startsWith('510117'))).toBe(true);
    expect(other.map((r: { subjectId: string }) => r.subjectId)).not.toContain(late.subjectId);
  });
});

describe('产品追溯, 日常监管, 监测, 执法', () => {
  it('trace figures equal the raw counts of the month for the county', async () => {
    const res = await county.get(`/api/v1/monitors/trace?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows: Row[] = res.json().rows;
    const from = sql`date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`;
    const sellers = sql`(SELECT id FROM subjects WHERE status IN ('active', 'suspended') AND region_code LIKE '370783%')`;
    expect(sum(rows, 'scanConfirmed')).toBe(await count(sql`SELECT count(*)::int AS n FROM trades WHERE kind = 'scan' AND status = 'confirmed' AND created_at >= ${from} AND seller_subject_id IN ${sellers}`));
    expect(sum(rows, 'manual')).toBe(await count(sql`SELECT count(*)::int AS n FROM trades WHERE kind = 'manual' AND created_at >= ${from} AND seller_subject_id IN ${sellers}`));
    expect(sum(rows, 'recording')).toBe(await count(sql`SELECT count(DISTINCT subject_id)::int AS n FROM batches WHERE created_at >= ${from} AND subject_id IN ${sellers}`));
    expect(sum(rows, 'scanning')).toBe(await count(sql`SELECT count(DISTINCT seller_subject_id)::int AS n FROM trades WHERE kind = 'scan' AND created_at >= ${from} AND seller_subject_id IN ${sellers}`));
    expect(sum(rows, 'codesIssued')).toBe(await count(sql`SELECT count(*)::int AS n FROM trace_codes WHERE issued_at >= ${from} AND subject_id IN ${sellers}`));
    const hl = rows.find((r) => r.region === '370783100')!;
    expect(hl.scanConfirmed).toBeGreaterThanOrEqual(1);
    expect(hl.manual).toBeGreaterThanOrEqual(1);
    expect(hl.scanShare).toBeCloseTo(Number(hl.scanConfirmed) / (Number(hl.scanConfirmed) + Number(hl.manual)), 6);
    // A month with no activity has nothing recorded, and a malformed month is refused.
    expect(sum((await county.get('/api/v1/monitors/trace?month=2001-01')).json().rows, 'recording')).toBe(0);
    expect((await county.get('/api/v1/monitors/trace?month=2026-13')).statusCode).toBe(400);
  });

  it('supervision: inspections and rectifications equal the raw counts; 四川 sees none of 寿光', async () => {
    const rows: Row[] = (await county.get(`/api/v1/monitors/supervision?month=${month}`)).json().rows;
    const from = sql`date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`;
    expect(sum(rows, 'inspections')).toBe(await count(sql`SELECT count(*)::int AS n FROM inspections WHERE region_code LIKE '370783%' AND inspected_at >= ${from}`));
    expect(sum(rows, 'problems')).toBeGreaterThanOrEqual(1);
    expect(sum(rows, 'rectifyPending')).toBe(await count(sql`SELECT count(*)::int AS n FROM inspections WHERE region_code LIKE '370783%' AND rectification = 'pending'`));
    const sichuan: Row[] = (await otherCounty.get(`/api/v1/monitors/supervision?month=${month}`)).json().rows;
    expect(sichuan.every((r) => r.region.startsWith('510117'))).toBe(true);
  });

  it('monitoring: samples, receipt and results per region, jurisdiction kept', async () => {
    const rows: Row[] = (await county.get(`/api/v1/monitors/monitoring?month=${month}`)).json().rows;
    expect(sum(rows, 'sampled')).toBe(await count(sql`SELECT count(*)::int AS n FROM samples WHERE region_code LIKE '370783%'`));
    expect(sum(rows, 'received')).toBe(2);
    expect(sum(rows, 'judged')).toBe(1);
    expect(rows.find((r) => r.region === '370783100')).toMatchObject({ sampled: 2, received: 2, judged: 1, hoursToReceive: 1, hoursToJudge: 1 });
    const ministryRows: Row[] = (await ministry.get(`/api/v1/monitors/monitoring?month=${month}`)).json().rows;
    expect(ministryRows.find((r) => r.region === '51')).toMatchObject({ sampled: 1, failed: 1 });
    expect((await lab.get(`/api/v1/monitors/monitoring?month=${month}`)).statusCode).toBe(200);
  });

  it('enforcement: cases by stage and days per stage', async () => {
    const rows: Row[] = (await county.get(`/api/v1/monitors/enforcement?month=${month}`)).json().rows;
    expect(sum(rows, 'filed') + sum(rows, 'investigation')).toBe(await count(sql`SELECT count(*)::int AS n FROM enforcement_cases WHERE region_code LIKE '370783%' AND stage <> 'closed'`));
    // The case moved to 调查取证 after two days in 立案.
    expect(rows.find((r) => r.region === '370783')).toMatchObject({ investigation: 1, daysFiled: 2 });
    expect(sum((await otherCounty.get(`/api/v1/monitors/enforcement?month=${month}`)).json().rows, 'filed')).toBe(1);
  });

  it('operations and producers have no monitors', async () => {
    expect((await opsAdmin.get('/api/v1/monitors/registration')).statusCode).toBe(403);
    expect((await coop.get('/api/v1/monitors/trace')).statusCode).toBe(403);
  });
});

describe('推广应用目标 and flags', () => {
  it('the county sets a township’s target; a shortfall is flagged in its monitor', async () => {
    const set = await put(county, '/api/v1/monitors/targets', { regionCode: '370783100', indicator: 'active_share', target: 1 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items).toEqual([expect.objectContaining({ regionCode: '370783100', indicator: 'active_share', target: 1 })]);
    const row = (await county.get('/api/v1/monitors/registration')).json().rows.find((r: Row) => r.region === '370783100');
    expect(row.inactive).toBeGreaterThan(0);
    expect(row.flags).toEqual([{ indicator: 'active_share', value: row.activeShare, target: 1 }]);
    const audit = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'monitor.target_set'`);
    expect(audit).toBe(1);
  });

  it('refuses a target outside or at the setter’s own level, and from a station', async () => {
    await refused(() => put(county, '/api/v1/monitors/targets', { regionCode: '510117104', indicator: 'active_share', target: 0.5 }), 400, 'MONITOR_REGION_OUTSIDE');
    await refused(() => put(county, '/api/v1/monitors/targets', { regionCode: '370783', indicator: 'active_share', target: 0.5 }), 400, 'MONITOR_REGION_OUTSIDE');
    await refused(() => put(county, '/api/v1/monitors/targets', { regionCode: '370783100', indicator: 'active_share', target: 1.5 }), 400, 'VALIDATION_FAILED');
    await refused(() => put(station, '/api/v1/monitors/targets', { regionCode: '370783100', indicator: 'active_share', target: 0.5 }), 403, 'FORBIDDEN');
  });
});

describe('责令限期整改', () => {
  const deadline = chinaDay(Date.now() + 10 * 86_400_000);

  it('goes from the county to its station, is answered and accepted; it shows in the monitor meanwhile', async () => {
    const issued = await county.post('/api/v1/rectifications', { target: { kind: 'agency', agencyId: agencyIdOf(station) }, monitor: 'registration', reason: '化龙镇活跃主体比例未达目标，请督促主体录入批次。', deadline });
    expect(issued.statusCode, issued.body).toBe(201);
    const n = issued.json();
    expect(n).toMatchObject({ status: 'issued', targetKind: 'agency', overdue: false, canAnswer: false });
    const row = (await county.get('/api/v1/monitors/registration')).json().rows.find((r: Row) => r.region === '370783100');
    expect(row.openNotices).toBe(1);
    const inbox = (await station.get('/api/v1/rectifications?box=received')).json().items;
    expect(inbox).toEqual([expect.objectContaining({ id: n.id, canAnswer: true })]);
    // 郫都 does not find it; the station cannot close it; the county cannot answer it.
    expect((await otherCounty.get(`/api/v1/rectifications/${n.id}`)).statusCode).toBe(404);
    await refused(() => county.post(`/api/v1/rectifications/${n.id}/answer`, { answer: '已整改' }), 404, 'RECTIFICATION_NOT_FOUND');
    const answered = await station.post(`/api/v1/rectifications/${n.id}/answer`, { answer: '已逐户督促录入批次，本周内完成。' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredByName: expect.any(String) });
    await refused(() => station.post(`/api/v1/rectifications/${n.id}/answer`, { answer: '再答一次' }), 409, 'RECTIFICATION_STATE');
    await refused(() => county.post(`/api/v1/rectifications/${n.id}/close`, { accept: false }), 400, 'RECTIFICATION_CLOSE_NOTE_REQUIRED');
    const closed = await county.post(`/api/v1/rectifications/${n.id}/close`, { accept: true });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    // The city above sees it among those issued in its jurisdiction.
    expect((await city.get('/api/v1/rectifications?box=issued')).json().items.map((r: { id: string }) => r.id)).toContain(n.id);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'rectification.%'`)).toBe(3);
  });

  it('goes to a producer, who answers it; another producer does not find it', async () => {
    const coopId = await demoSubjectId(county);
    const issued = await county.post('/api/v1/rectifications', { target: { kind: 'subject', subjectId: coopId }, monitor: 'trace', reason: '扫码交易比例偏低。', deadline });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json().id;
    expect((await coop.get('/api/v1/my/rectifications')).json().items).toEqual([expect.objectContaining({ id, canAnswer: true })]);
    expect((await farmer.get(`/api/v1/my/rectifications/${id}`)).statusCode).toBe(404);
    await refused(() => farmer.post(`/api/v1/rectifications/${id}/answer`, { answer: '不是我的' }), 404, 'RECTIFICATION_NOT_FOUND');
    expect((await coop.post(`/api/v1/rectifications/${id}/answer`, { answer: '已改用扫码交易。' })).json()).toMatchObject({ status: 'answered' });
  });

  it('refuses a past deadline, an addressee outside the jurisdiction, and issuing from a station', async () => {
    await refused(() => county.post('/api/v1/rectifications', { target: { kind: 'agency', agencyId: agencyIdOf(station) }, monitor: 'trace', reason: '原因', deadline: '2020-01-01' }), 400, 'RECTIFICATION_DEADLINE_PAST');
    await refused(() => county.post('/api/v1/rectifications', { target: { kind: 'agency', agencyId: agencyIdOf(otherCounty) }, monitor: 'trace', reason: '原因', deadline }), 400, 'RECTIFICATION_TARGET_NOT_FOUND');
    await refused(() => county.post('/api/v1/rectifications', { target: { kind: 'agency', agencyId: agencyIdOf(city) }, monitor: 'trace', reason: '原因', deadline }), 400, 'RECTIFICATION_TARGET_NOT_FOUND');
    await refused(() => county.post('/api/v1/rectifications', { target: { kind: 'region', regionCode: '370783' }, monitor: 'trace', reason: '原因', deadline }), 400, 'RECTIFICATION_TARGET_NOT_FOUND');
    // A monitor's row names a region: the notice goes to that region's supervision agency.
    const byRegion = await city.post('/api/v1/rectifications', { target: { kind: 'region', regionCode: '370783' }, monitor: 'supervision', reason: '巡查任务完成率偏低。', deadline });
    expect(byRegion.statusCode, byRegion.body).toBe(201);
    expect(byRegion.json()).toMatchObject({ targetKind: 'agency', targetRegion: '370783' });
    expect((await county.get('/api/v1/rectifications?box=received')).json().items.map((r: { id: string }) => r.id)).toContain(byRegion.json().id);
    await refused(() => station.post('/api/v1/rectifications', { target: { kind: 'agency', agencyId: agencyIdOf(county) }, monitor: 'trace', reason: '原因', deadline }), 403, 'FORBIDDEN');
    await refused(() => county.post('/api/v1/rectifications', { target: { kind: 'agency', agencyId: agencyIdOf(station) }, monitor: 'nothing', reason: '原因', deadline }), 400, 'VALIDATION_FAILED');
  });
});

describe('追溯考核', () => {
  it('scores each region from its figures with the weights, ranked, explained, and exported', async () => {
    const set = await put(province, '/api/v1/assessment/indicators', {
      items: [
        { indicator: 'active_share', weight: 60, target: 0.8 },
        { indicator: 'scan_share', weight: 40, target: 0.5 },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    const res = await province.get(`/api/v1/assessment?month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.totalWeight).toBe(100);
    for (const r of a.rows) {
      expect(r.region).toMatch(/^37\d{2}$/);
      const expected = r.parts.reduce((s: number, p: { value: number | null; target: number; weight: number }) => s + (p.value === null ? 0 : p.weight * Math.min(1, p.value / p.target)), 0);
      expect(r.score).toBeCloseTo(expected, 0);
    }
    const scores = a.rows.map((r: { score: number }) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    const wf = a.rows.find((r: { region: string }) => r.region === '3707');
    expect(wf.score).toBeGreaterThan(0);

    const file = await province.get(`/api/v1/assessment.xlsx?month=${month}`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(4).value).toBe('得分');
    expect(ws.rowCount).toBe(a.rows.length + 1);
    await refused(() => put(province, '/api/v1/assessment/indicators', { items: [{ indicator: 'scan_share', weight: 10, target: 0.5 }, { indicator: 'scan_share', weight: 10, target: 0.5 }] }), 400, 'INDICATORS_DUPLICATE');
    await refused(() => put(province, '/api/v1/assessment/indicators', { items: [{ indicator: 'scan_share', weight: 0, target: 0.5 }] }), 400, 'VALIDATION_FAILED');
    expect((await station.get('/api/v1/assessment')).statusCode).toBe(403);
  });
});
