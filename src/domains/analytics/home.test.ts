import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../platform/china-time.js';
import { queryRows } from '../../platform/db/rows.js';
import { createPii } from '../../platform/pii/pii.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { agencyIdOf, demoSubjectId, loginAll } from '../../../test/supervision.js';
import { addDay } from './rollups/read.js';
import type { HomeOut, StatisticsOut } from './contracts.js';

// 首页 counts that are not rollups (issue 16 §2): a producer's trades to confirm, stock, certificates expiring and
// notices; a county's inactive producers; a station's tasks and inspections due; a lab's reports waiting; an
// enforcement agency's cases by stage and deadlines — each equal to a raw count. And a figure's list (issue 16 §1):
// opened with the figure's region and period, the list's total is the figure.

let t: TestApp;
let county: Client, station: Client, lab: Client, law: Client, producer: Client, province: Client;
let coop: string;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  [county, station, lab, law, producer, province] = await loginAll(t, ['sg-admin', 'sg-hl-user', 'sg-lab-admin', 'sg-law-admin', 'sg-coop', 'sd-admin'] as const);
  coop = await demoSubjectId(county);
  await seed();
}, 120_000);
afterAll(async () => t?.close());

const db = () => t.database.db;
const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db(), q))[0]!.n;

/** A seller in 化龙镇 with a batch, and scan trades to 绿源 (two waiting, one confirmed); certificates of 绿源. */
async function seed() {
  const [cls] = await queryRows<{ code: string }>(db(), sql`SELECT code FROM product_classes ORDER BY code LIMIT 1`);
  const seller = randomUUID();
  const product = randomUUID();
  const batch = randomUUID();
  await db().execute(sql`INSERT INTO subjects (id, category, org_form, name, industries, region_code, status) VALUES (${seller}, 1, 1, '首页测试卖方', '{planting}', '370783100', 'active')`);
  await db().execute(sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, created_by) VALUES (${product}, ${seller}, '黄瓜', ${cls!.code}, '散装', 'kg', ${seller})`);
  await db().execute(sql`INSERT INTO batches (id, code, subject_id, region_code, product_id, source, quantity, unit, stock, frozen, self_check, created_by)
    VALUES (${batch}, ${'18888888888888888881'}, ${seller}, '370783100', ${product}, 'own', 100, 'kg', 100, 30, 'qualified', ${seller})`);
  for (const status of ['pending', 'pending', 'confirmed'])
    await db().execute(sql`INSERT INTO trades (kind, seller_subject_id, buyer_subject_id, batch_id, quantity, unit, status) VALUES ('scan', ${seller}, ${coop}, ${batch}, 10, 'kg', ${status})`);
  // Expiring: verified in 10 days, unverified today; not: withdrawn in 5 days, verified in 100 days, expired yesterday.
  for (const [days, status] of [[10, 'verified'], [0, 'unverified'], [5, 'withdrawn'], [100, 'verified'], [-1, 'verified']] as const)
    await db().execute(sql`INSERT INTO subject_certificates (subject_id, kind, number, products, valid_from, valid_to, status)
      VALUES (${coop}, 'green', ${`HOME-${days}-${status}`}, '蔬菜', '2024-01-01', ${addDay(today, days)}, ${status})`);
}

const homeOf = async (c: Client) => {
  const res = await c.get('/api/v1/analytics/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<HomeOut>();
};
const countOf = (h: HomeOut, key: HomeOut['counts'][number]['key']) => h.counts.find((c) => c.key === key)?.n;

describe('首页 counts', () => {
  it('gives a producer its trades to confirm, stock, certificates expiring and unread notices, read fresh', async () => {
    const sent = await county.post('/api/v1/notices', { title: '首页测试通知', body: '请按时录入批次。', attachments: [], audience: { regions: ['370783100'] } }, { 'idempotency-key': 'home-notice' });
    expect(sent.statusCode, sent.body).toBe(201);

    let home = await homeOf(producer);
    expect(home.role).toBe('producer');
    expect(home.counts.map((c) => c.key)).toEqual(['tradesToConfirm', 'batchesInStock', 'certificatesExpiring', 'noticesUnread']);
    const raw = {
      trades: await one(sql`SELECT count(*)::int AS n FROM trades WHERE buyer_subject_id = ${coop} AND status = 'pending'`),
      stock: await one(sql`SELECT count(*)::int AS n FROM batches WHERE subject_id = ${coop} AND status = 'active' AND stock > 0`),
      certs: await one(sql`SELECT count(*)::int AS n FROM subject_certificates WHERE subject_id = ${coop} AND status IN ('unverified', 'verified')
                            AND valid_to >= ${today}::date AND valid_to <= ${addDay(today, 30)}::date`),
      notices: await one(sql`SELECT count(*)::int AS n FROM producer_notice_recipients WHERE subject_id = ${coop} AND read_at IS NULL`),
    };
    expect(raw).toMatchObject({ trades: 2, certs: 2 });
    expect(raw.notices).toBeGreaterThan(0);
    expect(countOf(home, 'tradesToConfirm')).toBe(raw.trades);
    expect(countOf(home, 'batchesInStock')).toBe(raw.stock);
    expect(countOf(home, 'certificatesExpiring')).toBe(raw.certs);
    expect(countOf(home, 'noticesUnread')).toBe(raw.notices);

    // Read at request time: one trade more shows on the next read (the console reads again on the trade's event).
    const [b] = await queryRows<{ id: string; seller: string }>(db(), sql`SELECT id, subject_id AS seller FROM batches WHERE code = '18888888888888888881'`);
    await db().execute(sql`INSERT INTO trades (kind, seller_subject_id, buyer_subject_id, batch_id, quantity, unit, status) VALUES ('scan', ${b!.seller}, ${coop}, ${b!.id}, 5, 'kg', 'pending')`);
    home = await homeOf(producer);
    expect(countOf(home, 'tradesToConfirm')).toBe(raw.trades + 1);
  });

  it('gives a county its inactive producers, a station its tasks, a lab its reports, enforcement its cases by stage and deadlines', { timeout: 60_000 }, async () => {
    const countyHome = await homeOf(county);
    const since = new Date(Date.now() - 30 * 86_400_000);
    const inactive = await one(sql`SELECT count(*)::int AS n FROM subjects s WHERE s.status IN ('active', 'suspended') AND s.region_code LIKE '370783%'
      AND NOT EXISTS (SELECT 1 FROM batches b WHERE b.subject_id = s.id AND b.created_at >= ${since})
      AND NOT EXISTS (SELECT 1 FROM trades x WHERE x.seller_subject_id = s.id AND x.created_at >= ${since})`);
    expect(inactive).toBeGreaterThan(0);
    expect(countOf(countyHome, 'inactiveProducers')).toBe(inactive);

    const due = addDay(today, 3);
    const publish = async (to: Client, kind: string, quota: number | null) => {
      const res = await county.post('/api/v1/supervision/tasks', {
        kind,
        title: '首页测试任务',
        content: '首页待办计数',
        startsOn: today,
        dueOn: due,
        ...(quota ? { targetCount: quota } : {}),
        recipients: [{ agencyId: agencyIdOf(to), ...(quota ? { quota } : {}) }],
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await publish(station, 'base_inspection', 6);
    await publish(law, 'enforcement', null);
    const tasksOf = async (c: Client) =>
      (await queryRows<{ open: number; inspections: number; soon: number }>(
        db(),
        sql`SELECT count(*)::int AS open, coalesce(sum(greatest(coalesce(coalesce(r.quota, t.target_count), 0) - r.done, 0)) FILTER (WHERE t.kind = 'base_inspection'), 0)::int AS inspections,
                   (count(*) FILTER (WHERE t.due_on <= ${addDay(today, 7)}::date))::int AS soon
            FROM supervision_task_recipients r JOIN supervision_tasks t ON t.id = r.task_id
            WHERE r.agency_id = ${agencyIdOf(c)} AND r.status IN ('published', 'accepted', 'in_progress', 'overdue')`,
      ))[0]!;
    const stationHome = await homeOf(station);
    const st = await tasksOf(station);
    expect(st.inspections).toBeGreaterThanOrEqual(6);
    expect(countOf(stationHome, 'tasksOpen')).toBe(st.open);
    expect(countOf(stationHome, 'inspectionsDue')).toBe(st.inspections);

    const lawHome = await homeOf(law);
    const lw = await tasksOf(law);
    expect(lw.soon).toBeGreaterThan(0);
    expect(countOf(lawHome, 'tasksDueSoon')).toBe(lw.soon);
    for (const [key, stage] of [['casesFiled', 'filed'], ['casesInvestigation', 'investigation'], ['casesDecision', 'decision']] as const)
      expect(lawHome.waiting[key], key).toBe(await one(sql`SELECT count(*)::int AS n FROM enforcement_cases WHERE stage = ${stage} AND region_code LIKE '370783%'`));

    const labHome = await homeOf(lab);
    expect(countOf(labHome, 'reportsAwaiting')).toBe(
      await one(sql`SELECT count(*)::int AS n FROM sample_reports r JOIN samples s ON s.id = r.sample_id WHERE s.agency_id = ${agencyIdOf(lab)} AND r.status IN ('entered', 'reviewed', 'returned')`),
    );
    // A province reads rollups only: no counts of its own.
    expect((await homeOf(province)).counts).toEqual([]);
  });
});

describe('a figure opens its list narrowed to the figure’s region and period', () => {
  it('each list’s total equals the statistics figure it is opened from', { timeout: 120_000 }, async () => {
    // Facts in two townships and two years, so that region and period both narrow.
    const [cls] = await queryRows<{ code: string }>(db(), sql`SELECT code FROM product_classes ORDER BY code LIMIT 1`);
    let n = 0;
    const pii = createPii(t.config.secretKey);
    for (const [region, at] of [['370783100', '2025-03-03T02:00:00Z'], ['370783100', '2026-03-03T02:00:00Z'], ['370783103', '2025-03-04T02:00:00Z']] as const) {
      const s = randomUUID();
      await db().execute(sql`INSERT INTO subjects (id, category, org_form, name, industries, region_code, status, created_at) VALUES (${s}, 1, 1, '范围测试主体', '{planting}', ${region}, 'active', ${at})`);
      await db().execute(sql`INSERT INTO samples (sample_no, task_id, recipient_id, agency_id, region_code, code, code_type, product_name, class_code, class_zh, place_kind, place_name, quantity, unit, sampler_id, sampler_name, sampled_at, status, verdict)
        VALUES (${`SC${randomUUID().slice(0, 8)}`}, ${randomUUID()}, ${randomUUID()}, ${randomUUID()}, ${region}, ${`1370783${String(++n).padStart(13, '0')}`}, 1, '样品', ${cls!.code}, '类', 'base', '基地', 1, 'kg', ${randomUUID()}, '抽样员', ${at}, 'tested', 'fail')`);
      await db().execute(sql`INSERT INTO enforcement_cases (case_no, agency_id, region_code, source, title, summary, stage, created_by, created_at)
        VALUES (${`SC${randomUUID().slice(0, 8)}`}, ${randomUUID()}, ${region}, 'own', '案件', '摘要', 'investigation', ${randomUUID()}, ${at})`);
      await db().execute(sql`INSERT INTO inspections (subject_id, subject_name, region_code, agency_id, inspector_id, inspector_name, industry, checklist, conclusion, rectify_by, rectification, inspected_at, no_photo_reason, no_point_reason)
        VALUES (${s}, '主体', ${region}, ${randomUUID()}, ${randomUUID()}, '巡查员', 'planting', '[]', 'problem', ${at.slice(0, 10)}, 'overdue', ${at}, '测试', '测试')`);
      await db().execute(sql`INSERT INTO subject_applications (tracking_code, status, form, name, id_kind, id_enc, id_hash, phone_enc, phone_hash, username, password_hash, region_code, submitted_at)
        VALUES (${`R${randomUUID().slice(0, 11)}`}, 'pending', '{"category":1,"orgForm":1}', '申请人', 'uscc', ${pii.encrypt('91370783MA3C000000')}, ${randomUUID()}, ${pii.encrypt('13800000000')}, ${randomUUID()}, ${`u${randomUUID().slice(0, 11)}`}, 'x', ${region}, ${at})`);
    }
    const cases: [string, string, (q: string) => string][] = [
      ['subjectsActive', 'sd-admin', (q) => `/api/v1/registry/subjects?status=active&${q.replace('region=', 'regionCode=')}`],
      ['applicationsPending', 'sg-admin', (q) => `/api/v1/registry/applications?status=pending&${q}`],
      ['samplesFailed', 'sd-admin', (q) => `/api/v1/monitoring/samples?verdict=fail&${q}`],
      ['casesInvestigation', 'sd-admin', (q) => `/api/v1/enforcement/cases?stage=investigation&${q}`],
      ['inspectionProblems', 'sd-admin', (q) => `/api/v1/supervision/inspections?conclusion=problem&${q}`],
      ['rectificationsOverdue', 'sd-admin', (q) => `/api/v1/supervision/inspections?rectification=overdue&periodOf=due&${q}`],
    ];
    for (const [figure, who, listUrl] of cases) {
      const c = await t.login(who);
      const wide = who === 'sg-admin' ? '370783' : '37';
      for (const [region, from, to] of [['370783100', '2025-01-01', '2025-12-31'], [wide, '2025-01-01', '2026-12-31'], ['370783103', '2026-01-01', '2026-12-31']] as const) {
        const res = await c.get(`/api/v1/analytics/statistics?period=custom&from=${from}&to=${to}&region=${region}`);
        expect(res.statusCode, res.body).toBe(200);
        const stats = res.json<StatisticsOut>();
        const list = await c.get(listUrl(`region=${region}&from=${from}&to=${to}`));
        expect(list.statusCode, `${figure} ${list.body}`).toBe(200);
        expect(list.json().total, `${figure} ${region} ${from}`).toEqual({ value: stats.current[figure as keyof StatisticsOut['current']], capped: false });
      }
    }
    // A scope outside the jurisdiction narrows to nothing; a malformed one is refused with the usual 400.
    const outside = await province.get('/api/v1/monitoring/samples?region=510117');
    expect(outside.json().total).toEqual({ value: 0, capped: false });
    const bad = await province.get('/api/v1/monitoring/samples?region=37078&from=2025-13-01');
    expect(bad.statusCode).toBe(400);
  });
});
