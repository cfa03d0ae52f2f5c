import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { foldAll, rebuildRollups } from './fold.js';
import { readRollups } from './read.js';

// The rollups equal a recount of the source domains' facts after a random workload of inserts, state changes and
// deletes (one of them rolled back), written straight to the source tables as any write path would: the triggers
// fire whatever service wrote. Checked before folding (reads add the deltas) and after (rollups alone), at every
// depth and both grains. Runs on PGlite by default and on PostgreSQL with TEST_DATABASE_URL.

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
}, 120_000);
afterAll(async () => t?.close());

// A small seeded generator, so that a failure can be replayed (the seed is printed in the assertion message).
const SEED = Number(process.env.ROLLUP_SEED ?? Date.now() % 100_000);
let state = SEED;
// mulberry32: 32-bit integer steps, exact in JavaScript (a float LCG loses bits past 2^53 and cycles early).
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let x = Math.imul(state ^ (state >>> 15), 1 | state);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
// Unique values (codes, numbers, user names) from a counter, never from chance.
let seq = 0;
const uniq = (n: number) => String(++seq).padStart(n, '0');

// Regions of every length the facts carry: townships, counties, a village, and the ministry ('' — an alert to it).
const REGIONS = ['370783100', '370783101', '370783', '370784', '370784102', '370783100001', '510117104', '510117', '5101', '37'] as const;
// Instants around month and year ends and the China midnight (UTC 16:00), so day and month buckets are exercised.
const when = () => {
  const base = Date.UTC(int(2024, 2026), int(0, 11), pick([1, 2, 15, 28, 30, 31]), pick([0, 15, 16, 23]), int(0, 59));
  return new Date(base).toISOString();
};

async function workload(rounds: number) {
  const [cls] = await queryRows<{ codes: string[] }>(db, sql`SELECT array_agg(code ORDER BY code) AS codes FROM (SELECT code FROM product_classes ORDER BY code LIMIT 40) c`);
  const classes = cls!.codes;
  const subjects: { id: string; region: string }[] = [];
  const batches: { id: string; seller: string; qty: number }[] = [];
  const inspections: string[] = [];
  const samples: string[] = [];
  for (let round = 0; round < rounds; round++) {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 6; i++) {
        const id = randomUUID();
        const region = pick(REGIONS.filter((r) => r.length >= 6));
        // 重点主体 flags (issue 21 §3): none, one or two, so the recount sees every flag and subjects with several.
        const flags = [...new Set([pick(['', 'scale', 'vegetable_basket']), pick(['', '', 'national_leading', 'provincial_leading'])].filter(Boolean))];
        await tx.execute(sql`INSERT INTO subjects (id, category, org_form, name, industries, priority_flags, region_code, status, created_at)
          VALUES (${id}, ${int(0, 3)}, ${int(0, 3)}, ${`主体${round}-${i}`}, ${`{${[pick(['planting', 'livestock']), pick(['fishery', 'planting'])].join(',')}}`}::text[], ${`{${flags.join(',')}}`}::text[], ${region}, ${pick(['active', 'active', 'suspended', 'temporary'])}, ${when()})`);
        subjects.push({ id, region });
        const productId = randomUUID();
        await tx.execute(sql`INSERT INTO products (id, subject_id, name, class_code, spec, unit, created_by) VALUES (${productId}, ${id}, ${`产品${round}-${i}`}, ${pick(classes)}, '散装', ${pick(['kg', '箱'])}, ${randomUUID()})`);
        const batchId = randomUUID();
        const qty = int(10, 500);
        await tx.execute(sql`INSERT INTO batches (id, code, subject_id, region_code, product_id, source, quantity, unit, stock, self_check, status, created_at, created_by)
          VALUES (${batchId}, ${`1${uniq(19)}`}, ${id}, ${region}, ${productId}, ${pick(['own', 'own', 'purchase', 'process'])}, ${qty}, 'kg', ${qty}, 'qualified', ${pick(['active', 'active', 'voided'])}, ${when()}, ${randomUUID()})`);
        batches.push({ id: batchId, seller: id, qty });
        // 承诺达标合格证 register rows (issue 21 §4): most batches get one, some printed several times.
        if (rand() < 0.7)
          await tx.execute(sql`INSERT INTO certificates (number, batch_id, subject_id, issuer_role, basis, tested_items, sources, quantity, unit, issued_on, issued_at, issued_by, prints)
            VALUES (${`C${uniq(19)}-01`}, ${batchId}, ${id}, ${pick(['producer', 'purchaser'])}, ${pick(['entrusted_test', 'self_test', 'internal_control', 'self_commitment'])}, '[]', '[]', ${qty}, 'kg', '2025-01-01', ${when()}, ${randomUUID()}, ${int(0, 3)})`);
        await tx.execute(sql`INSERT INTO subject_applications (tracking_code, status, form, name, id_kind, id_enc, id_hash, phone_enc, phone_hash, username, password_hash, region_code, submitted_at)
          VALUES (${`R${uniq(12)}`}, ${pick(['pending', 'returned', 'approved', 'rejected'])}, '{}', '申请人', 'uscc', 'x', ${uniq(20)}, 'x', ${uniq(20)}, ${`u${uniq(12)}`}, 'x', ${region}, ${when()})`);
      }
      for (let i = 0; i < 8; i++) {
        const b = pick(batches);
        const kind = pick(['scan', 'manual', 'market'] as const);
        const buyer = kind === 'scan' ? pick(subjects).id : null;
        await tx.execute(sql`INSERT INTO trades (kind, seller_subject_id, buyer_subject_id, counterparty, batch_id, quantity, unit, status, created_at)
          VALUES (${kind}, ${b.seller}, ${buyer}, ${buyer ? null : JSON.stringify({ name: '菜市场' })}::jsonb, ${b.id}, ${int(1, b.qty)}, 'kg', ${kind === 'scan' ? pick(['pending', 'confirmed', 'rejected']) : 'confirmed'}, ${when()})`);
      }
      for (let i = 0; i < 3; i++) {
        const s = pick(subjects);
        const id = randomUUID();
        const rect = pick(['none', 'pending', 'overdue', 'done']);
        await tx.execute(sql`INSERT INTO inspections (id, subject_id, subject_name, region_code, agency_id, inspector_id, inspector_name, industry, checklist, conclusion, rectify_by, rectification, inspected_at, no_photo_reason, no_point_reason)
          VALUES (${id}, ${s.id}, '主体', ${s.region}, ${randomUUID()}, ${randomUUID()}, '巡查员', 'planting', '[]', ${rect === 'none' ? 'compliant' : 'problem'}, ${rect === 'none' ? null : `2026-0${int(1, 9)}-1${int(0, 9)}`}, ${rect}, ${when()}, '测试', '测试')`);
        inspections.push(id);
        if (rect !== 'none' && rand() < 0.5)
          await tx.execute(sql`INSERT INTO supervision_transfers (inspection_id, to_agency_id, from_agency_id, region_code, reason, status, created_by, created_at)
            VALUES (${id}, ${randomUUID()}, ${randomUUID()}, ${s.region}, '移交', ${pick(['pending', 'accepted'])}, ${randomUUID()}, ${when()})`);
        const sampleId = randomUUID();
        const verdict = pick([null, 'pass', 'pass', 'fail']);
        await tx.execute(sql`INSERT INTO samples (id, sample_no, task_id, recipient_id, agency_id, region_code, code, code_type, product_name, class_code, class_zh, place_kind, place_name, quantity, unit, sampler_id, sampler_name, sampled_at, status, verdict)
          VALUES (${sampleId}, ${`S${uniq(12)}`}, ${randomUUID()}, ${randomUUID()}, ${randomUUID()}, ${pick(REGIONS.filter((r) => r.length >= 6))}, ${digits(20)}, 1, '样品', ${pick(classes)}, '类', 'base', '基地', 1, 'kg', ${randomUUID()}, '抽样员', ${when()}, ${verdict ? 'tested' : pick(['sampled', 'received'])}, ${verdict})`);
        samples.push(sampleId);
        if (verdict === 'fail')
          await tx.execute(sql`INSERT INTO monitoring_alerts (agency_id, agency_region, sample_id, report_version, title, created_at, read_at)
            VALUES (${randomUUID()}, ${pick(['', ...REGIONS])}, ${sampleId}, 1, '预警', ${when()}, ${rand() < 0.5 ? when() : null})`);
        const penalty = pick([null, 'none', 'warning', 'fine']);
        await tx.execute(sql`INSERT INTO enforcement_cases (case_no, agency_id, region_code, source, title, summary, stage, penalty_kind, penalty_amount, created_by, created_at)
          VALUES (${`C${uniq(14)}`}, ${randomUUID()}, ${pick(REGIONS)}, ${pick(['own', 'transfer', 'task'])}, '案件', '摘要', ${pick(['filed', 'investigation', 'decision', 'closed'])}, ${penalty}, ${penalty === 'fine' ? int(100, 50000) + 0.5 : null}, ${randomUUID()}, ${when()})`);
        await tx.execute(sql`INSERT INTO code_lookups (code, count, first_at, last_at) VALUES (${`${pick(['1', '2', '3'])}${pick(['370783', '510117'])}${uniq(13)}`}, ${int(1, 9)}, ${when()}, now())`);
        await tx.execute(sql`INSERT INTO subject_certificates (subject_id, kind, number, products, valid_from, valid_to, status, created_at)
          VALUES (${s.id}, ${pick(['green', 'organic', 'gi'])}, ${`N${uniq(10)}`}, '蔬菜', '2025-01-01', '2028-01-01', ${pick(['unverified', 'verified', 'withdrawn'])}, ${when()})`);
      }
    });
    // State changes and deletes, as the services make them (several rows in one statement too).
    await db.execute(sql`UPDATE subjects SET status = CASE status WHEN 'active' THEN 'suspended' WHEN 'suspended' THEN 'active' ELSE 'active' END WHERE id IN (${pick(subjects).id}, ${pick(subjects).id})`);
    await db.execute(sql`UPDATE subjects SET priority_flags = CASE WHEN priority_flags = '{}' THEN '{scale}'::text[] ELSE '{}'::text[] END WHERE id IN (${pick(subjects).id}, ${pick(subjects).id})`);
    await db.execute(sql`UPDATE certificates SET prints = prints + 2, last_printed_at = now() WHERE id IN (SELECT id FROM certificates ORDER BY random() LIMIT 2)`);
    await db.execute(sql`UPDATE trades SET status = 'confirmed' WHERE id IN (SELECT id FROM trades WHERE status = 'pending' LIMIT 2)`);
    await db.execute(sql`UPDATE batches SET stock = stock - 1 WHERE id = ${pick(batches).id} AND stock >= 1`);
    await db.execute(sql`UPDATE batches SET status = 'voided' WHERE id = ${pick(batches).id}`);
    await db.execute(sql`UPDATE inspections SET rectification = 'done' WHERE id = ${pick(inspections)} AND rectification <> 'none'`);
    await db.execute(sql`UPDATE samples SET verdict = CASE WHEN verdict = 'fail' THEN 'pass' ELSE 'fail' END, status = 'tested' WHERE id = ${pick(samples)}`);
    await db.execute(sql`UPDATE enforcement_cases SET stage = 'closed', penalty_kind = 'fine', penalty_amount = 200 WHERE id IN (SELECT id FROM enforcement_cases WHERE stage <> 'closed' LIMIT 1)`);
    await db.execute(sql`UPDATE code_lookups SET count = count + 3, last_at = now() WHERE code IN (SELECT code FROM code_lookups LIMIT 2)`);
    await db.execute(sql`UPDATE monitoring_alerts SET read_at = now() WHERE read_at IS NULL AND id IN (SELECT id FROM monitoring_alerts LIMIT 1)`);
    await db.execute(sql`UPDATE subject_applications SET status = 'approved' WHERE id IN (SELECT id FROM subject_applications WHERE status = 'pending' LIMIT 1)`);
    await db.execute(sql`DELETE FROM subject_certificates WHERE id IN (SELECT id FROM subject_certificates LIMIT 1)`);
    await db.execute(sql`DELETE FROM code_lookups WHERE code IN (SELECT code FROM code_lookups LIMIT 1)`);
    if (round % 3 === 1 && round < rounds - 1) await foldAll(db);
  }
  // A transaction that fails leaves no delta behind.
  await expect(
    db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE subjects SET status = 'suspended' WHERE status = 'active'`);
      await tx.execute(sql`INSERT INTO enforcement_cases (case_no, agency_id, region_code, source, title, summary, created_by) VALUES ('ROLLBACK', ${randomUUID()}, '370783', 'own', 't', 's', ${randomUUID()})`);
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
}

type Counted = { grain: string; depth: number; region: string; bucket: string; measure: string; dim: string; n: number; qty: number };
const key = (r: Counted) => `${r.grain}|${r.depth}|${r.region}|${r.bucket}|${r.measure}|${r.dim}`;
const asMap = (rows: Counted[]) => new Map(rows.map((r) => [key(r), `${r.n}|${Number(r.qty).toFixed(3)}`]));

/** The recount: every fact of every source view, summed per depth and grain as the folder does. */
const recount = () =>
  queryRows<Counted>(
    db,
    sql`SELECT g.grain, d.depth, left(f.region_code, d.len) AS region,
               to_char(CASE g.grain WHEN 'd' THEN f.day WHEN 'm' THEN date_trunc('month', f.day)::date ELSE date_trunc('year', f.day)::date END, 'YYYY-MM-DD') AS bucket,
               f.measure, f.dim, sum(f.n)::float8 AS n, sum(f.qty)::float8 AS qty
          FROM analytics_source_facts f
         CROSS JOIN (VALUES (0, 0), (1, 2), (2, 4), (3, 6), (4, 9)) d(depth, len) CROSS JOIN (VALUES ('d'), ('m'), ('y')) g(grain)
         WHERE length(f.region_code) >= d.len
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.n) <> 0 OR sum(f.qty) <> 0`,
  );

describe('rollups (统计汇总)', () => {
  it('equal a recount from the source views after a random workload, through reads before folding and in the rollups after', { timeout: 600_000 }, async () => {
    await workload(Number(process.env.ROLLUP_ROUNDS ?? 8));
    const expected = await recount();
    expect(expected.length, `seed ${SEED}`).toBeGreaterThan(100);
    const counted = new Set(expected.map((r) => r.measure));
    for (const m of ['subject_priority', 'cert_issued', 'cert_issuer', 'cert_copies']) expect(counted, `${m} counted`).toContain(m);

    // Before the fold: what the read API answers (rollups + deltas) for nodes of every depth and odd periods.
    const [pending] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM analytics_deltas`);
    expect(pending!.n, 'some deltas wait to be folded').toBeGreaterThan(0);
    const facts = await queryRows<{ region_code: string; day: string; measure: string; dim: string; n: number; qty: number }>(
      db,
      sql`SELECT region_code, to_char(day, 'YYYY-MM-DD') AS day, measure, dim, n::float8 AS n, qty::float8 AS qty FROM analytics_source_facts`,
    );
    const periods: [string, string][] = [['2024-01-01', '2026-12-31'], ['2025-02-14', '2025-11-03'], ['2025-03-01', '2025-03-31'], ['2026-01-31', '2026-02-01'], ['2024-12-31', '2024-12-31']];
    for (const prefix of ['', '37', '3707', '370783', '370783100', '51', '510117']) {
      for (const [from, to] of periods) {
        for (const by of ['node', 'children'] as const) {
          const len = by === 'node' ? prefix.length : [2, 4, 6, 9, 99][[0, 2, 4, 6, 9].indexOf(prefix.length)]!;
          const want = new Map<string, number>();
          for (const f of facts) {
            if (!f.region_code.startsWith(prefix) || f.region_code.length < len || f.day < from || f.day > to) continue;
            const k = `${f.region_code.slice(0, len)}|${f.measure}|${f.dim}`;
            want.set(k, Math.round(((want.get(k) ?? 0) + f.n) * 1000) / 1000);
          }
          for (const [k, v] of [...want]) if (v === 0) want.delete(k);
          const measures = [...new Set(facts.map((f) => f.measure))];
          const got = await readRollups(db, { prefix, by, from, to, measures });
          const gotMap = new Map(got.filter((r) => r.n !== 0).map((r) => [`${r.region}|${r.measure}|${r.dim}`, r.n]));
          expect(gotMap, `seed ${SEED} ${prefix} ${by} ${from}..${to}`).toEqual(want);
        }
      }
    }

    // After the fold: the rollup table itself, every depth and grain, equals the recount, and no delta is left.
    await foldAll(db);
    const [left] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM analytics_deltas`);
    expect(left!.n).toBe(0);
    const rolled = await queryRows<Counted>(
      db,
      sql`SELECT grain, depth, region_code AS region, to_char(bucket, 'YYYY-MM-DD') AS bucket, measure, dim, n::float8 AS n, qty::float8 AS qty
            FROM analytics_rollups WHERE n <> 0 OR qty <> 0`,
    );
    expect(asMap(rolled), `seed ${SEED}`).toEqual(asMap(expected));

    // A rebuild (bulk loads, repairs) recounts the same rollups from the views.
    expect(await rebuildRollups(db)).toBe(expected.length);
    const rebuilt = await queryRows<Counted>(
      db,
      sql`SELECT grain, depth, region_code AS region, to_char(bucket, 'YYYY-MM-DD') AS bucket, measure, dim, n::float8 AS n, qty::float8 AS qty FROM analytics_rollups`,
    );
    expect(asMap(rebuilt)).toEqual(asMap(expected));
    // …and leaves the table as the fold needs it (its key rebuilt): a later write folds onto it.
    await db.execute(sql`INSERT INTO enforcement_cases (case_no, agency_id, region_code, source, title, summary, created_by) VALUES ('AFTER-REBUILD', ${randomUUID()}, '370783100', 'own', 't', 's', ${randomUUID()})`);
    await foldAll(db);
    const after = await queryRows<Counted>(
      db,
      sql`SELECT grain, depth, region_code AS region, to_char(bucket, 'YYYY-MM-DD') AS bucket, measure, dim, n::float8 AS n, qty::float8 AS qty FROM analytics_rollups WHERE n <> 0 OR qty <> 0`,
    );
    expect(asMap(after)).toEqual(asMap(await recount()));
  });
});
