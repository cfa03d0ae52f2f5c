import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { prepareDatabase } from '../src/bootstrap.js';
import { rebuildRollups } from '../src/domains/analytics/rollups/fold.js';
import { setAnalyticsTriggers } from './lib-bulk-load.js';
import { home } from '../src/domains/analytics/home.queries.js';
import { statistics } from '../src/domains/analytics/statistics.queries.js';
import { periodOf, previousOf, lastYearOf } from '../src/domains/analytics/period.js';
import { batches } from '../src/domains/trace/schema.js';
import { confirmTrade, createTrade } from '../src/domains/trace/movements/trade.service.js';
import type { AgencyActor, CommandContext, SubjectActor } from '../src/platform/auth/actor.js';
import { todayInChina } from '../src/platform/china-time.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Db } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/rows.js';
import { createNotifier } from '../src/platform/notify/notifier.js';
import { createPii } from '../src/platform/pii/pii.js';
import { adminQuery, withDatabase } from '../test/template.js';
import { withPublicChainsAfter } from './lib-bulk-load.js';

/**
 * Dashboards over the rollups (issue 16 §5, DESIGN.md §8), on PostgreSQL: the ministry's and a province's home page
 * and a year's statistics of the ministry and of a province, each through the service functions the routes call, p95
 * of REPS runs; the baseline is the same figures computed by GROUP BY over the source domains' fact views (the raw
 * tables) in the same run and database. Budget: each ≤ 100 ms p95 and ≥ 20× faster than its baseline.
 * Then what keeping the rollups costs trades: the trades flow (createTrade + confirmTrade, 16 clients) with the
 * analytics triggers on and off, in alternating slices of the same run.
 *
 * Size: `-- --full` the issue's (600,000 subjects in 2,800 counties, 10M trace events, 1M batches, 200k samples);
 * by default a tenth of it, which loads in about two minutes here. BENCH_KEEP=1 keeps the database and BENCH_REUSE=1
 * measures on it again without loading (the full size loads in over half an hour on two cores).
 */
const FULL = process.argv.includes('--full');
/** `--small` (CI): a hundredth of the issue's size, 20 repetitions, 8 s of trades. */
const SMALL = process.argv.includes('--small');
const SIZE = FULL
  ? { counties: 2800, subjects: 600_000, batches: 1_000_000, trades: 500_000, samples: 200_000, events: 10_000_000, inspections: 100_000, cases: 20_000 }
  : SMALL
    ? { counties: 2800, subjects: 6_000, batches: 10_000, trades: 5_000, samples: 2_000, events: 100_000, inspections: 1_000, cases: 200 }
    : { counties: 2800, subjects: 60_000, batches: 100_000, trades: 50_000, samples: 20_000, events: 1_000_000, inspections: 10_000, cases: 2_000 };
const REPS = Number(process.env.BENCH_REPS ?? (SMALL ? 20 : 40));
const BASELINE_REPS = Number(process.env.BENCH_BASELINE_REPS ?? 3);
const TRADE_SECONDS = Number(process.env.BENCH_SECONDS ?? (SMALL ? 8 : 24));
/** Slices of trades with and without the triggers, taking turns so that the shared machine's drift falls on both. */
const TRADE_ROUNDS = 6;
const CLIENTS = 16;
const BUDGET = { max_p95_ms: 100, min_speedup: 20 };
const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// One database per size: CI's small run does not drop the full one a BENCH_KEEP=1 run left.
const dbName = `tracenet_bench_dashboards${FULL ? '_full' : SMALL ? '_small' : ''}`;
const SECRET = 'bench-secret-key-bench-secret-key-0123456789';

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const log = (line: string) => console.log(`[dashboards] ${line}`);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(reps: number, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up: plans, caches
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await work();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Set-based load: every row written by INSERT … SELECT generate_series with the analytics triggers off, then the
 * rollups recounted at once (rebuildRollups): folding a bulk load's deltas upsert by upsert takes minutes.
 */
async function load(db: Db) {
  await setAnalyticsTriggers(db, false);
  const step = async (what: string, q: SQL) => {
    const t0 = performance.now();
    await db.execute(q);
    log(`${what} ${round((performance.now() - t0) / 1000)} s`);
  };
  await step(
    'places',
    sql`CREATE TABLE bench_places AS
          SELECT (row_number() OVER (ORDER BY t.code) - 1)::int AS k, t.code AS town
            FROM regions t WHERE t.level = 4 AND t.parent_code IN (SELECT code FROM regions WHERE level = 3 ORDER BY md5(code) LIMIT ${SIZE.counties})`,
  );
  const [{ places }] = (await queryRows<{ places: number }>(db, sql`SELECT count(*)::int AS places FROM bench_places`)) as [{ places: number }];
  log(`${places} townships in ${SIZE.counties} counties`);
  const classes = sql`(SELECT array_agg(code ORDER BY code) FROM product_classes WHERE length(code) = 6)`;
  // Two years back from today, so the year's statistics and the home trends have data in every bucket.
  const at = (i: SQL) => sql`(now() - ((${i}::bigint * 7919) % 730) * interval '1 day' - ((${i}::bigint * 104729) % 86400) * interval '1 second')`;
  await step(
    `${SIZE.subjects} subjects`,
    sql`INSERT INTO subjects (id, category, org_form, name, industries, region_code, status, created_at)
        SELECT md5('s' || i)::uuid, i % 4, (i / 4) % 4, '主体' || i, ARRAY[(ARRAY['planting', 'livestock', 'fishery'])[1 + i % 3]], p.town,
               CASE WHEN i % 23 = 0 THEN 'suspended' WHEN i % 31 = 0 THEN 'temporary' ELSE 'active' END, ${at(sql`i`)}
          FROM generate_series(0, ${SIZE.subjects - 1}) i JOIN bench_places p ON p.k = i % ${places}`,
  );
  await step(
    'products',
    sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, created_by)
        SELECT md5('p' || i)::uuid, md5('s' || i)::uuid, '产品' || i, c.codes[1 + i % array_length(c.codes, 1)], '散装', 'kg', md5('s' || i)::uuid
          FROM generate_series(0, ${SIZE.subjects - 1}) i, ${classes} AS c(codes)`,
  );
  await withPublicChainsAfter({ db, kind: 'postgres' } as never, false, async () => {
    await step(
      `${SIZE.batches} batches`,
      sql`INSERT INTO batches (id, code, subject_id, region_code, product_id, source, quantity, unit, stock, self_check, created_at, created_by)
          SELECT md5('b' || i)::uuid, '1' || lpad(i::text, 19, '0'), md5('s' || (i % ${SIZE.subjects}))::uuid, p.town, md5('p' || (i % ${SIZE.subjects}))::uuid,
                 (ARRAY['own', 'own', 'purchase', 'process'])[1 + i % 4], 100 + i % 900, 'kg', 100 + i % 900, 'pass', ${at(sql`i`)}, md5('s' || (i % ${SIZE.subjects}))::uuid
            FROM generate_series(0, ${SIZE.batches - 1}) i JOIN bench_places p ON p.k = (i % ${SIZE.subjects}) % ${places}`,
    );
  });
  await step(
    `${SIZE.trades} trades`,
    sql`INSERT INTO trades (kind, seller_subject_id, buyer_subject_id, counterparty, batch_id, quantity, unit, status, created_at)
        SELECT k.kind, md5('s' || (i % ${SIZE.subjects}))::uuid, CASE WHEN k.kind = 'scan' THEN md5('s' || ((i + 1) % ${SIZE.subjects}))::uuid END,
               CASE WHEN k.kind <> 'scan' THEN '{"name":"市场"}'::jsonb END, md5('b' || i)::uuid, 1, 'kg',
               CASE WHEN k.kind = 'scan' AND i % 10 = 0 THEN 'pending' ELSE 'confirmed' END, ${at(sql`i`)}
          FROM generate_series(0, ${SIZE.trades - 1}) i, LATERAL (SELECT (ARRAY['scan', 'scan', 'manual', 'market'])[1 + i % 4] AS kind) k`,
  );
  await step(
    `${SIZE.samples} samples`,
    sql`INSERT INTO samples (sample_no, task_id, recipient_id, agency_id, region_code, code, code_type, product_name, class_code, class_zh, place_kind, place_name, quantity, unit, sampler_id, sampler_name, sampled_at, status, verdict)
        SELECT 'S' || i, md5('task')::uuid, md5('r')::uuid, md5('a')::uuid, p.town, '1' || lpad(i::text, 19, '0'), 1, '样品', c.codes[1 + i % array_length(c.codes, 1)], '类', 'base', '基地', 1, 'kg',
               md5('u')::uuid, '抽样员', ${at(sql`i`)}, CASE WHEN i % 10 = 0 THEN 'sampled' WHEN i % 10 = 1 THEN 'received' ELSE 'tested' END,
               CASE WHEN i % 10 < 2 THEN NULL WHEN i % 37 = 0 THEN 'fail' ELSE 'pass' END
          FROM generate_series(0, ${SIZE.samples - 1}) i JOIN bench_places p ON p.k = (i * 7) % ${places}, ${classes} AS c(codes)`,
  );
  await step(
    `${SIZE.inspections} inspections`,
    sql`INSERT INTO inspections (subject_id, subject_name, region_code, agency_id, inspector_id, inspector_name, industry, checklist, conclusion, rectify_by, rectification, inspected_at, no_photo_reason, no_point_reason)
        SELECT md5('s' || i)::uuid, '主体', p.town, md5('a')::uuid, md5('u')::uuid, '巡查员', 'planting', '[]', CASE WHEN i % 5 = 0 THEN 'problem' ELSE 'compliant' END,
               CASE WHEN i % 5 = 0 THEN (${at(sql`i`)})::date + 30 END, CASE WHEN i % 5 <> 0 THEN 'none' WHEN i % 3 = 0 THEN 'done' ELSE 'pending' END, ${at(sql`i`)}, '批量', '批量'
          FROM generate_series(0, ${SIZE.inspections - 1}) i JOIN bench_places p ON p.k = i % ${places}`,
  );
  await step(
    `${SIZE.cases} cases`,
    sql`INSERT INTO enforcement_cases (case_no, agency_id, region_code, source, title, summary, stage, penalty_kind, penalty_amount, created_by, created_at)
        SELECT 'C' || i, md5('a')::uuid, p.town, 'own', '案件', '摘要', (ARRAY['filed', 'investigation', 'decision', 'closed'])[1 + i % 4],
               CASE WHEN i % 4 = 3 THEN 'fine' END, CASE WHEN i % 4 = 3 THEN 2000 END, md5('u')::uuid, ${at(sql`i`)}
          FROM generate_series(0, ${SIZE.cases - 1}) i JOIN bench_places p ON p.k = i % ${places}`,
  );
  // Trace events: the bulk of the database (not counted by the figures); the outbox trigger off for the load.
  await db.execute(sql`ALTER TABLE trace_events DISABLE TRIGGER trace_events_outbox`);
  for (let from = 0; from < SIZE.events; from += 1_000_000) {
    const to = Math.min(SIZE.events, from + 1_000_000) - 1;
    await step(
      `trace events ${from}–${to}`,
      sql`INSERT INTO trace_events (event_type, action, biz_step, codes, subject_id, actor_id, region_code, at, detail)
          SELECT 'ObjectEvent', 'ADD', 'commissioning', ARRAY['1' || lpad((i % ${SIZE.batches})::text, 19, '0')]::varchar[], md5('s' || (i % ${SIZE.subjects}))::uuid,
                 md5('s' || (i % ${SIZE.subjects}))::uuid, p.town, ${at(sql`i`)}, '{}'::jsonb
            FROM generate_series(${from}::int, ${to}::int) i JOIN bench_places p ON p.k = (i % ${SIZE.subjects}) % ${places}`,
    );
  }
  await db.execute(sql`ALTER TABLE trace_events ENABLE TRIGGER trace_events_outbox`);
  await setAnalyticsTriggers(db, true);
  const t0 = performance.now();
  const rows = await rebuildRollups(db);
  log(`rollups rebuilt from the fact views: ${rows} rows in ${round((performance.now() - t0) / 1000)} s`);
  await db.execute(sql`ANALYZE`);
  const sizes = await sizesOf(db);
  log(`loaded: ${JSON.stringify(sizes)}`);
  return sizes;
}

async function sizesOf(db: Db) {
  const [sizes] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM subjects)::int AS subjects, (SELECT count(*) FROM batches)::int AS batches, (SELECT count(*) FROM trace_events)::int AS trace_events,
               (SELECT count(*) FROM samples)::int AS samples, (SELECT count(*) FROM analytics_rollups)::int AS rollup_rows`,
  );
  return sizes!;
}

/**
 * BENCH_REUSE=1 measures on the database a BENCH_KEEP=1 run left, when it holds this size (the full load takes over
 * half an hour); without one it stops rather than start that load unasked.
 */
async function reusable(): Promise<boolean> {
  if (!process.env.BENCH_REUSE) return false;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount === 1) return true;
  } finally {
    await client.end();
  }
  throw new Error(`BENCH_REUSE: no database ${dbName} is kept; run once with BENCH_KEEP=1 first`);
}

const agency = (level: 'ministry' | 'province', region: string): AgencyActor => ({
  kind: 'agency',
  userId: randomUUID(),
  username: `${level}-bench`,
  displayName: level,
  role: 'admin',
  permissions: new Set(['analytics.statistics']),
  mustChangePassword: false,
  agency: { id: randomUUID(), name: level === 'ministry' ? '农业农村部' : '山东省农业农村厅', kind: 'supervision', level, regionCode: region },
  jurisdiction: region,
});

/** The same figures as `readRollups` answers, by GROUP BY over the fact views of the raw tables. */
function rawFigures(db: Db, prefix: string, by: 'node' | 'children', from: string, to: string) {
  const len = by === 'node' ? prefix.length : [2, 4, 6, 9][[0, 2, 4, 6].indexOf(prefix.length)]!;
  const range = prefix === '' ? sql`true` : sql`region_code >= ${prefix} AND region_code < ${prefix.slice(0, -1) + String(Number(prefix.at(-1)) + 1)}`;
  return queryRows(
    db,
    sql`SELECT left(region_code, ${len}) AS region, measure, dim, sum(n)::float8 AS n, sum(qty)::float8 AS qty FROM analytics_source_facts
         WHERE ${range} AND length(region_code) >= ${len} AND day BETWEEN ${from} AND ${to} GROUP BY 1, 2, 3`,
  );
}
function rawMonthly(db: Db, prefix: string, from: string, to: string) {
  const range = prefix === '' ? sql`true` : sql`region_code >= ${prefix} AND region_code < ${prefix.slice(0, -1) + String(Number(prefix.at(-1)) + 1)}`;
  return queryRows(db, sql`SELECT date_trunc('month', day) AS m, measure, dim, sum(n)::float8 AS n FROM analytics_source_facts WHERE ${range} AND day >= ${from} AND day < ${to} GROUP BY 1, 2, 3`);
}

async function tradesCost(db: Db, database: Awaited<ReturnType<typeof openPostgres>>, config: ReturnType<typeof loadConfig>) {
  const notifier = createNotifier(database);
  const pii = createPii(SECRET);
  const TOWN = '370783100';
  // A token of this run's own: a reused database (BENCH_REUSE) holds the last run's parties.
  const run = randomUUID().slice(0, 8);
  const runDigits = String(9000 + Math.floor(Math.random() * 1000));
  const party = (role: string, i: number) => ({ id: randomUUID(), userId: randomUUID(), name: `${role}${i}`, token: `dash${run}${role}${String(i).padStart(12, '0')}` });
  const sellers = Array.from({ length: CLIENTS }, (_, i) => ({ ...party('seller', i), productId: randomUUID(), batchId: randomUUID() }));
  const buyers = Array.from({ length: CLIENTS }, (_, i) => party('buyer', i));
  for (const s of [...sellers, ...buyers])
    await db.execute(sql`INSERT INTO subjects (id, category, org_form, name, industries, region_code, status, e_token, e_token_issued_at, registered_at)
      VALUES (${s.id}::uuid, 2, 0, ${s.name}, '{planting}', ${TOWN}, 'active', ${s.token}, now(), now())`);
  for (const [i, s] of sellers.entries()) {
    await db.execute(sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, created_by) VALUES (${s.productId}::uuid, ${s.id}::uuid, ${`番茄${i}`}, '04', '散装', 'kg', ${s.userId}::uuid)`);
    await db.insert(batches).values({ id: s.batchId, code: `1370783${runDigits}${String(i).padStart(8, '9')}0`, subjectId: s.id, regionCode: TOWN, productId: s.productId, source: 'own', quantity: 1e9, unit: 'kg', stock: 1e9, harvestDate: '2026-03-01', selfCheck: 'pass', createdBy: s.userId });
  }
  const actor = (p: { id: string; userId: string; name: string }): SubjectActor => ({
    kind: 'subject', userId: p.userId, username: p.name, displayName: p.name, role: 'admin', permissions: new Set(['trace.read', 'trace.write']), mustChangePassword: false,
    subject: { id: p.id, name: p.name, regionCode: TOWN, status: 'active' }, accountNo: 1,
  });
  const ctx = (p: { id: string; userId: string; name: string }, k: number): CommandContext => ({ actor: actor(p), meta: { requestId: `dash-${k}`, ip: '127.0.0.1' } });
  const deps = { db, config, pii, notifier };
  const trade = async (client: number, k: number) => {
    const t = await createTrade(deps, ctx(sellers[client]!, k), { batchId: sellers[client]!.batchId, buyerToken: buyers[client]!.token, quantity: 1, unit: 'kg' });
    await confirmTrade(deps, ctx(buyers[client]!, k), t.id);
  };
  for (let c = 0; c < CLIENTS; c++) await trade(c, 0);
  const totals = { on: { done: 0, s: 0 }, off: { done: 0, s: 0 } };
  try {
    for (let r = 0; r < TRADE_ROUNDS; r++) {
      for (const mode of (r % 2 ? ['on', 'off'] : ['off', 'on']) as ('on' | 'off')[]) {
        await setAnalyticsTriggers(db, mode === 'on');
        const t0 = performance.now();
        const until = t0 + (TRADE_SECONDS / TRADE_ROUNDS / 2) * 1000;
        let done = 0;
        await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
          for (let k = 1; performance.now() < until; k++) {
            await trade(c, r * 1_000_000 + k);
            done++;
          }
        }));
        totals[mode].done += done;
        totals[mode].s += (performance.now() - t0) / 1000;
      }
    }
  } finally {
    await setAnalyticsTriggers(db, true);
    await notifier.close();
  }
  const on = totals.on.done / totals.on.s;
  const off = totals.off.done / totals.off.s;
  return { trades_per_s_with_rollups: round(on), trades_per_s_without: round(off), cost_pct: round((1 - on / off) * 100) };
}

const reuse = await reusable();
if (!reuse) {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
  await adminQuery(url, `CREATE DATABASE ${dbName}`);
}
try {
  const database = await openPostgres(withDatabase(url, dbName), CLIENTS + 4);
  // The baseline's GROUP BYs scan whole tables: they get the server's defaults (JIT, parallel workers), which the
  // platform's own sessions turn off (client.ts).
  const analytic = await openPostgres(withDatabase(url, dbName), 4, { analytic: true });
  const rawDb = analytic.db;
  try {
    const config = loadConfig({ NODE_ENV: 'test', SECRET_KEY: SECRET, DEMO_SEED: 'no', LOG_LEVEL: 'silent', DATABASE_URL: withDatabase(url, dbName) });
    const db = database.db;
    await prepareDatabase(database, config);
    const sizes = reuse ? await sizesOf(db) : undefined;
    // The trades phase of the kept run added a few subjects and events: within a tenth it is the same size.
    const near = (n: number, size: number) => n >= size && n <= size * 1.1;
    if (sizes && !(near(sizes.subjects!, SIZE.subjects) && near(sizes.trace_events!, SIZE.events))) throw new Error(`BENCH_REUSE: the kept database holds ${JSON.stringify(sizes)}, not this size`);
    if (sizes) log(`reusing the kept database: ${JSON.stringify(sizes)}`);
    else log(`loading ${FULL ? 'the full size' : SMALL ? 'the small size (CI; --full for the issue’s)' : 'the default size (--full for the issue’s)'}: ${JSON.stringify(SIZE)}`);
    const loaded = sizes ?? (await load(db));

    const today = todayInChina();
    const year = periodOf({ period: 'year', date: today }, today);
    const ministry = agency('ministry', '');
    const province = agency('province', '37');
    const month = periodOf({ period: 'month', date: today }, today);
    const lastMonth = previousOf('month', month);
    const trendFrom = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
    const cases = {
      ministry_home: { fast: () => home(db, ministry), raw: () => Promise.all([rawFigures(rawDb, '', 'node', '1970-01-01', '2199-12-31'), rawFigures(rawDb, '', 'node', month.from, month.to), rawFigures(rawDb, '', 'node', lastMonth.from, lastMonth.to), rawMonthly(rawDb, '', trendFrom, '2199-12-31')]) },
      province_home: { fast: () => home(db, province), raw: () => Promise.all([rawFigures(rawDb, '37', 'node', '1970-01-01', '2199-12-31'), rawFigures(rawDb, '37', 'node', month.from, month.to), rawFigures(rawDb, '37', 'node', lastMonth.from, lastMonth.to), rawMonthly(rawDb, '37', trendFrom, '2199-12-31')]) },
      ministry_year_statistics: { fast: () => statistics(db, ministry, { period: 'year', date: today }, today), raw: () => Promise.all([rawFigures(rawDb, '', 'node', year.from, year.to), rawFigures(rawDb, '', 'node', previousOf('year', year).from, previousOf('year', year).to), rawFigures(rawDb, '', 'node', lastYearOf(year).from, lastYearOf(year).to), rawFigures(rawDb, '', 'children', year.from, year.to)]) },
      province_year_statistics: { fast: () => statistics(db, province, { period: 'year', date: today }, today), raw: () => Promise.all([rawFigures(rawDb, '37', 'node', year.from, year.to), rawFigures(rawDb, '37', 'node', previousOf('year', year).from, previousOf('year', year).to), rawFigures(rawDb, '37', 'node', lastYearOf(year).from, lastYearOf(year).to), rawFigures(rawDb, '37', 'children', year.from, year.to)]) },
    };
    const results: Record<string, { p95_ms: number; median_ms: number; raw_median_ms: number; speedup: number }> = {};
    for (const [name, c] of Object.entries(cases)) {
      const fast = await timed(REPS, c.fast);
      const raw = await timed(BASELINE_REPS, c.raw);
      results[name] = { p95_ms: round(p95(fast), 2), median_ms: round(median(fast), 2), raw_median_ms: round(median(raw)), speedup: round(median(raw) / median(fast)) };
      log(`${name}: p95 ${results[name].p95_ms} ms (median ${results[name].median_ms}); GROUP BY over raw tables median ${results[name].raw_median_ms} ms → ${results[name].speedup}×`);
    }
    const cost = await tradesCost(db, database, config);
    log(`trades with rollups kept ${cost.trades_per_s_with_rollups}/s, without ${cost.trades_per_s_without}/s: cost ${cost.cost_pct}%`);
    const pass = Object.values(results).every((r) => r.p95_ms <= BUDGET.max_p95_ms && r.speedup >= BUDGET.min_speedup);
    console.log(JSON.stringify({ bench: 'dashboards', full: FULL, small: SMALL, sizes: loaded, reuse, reps: REPS, results, trades: cost, budget: { ...BUDGET, trades_max_cost_pct: 10 }, pass, trades_pass: cost.cost_pct <= 10 }));
  } finally {
    await analytic.close();
    await database.close();
  }
} finally {
  // BENCH_KEEP=1 leaves the database for EXPLAIN (it is dropped at the next run's start).
  if (!process.env.BENCH_KEEP) await adminQuery(url, `DROP DATABASE IF EXISTS ${dbName}`);
}
