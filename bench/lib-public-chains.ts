import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { idCheckChar, usccCheckChar } from '../src/domains/registry/subjects/identity-check.shared.js';
import { codeKey } from '../src/domains/trace/codes/code-issue.service.js';
import { safeCodes, type ProductCodeType } from '../src/domains/trace/codes/codes.js';
import { serialPermutation } from '../src/domains/trace/codes/serial-permutation.js';
import type { Database } from '../src/platform/db/client.js';
import { queryRows } from '../src/platform/db/rows.js';
import type { Pii } from '../src/platform/pii/pii.js';
import { withPublicChainsAfter, withRollupsRecountedAfter } from './lib-bulk-load.js';
import { rng } from './lib-random.js';

/**
 * Supply chains as the trace services leave them, for the public look-up bench, written set-based into the tables
 * those services write (on PostgreSQL or PGlite alike):
 *  - 200 real counties (one township each), each with 40 producers (cooperatives, family farms, companies, persons;
 *    each with a product of a real class, a production base and a verified certificate — every third a pledge
 *    certificate too), 8 collectors and 4 wholesalers;
 *  - chains of 2 or 3 hops, half each: a farm batch (自产, type-1 code, self-check passed, 70% with a printed
 *    承诺达标合格证) → scan trade, confirmed → a collector's batch (type-2 code) → [scan trade → a wholesaler's
 *    batch (type-2)] → 入市 → the market's batch with its type-3 voucher; quantities and stocks conserved;
 *  - every code issued as the code service issues it (safeCodes through the county's keyed permutation, recorded in
 *    trace_codes, counters in code_counters), so the bench looks up codes a label would carry;
 *  - each batch's public chain, as the triggers write it (lib-bulk-load.ts).
 * Not written: trace events and input records, which the public page does not read.
 */
export const COUNTIES = 200;
const FARMS = 40;
const COLLECTORS = 8;
const WHOLESALERS = 4;
const PER_COUNTY = FARMS + COLLECTORS + WHOLESALERS;
const KIND = { farm: 0, collector: 1, wholesaler: 2, market: 3 } as const;
const CERTIFICATES = [
  { kind: 'green', issuer: '中国绿色食品发展中心' },
  { kind: 'organic', issuer: '中绿华夏有机产品认证中心' },
  { kind: 'geo', issuer: '农业农村部' },
  { kind: 'pollution_free', issuer: '农业农村部农产品质量安全中心' },
];


/** The uuid of batch i ('b' + i) and of the other rows: md5 of a label with the version-4 bits set (bench_uuid in SQL). */
export function benchUuid(label: string): string {
  const h = createHash('md5').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

export type Chains = { batches: number; chains: number; code(i: number): string; id(i: number): string; isVoucher(i: number): boolean };

const pgArray = (values: ArrayLike<number | string>, from: number, to: number) => {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(String(values[i]));
  return `{${out.join(',')}}`;
};

/** Writes at least `want` batches in chains; `log` hears each step with the seconds since the start. */
export async function buildChains(database: Database, pii: Pii, secretKey: string, want: number, log: (step: string) => void): Promise<Chains> {
  const db = database.db;
  const random = rng(20260501);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  // The chains in memory: per batch its kind, county, holder (-1: a market not on the platform), the subject that
  // issued its code and recorded it, the chain's farm (whose product it is), harvest day, quantity and stock.
  const cap = want + 3;
  const kind = new Uint8Array(cap);
  const county = new Int32Array(cap);
  const holder = new Int32Array(cap);
  const issuer = new Int32Array(cap);
  const farm = new Int32Array(cap);
  const day = new Int32Array(cap);
  const quantity = new Int32Array(cap);
  const stock = new Int32Array(cap);
  let n = 0;
  let chains = 0;
  while (n < want) {
    const c = chains % COUNTIES;
    const s0 = c * PER_COUNTY;
    const hops = random() < 0.5 ? 2 : 3;
    const members = [s0 + int(0, FARMS - 1), s0 + FARMS + int(0, COLLECTORS - 1), ...(hops === 3 ? [s0 + FARMS + COLLECTORS + int(0, WHOLESALERS - 1)] : []), -1];
    const harvest = int(0, 120);
    let q = int(500, 5000);
    for (let k = 0; k < members.length; k++) {
      const i = n + k;
      kind[i] = members[k] === -1 ? KIND.market : k === 0 ? KIND.farm : k === 1 ? KIND.collector : KIND.wholesaler;
      county[i] = c;
      holder[i] = members[k]!;
      // A market's voucher is issued and recorded by the seller, every other batch by its holder.
      issuer[i] = members[k] === -1 ? members[k - 1]! : members[k]!;
      farm[i] = members[0]!;
      day[i] = harvest;
      quantity[i] = q;
      const sold = k + 1 < members.length ? int(Math.min(20, q), q) : 0;
      stock[i] = q - sold;
      q = sold;
    }
    n += members.length;
    chains++;
  }
  log(`${n} batches in ${chains} chains generated`);

  // Codes: each county's counters of each type through its permutation, the transposition-safe ones kept.
  const key = codeKey(secretKey);
  const typeOf = (i: number): ProductCodeType => (kind[i] === KIND.farm ? 1 : kind[i] === KIND.market ? 3 : 2);
  const towns = await queryRows<{ county: string; town: string; county_name: string }>(
    db,
    sql`SELECT r.parent_code AS county, min(r.code) AS town, min(p.name) AS county_name FROM regions r JOIN regions p ON p.code = r.parent_code
        WHERE r.level = 4 GROUP BY r.parent_code ORDER BY md5(r.parent_code) LIMIT ${COUNTIES}`,
  );
  if (towns.length < COUNTIES) throw new Error(`only ${towns.length} counties with townships`);
  const needed = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = `${typeOf(i)}|${county[i]}`;
    needed.set(id, (needed.get(id) ?? 0) + 1);
  }
  const pools = new Map<string, { codes: { code: string; counter: number }[]; next: number; reserved: number }>();
  for (const [id, count] of needed) {
    const [type, c] = id.split('|').map(Number) as [ProductCodeType, number];
    const permutation = serialPermutation(key, `${type}|${towns[c]!.county}`);
    let codes: { code: string; counter: number }[] = [];
    let reserved = 0;
    while (codes.length < count) {
      const m = count - codes.length + Math.ceil((count - codes.length) * 0.4) + 2;
      codes = codes.concat(safeCodes(permutation, type, towns[c]!.county, Array.from({ length: m }, (_, k) => reserved + k)));
      reserved += m;
    }
    pools.set(id, { codes, next: 0, reserved });
  }
  const codes = new Array<string>(n);
  const counters = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const pool = pools.get(`${typeOf(i)}|${county[i]}`)!;
    const issued = pool.codes[pool.next++]!;
    codes[i] = issued.code;
    counters[i] = issued.counter;
  }
  log('codes issued');

  await db.execute(sql`CREATE OR REPLACE FUNCTION bench_uuid(label text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
    $$ SELECT overlay(overlay(md5(label) placing '4' from 13) placing '8' from 17)::uuid $$`);
  await db.execute(sql`CREATE TABLE bench_counties (c int PRIMARY KEY, county text NOT NULL, town text NOT NULL, name text NOT NULL)`);
  await db.execute(sql`INSERT INTO bench_counties SELECT c, county, town, name
    FROM json_to_recordset(${JSON.stringify(towns.map((t, c) => ({ c, county: t.county, town: t.town, name: t.county_name })))}::json) AS x(c int, county text, town text, name text)`);
  await db.execute(sql`INSERT INTO code_counters (type, county, next)
    SELECT type, county, next FROM json_to_recordset(${JSON.stringify([...pools].map(([id, p]) => {
      const [type, c] = id.split('|').map(Number) as [number, number];
      return { type, county: towns[c]!.county, next: p.reserved };
    }))}::json) AS x(type smallint, county text, next bigint)`);

  // Subjects, their identity numbers and phones encrypted as the registry stores them.
  const subjects = [];
  for (let s = 0; s < COUNTIES * PER_COUNTY; s++) {
    const c = Math.floor(s / PER_COUNTY);
    const role = s % PER_COUNTY;
    const t = towns[c]!;
    // Producers: cooperative, family farm, company, person in turn; collectors and wholesalers are companies.
    const orgForm = role < FARMS ? [3, 2, 0, 1][role % 4]! : 0;
    const person = orgForm === 1 || orgForm === 2;
    const first17 = person ? `${t.county}19${String(60 + (s % 40))}0${1 + (s % 9)}1${s % 10}${String(s % 1000).padStart(3, '0')}` : `93${t.county}${String(s).padStart(9, '0')}`;
    const idNumber = first17 + (person ? idCheckChar(first17) : usccCheckChar(first17));
    const phone = `139${String(s).padStart(8, '0')}`;
    const name =
      role < FARMS ? (['绿源果蔬专业合作社', '家庭农场', '生态农业有限公司', '农户'][role % 4]! + s) : role < FARMS + COLLECTORS ? `${t.county_name}农产品收购站${s}` : `${t.county_name}农产品批发有限公司${s}`;
    subjects.push({
      id: benchUuid(`s${s}`),
      category: role < FARMS ? 0 : role < FARMS + COLLECTORS ? 1 : 2,
      org_form: orgForm,
      name,
      id_kind: person ? 'resident_id' : 'uscc',
      id_enc: pii.encrypt(idNumber),
      id_hash: pii.hash(idNumber),
      phone_enc: pii.encrypt(phone),
      phone_hash: pii.hash(phone),
      region_code: t.town,
      address: `${t.county_name} ${s % 90} 号`,
      lat: 30 + (c % 15) + (s % 97) / 1000,
      lng: 105 + (c % 20) + (s % 89) / 1000,
    });
  }
  await db.execute(sql`INSERT INTO subjects (id, category, org_form, name, id_kind, id_enc, id_hash, phone_enc, phone_hash, industries, region_code, address, lat, lng, status, registered_at)
    SELECT id, category, org_form, name, id_kind, id_enc, id_hash, phone_enc, phone_hash, '{planting}', region_code, address, lat, lng, 'active', TIMESTAMPTZ '2025-06-01 09:00+08'
    FROM json_to_recordset(${JSON.stringify(subjects)}::json)
      AS x(id uuid, category smallint, org_form smallint, name text, id_kind text, id_enc text, id_hash text, phone_enc text, phone_hash text, region_code text, address text, lat float8, lng float8)`);
  // Each producer: one product of a real class (named after it), a base in its township, certificates.
  await db.execute(sql`
    WITH f AS (SELECT s, s / ${PER_COUNTY} AS c FROM generate_series(0, ${COUNTIES * PER_COUNTY - 1}) AS s WHERE s % ${PER_COUNTY} < ${FARMS}),
         cls AS (SELECT code, name_zh, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS n FROM product_classes WHERE level = 3)
    INSERT INTO products (id, subject_id, name, class_code, spec, unit, brand, created_by, created_at)
    SELECT bench_uuid('p' || f.s), bench_uuid('s' || f.s), cls.name_zh, cls.code, CASE WHEN f.s % 3 = 0 THEN '5kg/箱' ELSE '散装' END, 'kg',
           CASE WHEN f.s % 5 = 0 THEN '田园' || f.s END, bench_uuid('u' || f.s), TIMESTAMPTZ '2025-06-02 09:00+08'
    FROM f JOIN cls ON cls.k = (f.s * 7919) % cls.n`);
  await db.execute(sql`
    INSERT INTO production_bases (id, subject_id, name, region_code, address, area, area_unit, lat, lng, created_by, created_at)
    SELECT bench_uuid('base' || s), bench_uuid('s' || s), '第' || (s % ${PER_COUNTY} + 1) || '号种植基地', town, name || ' 田园路 ' || s % 90 || ' 号', 20 + s % 300, 'mu',
           30 + c % 15 + (s % 97) / 1000.0, 105 + c % 20 + (s % 89) / 1000.0, bench_uuid('u' || s), TIMESTAMPTZ '2025-06-02 09:00+08'
    FROM (SELECT s, s / ${PER_COUNTY} AS c FROM generate_series(0, ${COUNTIES * PER_COUNTY - 1}) AS s WHERE s % ${PER_COUNTY} < ${FARMS}) f
    JOIN bench_counties USING (c)`);
  await db.execute(sql`
    INSERT INTO subject_certificates (subject_id, kind, number, products, issuer, valid_from, valid_to, status, verified_at)
    SELECT bench_uuid('s' || f.s), x.kind, upper(x.kind) || '-' || lpad(f.s::text, 8, '0'), p.name, x.issuer, DATE '2025-01-01', DATE '2028-12-31', 'verified', TIMESTAMPTZ '2025-06-03 10:00+08'
    FROM (SELECT s FROM generate_series(0, ${COUNTIES * PER_COUNTY - 1}) AS s WHERE s % ${PER_COUNTY} < ${FARMS}) f
    JOIN products p ON p.id = bench_uuid('p' || f.s)
    CROSS JOIN LATERAL (
      SELECT (${`{${CERTIFICATES.map((k) => k.kind).join(',')}}`}::text[])[1 + f.s % ${CERTIFICATES.length}] AS kind,
             (${`{${CERTIFICATES.map((k) => k.issuer).join(',')}}`}::text[])[1 + f.s % ${CERTIFICATES.length}] AS issuer
      UNION ALL SELECT 'pledge', NULL WHERE f.s % 3 = 0) x`);
  log(`${COUNTIES * PER_COUNTY} subjects, their products, bases and certificates written`);

  await withRollupsRecountedAfter(database, () => withPublicChainsAfter(database, true, () => withKeysRebuiltAfter(database, ['batches', 'trace_codes', 'batch_edges', 'trades'], async () => {
    // The chains go up as int and text arrays into one staging table; every table is derived from it by SQL.
    await db.execute(sql`CREATE TABLE bench_batches (i int PRIMARY KEY, kind smallint, c int, holder int, issuer int, farm int, day int, q int, st int, code text, counter bigint)`);
    for (let k = 0; k < n; k += 100_000) {
      const end = Math.min(n, k + 100_000);
      await db.execute(sql`INSERT INTO bench_batches SELECT ${k} + x.o - 1, x.kind, x.c, x.holder, x.issuer, x.farm, x.day, x.q, x.st, x.code, x.counter
        FROM unnest(${pgArray(kind, k, end)}::smallint[], ${pgArray(county, k, end)}::int[], ${pgArray(holder, k, end)}::int[], ${pgArray(issuer, k, end)}::int[],
                    ${pgArray(farm, k, end)}::int[], ${pgArray(day, k, end)}::int[], ${pgArray(quantity, k, end)}::int[], ${pgArray(stock, k, end)}::int[],
                    ${pgArray(codes, k, end)}::text[], ${pgArray(counters, k, end)}::bigint[])
          WITH ORDINALITY AS x(kind, c, holder, issuer, farm, day, q, st, code, counter, o)`);
    }
    log('chains staged');
    // A batch is recorded a day after the one it came from; a chain's farm batch on its harvest day.
    const at = sql`TIMESTAMPTZ '2026-01-01 08:00+08' + (x.day + x.kind) * INTERVAL '1 day' + (x.i % 600) * INTERVAL '1 minute'`;

    const market = sql`jsonb_build_object('name', k.name || CASE WHEN x.i % 2 = 0 THEN '农产品批发市场' ELSE '城区农贸市场' END,
      'marketKind', CASE WHEN x.i % 2 = 0 THEN 'wholesale' ELSE 'retail' END, 'stall', chr(65 + x.i % 6) || '-' || x.i % 300, 'address', k.name || ' 市场路 ' || x.c % 50 || ' 号')`;
    await db.execute(sql`
      INSERT INTO batches (id, code, subject_id, holder, region_code, product_id, base_id, source, quantity, unit, stock, harvest_date, self_check, certified_at, created_at, created_by)
      SELECT bench_uuid('b' || x.i), x.code, CASE WHEN x.holder >= 0 THEN bench_uuid('s' || x.holder) END, CASE WHEN x.kind = ${KIND.market} THEN ${market} END,
             k.town, bench_uuid('p' || x.farm), CASE WHEN x.kind = ${KIND.farm} THEN bench_uuid('base' || x.farm) END,
             (ARRAY['own', 'purchase', 'purchase', 'market_entry'])[x.kind + 1], x.q, 'kg', x.st, DATE '2026-01-01' + x.day,
             CASE WHEN x.kind = ${KIND.farm} THEN 'pass' ELSE 'none' END, CASE WHEN x.kind = ${KIND.farm} AND x.i % 10 < 7 THEN ${at} + INTERVAL '1 hour' END,
             ${at}, bench_uuid('u' || x.issuer)
      FROM bench_batches x JOIN bench_counties k USING (c)`);
    log('batches written');
    await db.execute(sql`
      INSERT INTO trace_codes (code, type, county, province, counter, subject_id, batch_id, issued_at)
      SELECT x.code, left(x.code, 1)::smallint, k.county, left(k.county, 2), x.counter, bench_uuid('s' || x.issuer), bench_uuid('b' || x.i), ${at}
      FROM bench_batches x JOIN bench_counties k USING (c)`);
    log('codes written');
    // Each batch after a chain's first came from the batch before it: an edge and the confirmed trade behind it.
    await db.execute(sql`
      INSERT INTO batch_edges (from_batch_id, to_batch_id, kind, quantity, created_at)
      SELECT bench_uuid('b' || (x.i - 1)), bench_uuid('b' || x.i), CASE WHEN x.kind = ${KIND.market} THEN 'market' ELSE 'trade' END, x.q, ${at}
      FROM bench_batches x WHERE x.kind <> ${KIND.farm}`);
    log('edges written');
    await db.execute(sql`
      INSERT INTO trades (kind, seller_subject_id, buyer_subject_id, counterparty, batch_id, quantity, unit, storage, status, buyer_batch_id, created_at, decided_at)
      SELECT CASE WHEN x.kind = ${KIND.market} THEN 'market' ELSE 'scan' END, bench_uuid('s' || s.holder), CASE WHEN x.holder >= 0 THEN bench_uuid('s' || x.holder) END,
             CASE WHEN x.kind = ${KIND.market} THEN ${market} END, bench_uuid('b' || s.i), x.q, 'kg', '常温', 'confirmed', bench_uuid('b' || x.i),
             ${at} - INTERVAL '2 hours', ${at}
      FROM bench_batches x JOIN bench_batches s ON s.i = x.i - 1 JOIN bench_counties k ON k.c = x.c
      WHERE x.kind <> ${KIND.farm}`);
    log('trades written');
  })));
  await db.execute(sql`DROP TABLE bench_batches, bench_counties`);
  log('keys and indexes built, public chains written');

  // VACUUM sets the visibility map and the statistics, as autovacuum would have done in service.
  for (const table of ['subjects', 'subject_certificates', 'products', 'production_bases', 'batches', 'trace_codes', 'batch_edges', 'trades', 'public_chains']) await db.execute(sql.raw(`VACUUM ANALYZE ${table}`));
  log('vacuumed and analysed');
  return { batches: n, chains, code: (i) => codes[i]!, id: (i) => benchUuid(`b${i}`), isVoucher: (i) => kind[i] === KIND.market };
}

/**
 * Runs a bulk load with the tables' keys and indexes dropped, and builds them again after it from the definitions
 * read back from the catalogue (foreign keys last, each checked in one pass): a million random keys inserted into
 * live b-trees, and a foreign-key check per row, would take most of the build time.
 */
async function withKeysRebuiltAfter(database: Database, tables: string[], load: () => Promise<void>) {
  const db = database.db;
  const names = `{${tables.join(',')}}`;
  const foreignKeys = await queryRows<{ name: string; table: string; def: string }>(
    db,
    sql`SELECT conname AS name, conrelid::regclass::text AS table, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND (conrelid::regclass::text = ANY(${names}::text[]) OR confrelid::regclass::text = ANY(${names}::text[]))`,
  );
  const indexes = await queryRows<{ name: string; table: string; def: string; constraint: string | null; kind: string | null }>(
    db,
    sql`SELECT i.indexrelid::regclass::text AS name, t.relname AS table, pg_get_indexdef(i.indexrelid) AS def, c.conname AS constraint, c.contype AS kind
        FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = t.oid AND c.contype IN ('p', 'u')
        WHERE t.relname = ANY(${names}::text[])`,
  );
  for (const fk of foreignKeys) await db.execute(sql.raw(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`));
  for (const ix of indexes) await db.execute(sql.raw(ix.constraint ? `ALTER TABLE ${ix.table} DROP CONSTRAINT ${ix.constraint}` : `DROP INDEX ${ix.name}`));
  await load();
  const rebuild = async (ix: (typeof indexes)[number]) => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(ix.def));
      if (ix.constraint) await tx.execute(sql.raw(`ALTER TABLE ${ix.table} ADD CONSTRAINT ${ix.constraint} ${ix.kind === 'p' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${ix.constraint}`));
    });
  };
  // Two at a time on PostgreSQL (two cores); PGlite has one connection.
  const queue = [...indexes];
  await Promise.all(
    Array.from({ length: database.kind === 'postgres' ? 2 : 1 }, async () => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) await rebuild(ix);
    }),
  );
  for (const fk of foreignKeys) await db.execute(sql.raw(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`));
}
