import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyActor, AgencyKind, AgencyLevel } from '../src/platform/auth/actor.js';
import { PREFIX_LENGTH } from '../src/platform/auth/jurisdiction.js';
import type { FieldValues, Visibility } from '../src/platform/auth/visibility.js';
import { queryRows } from '../src/platform/db/rows.js';
import { uploadVisibility } from '../src/platform/files/visibility.js';
import { recallOrderVisibility } from '../src/domains/monitoring/visibility.js';
import { auditVisibility } from '../src/domains/ops/visibility.js';
import { transferJurisdictionVisibility, transferVisibility } from '../src/domains/supervision/visibility.js';
import { batchVisibility } from '../src/domains/trace/visibility.js';
import { rectificationVisibility } from '../src/domains/analytics/monitors/visibility.js';
import { reportDocumentVisibility, reportVisibility } from '../src/domains/analytics/reports/visibility.js';
import { createTestApp, type TestApp } from './harness.js';

// The rules of issue 20 §2's remainder (audit entries, recall orders, transfers, uploads, batches), each read against
// rows of its own table on the database under test (PGlite, or PostgreSQL with TEST_DATABASE_URL): the SQL filter keeps
// exactly the rows the in-memory check allows, and officials of Sichuan get none of Shandong's rows.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function official(kind: AgencyKind, level: AgencyLevel, regionCode: string, agencyId: string): AgencyActor {
  return {
    kind: 'agency',
    userId: randomUUID(),
    username: 'x',
    displayName: 'X',
    role: 'staff',
    permissions: new Set(),
    mustChangePassword: false,
    agency: { id: agencyId, name: 'A', kind, level, regionCode },
    jurisdiction: regionCode.slice(0, PREFIX_LENGTH[level]),
  };
}

const MINISTRY = official('supervision', 'ministry', '', id(1));
const SHANDONG = official('supervision', 'province', '37', id(2));
const WEIFANG_LAW = official('enforcement', 'city', '3707', id(3));
const SHOUGUANG_LAB = official('testing', 'county', '370783', id(4));
const SHOUGUANG_LAW = official('enforcement', 'county', '370783', id(5));
const SICHUAN = official('supervision', 'province', '51', id(6));
const PIDU_LAW = official('enforcement', 'county', '510116', id(7));
const SICHUAN_OFFICIALS = [SICHUAN, PIDU_LAW];
const EVERYONE = [MINISTRY, SHANDONG, WEIFANG_LAW, SHOUGUANG_LAB, SHOUGUANG_LAW, ...SICHUAN_OFFICIALS];

/** Regions at the edges: a province, its city and county, a township, the next sibling codes and the other province. */
const REGIONS = ['37', '3707', '370783', '370783100', '370784', '3708', '38', '51', '510116', '510116001'];

type Row = { id: string; shandong: boolean } & Record<string, string | null | string[]>;

/** Every row of the table with the fields the rule reads, and the ids the SQL filter keeps for this actor. */
async function compare<F extends string>(t: TestApp, rule: Visibility<F>, from: SQL, select: SQL, actor: AgencyActor, fields: F[]) {
  const rows = await queryRows<Row>(t.database.db, sql`SELECT ${select} FROM ${from} ORDER BY 1`);
  const allowed = rows.filter((r) => rule.allows(actor, Object.fromEntries(fields.map((f) => [f, r[f] ?? null])) as FieldValues<F>));
  const kept = await queryRows<{ id: string }>(t.database.db, sql`SELECT ${select} FROM ${from} WHERE ${rule.filter(actor)} ORDER BY 1`);
  return { rows, allowed, kept: kept.map((r) => r.id) };
}

describe('the remaining aggregates’ visibility rules on the database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Rows written straight into the tables (their parents do not matter to who sees them): foreign keys and
    // triggers are off for this one transaction.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      let n = 100;
      for (const [i, region] of REGIONS.entries()) {
        await tx.execute(sql`INSERT INTO batches (code, region_code, product_id, subject_id, source, quantity, unit, stock, self_check, created_by)
          VALUES (${`PROBE${String(i).padStart(6, '0')}`}, ${region}, ${id(8)}, ${id(8)}, 'harvest', 1, 'kg', 1, 'none', ${id(9)})`);
        // Agencies of the row's own province (a Shandong lab and enforcement, Pidu's enforcement) and one of nowhere.
        for (const agencyId of region.startsWith('51') ? [id(7), id(99)] : [id(4), id(5), id(99)]) {
          n++;
          const sample = id(1000 + n);
          const alert = id(2000 + n);
          await tx.execute(sql`INSERT INTO audit_log (stream, at, action, target_type, target_id, region_code, prev_hash, hash)
            VALUES ('00', now(), 'probe', 'probe', ${String(n)}, ${region}, '', '')`);
          await tx.execute(sql`INSERT INTO recall_orders (id, sample_id, alert_id, agency_id, agency_region, kind, instructions, issued_by, issued_by_name)
            VALUES (${id(3000 + n)}, ${sample}, ${alert}, ${agencyId}, ${region}, 'recall', 'probe', ${id(9)}, 'x')`);
          // The county's enforcement is alerted for every third sample, wherever the order came from.
          if (n % 3 === 0) {
            await tx.execute(sql`INSERT INTO monitoring_alerts (id, agency_id, agency_region, sample_id, report_version, title)
              VALUES (${alert}, ${id(5)}, '370783', ${sample}, 1, 'probe')`);
          }
          await tx.execute(sql`INSERT INTO supervision_transfers (id, inspection_id, to_agency_id, from_agency_id, region_code, reason, created_by)
            VALUES (${id(4000 + n)}, ${id(5000 + n)}, ${agencyId}, ${id(2)}, ${region}, 'probe', ${id(9)})`);
          await tx.execute(sql`INSERT INTO files (id, sha256, mime, size, storage_key, purpose, region_code)
            VALUES (${id(6000 + n)}, 'x', 'image/jpeg', 1, 'probe', 'probe', ${region})`);
          // 责令整改 issued from the region's parent to the region (to an agency of it), and the region's reports.
          await tx.execute(sql`INSERT INTO rectification_notices (id, issuer_agency_id, issuer_agency_name, issuer_region, target_kind, target_agency_id, target_name, target_region, monitor, reason, deadline, issued_by)
            VALUES (${id(7000 + n)}, ${id(2)}, 'x', ${region.slice(0, Math.max(2, region.length - 2))}, 'agency', ${agencyId}, 'x', ${region}, 'trace', 'probe', '2099-01-01', ${id(9)})`);
          await tx.execute(sql`INSERT INTO periodic_reports (id, agency_id, agency_name, region_code, kind, period, version, content, status)
            VALUES (${id(8000 + n)}, ${agencyId}, 'x', ${region}, 'monthly', '2026-11', ${n}, '{}'::jsonb, ${['draft', 'submitted', 'acknowledged'][n % 3]!})`);
          await tx.execute(sql`INSERT INTO report_documents (id, agency_id, agency_name, region_code, kind, title, submitted_by, submitter_name)
            VALUES (${id(9000 + n)}, ${agencyId}, 'x', ${region}, 'plan', 'probe', ${id(9)}, 'x')`);
        }
      }
    });
  });
  afterAll(async () => t?.close());

  const cases = [
    { name: 'audit entries', rule: auditVisibility, from: sql`audit_log`, select: sql`id::text AS id, region_code AS "regionCode", left(region_code, 2) = '37' AS shandong`, fields: ['regionCode'] },
    {
      name: 'recall orders',
      rule: recallOrderVisibility,
      from: sql`recall_orders`,
      select: sql`id::text AS id, agency_id::text AS "agencyId", agency_region AS "agencyRegion",
        ARRAY(SELECT a.agency_id::text FROM monitoring_alerts a WHERE a.sample_id = recall_orders.sample_id) AS "alertedAgencyIds", left(agency_region, 2) = '37' AS shandong`,
      fields: ['agencyId', 'agencyRegion', 'alertedAgencyIds'],
    },
    { name: 'transfers', rule: transferVisibility, from: sql`supervision_transfers`, select: sql`id::text AS id, to_agency_id::text AS "toAgencyId", left(region_code, 2) = '37' AS shandong`, fields: ['toAgencyId'] },
    { name: 'transfers in a jurisdiction', rule: transferJurisdictionVisibility, from: sql`supervision_transfers`, select: sql`id::text AS id, region_code AS "regionCode", left(region_code, 2) = '37' AS shandong`, fields: ['regionCode'] },
    { name: 'uploads by region', rule: uploadVisibility, from: sql`files`, select: sql`id::text AS id, region_code AS "regionCode", left(region_code, 2) = '37' AS shandong`, fields: ['regionCode'] },
    { name: 'batches', rule: batchVisibility, from: sql`batches`, select: sql`id::text AS id, region_code AS "regionCode", left(region_code, 2) = '37' AS shandong`, fields: ['regionCode'] },
    {
      name: 'rectification notices',
      rule: rectificationVisibility,
      from: sql`rectification_notices`,
      select: sql`id::text AS id, target_agency_id::text AS "targetAgencyId", target_region AS "targetRegion", issuer_region AS "issuerRegion", left(target_region, 2) = '37' AS shandong`,
      fields: ['targetAgencyId', 'targetRegion', 'issuerRegion'],
    },
    { name: 'periodic reports', rule: reportVisibility, from: sql`periodic_reports`, select: sql`id::text AS id, region_code AS "regionCode", status, left(region_code, 2) = '37' AS shandong`, fields: ['regionCode', 'status'] },
  ] as const;

  it.each(cases)('$name: the filter keeps exactly what the check allows, for every kind and level of official', async ({ rule, from, select, fields }) => {
    for (const actor of EVERYONE) {
      const { rows, allowed, kept } = await compare(t, rule as Visibility<string>, from, select, actor, [...fields]);
      expect(rows.length).toBeGreaterThan(0);
      expect([actor.agency.kind, actor.jurisdiction, kept]).toEqual([actor.agency.kind, actor.jurisdiction, allowed.map((r) => r.id)]);
    }
  });

  it.each(cases)('$name: Sichuan’s officials get none of Shandong’s rows, Shandong’s get some', async ({ rule, from, select, fields }) => {
    for (const actor of SICHUAN_OFFICIALS) {
      const { rows, kept } = await compare(t, rule as Visibility<string>, from, select, actor, [...fields]);
      const shandong = new Set(rows.filter((r) => r.shandong).map((r) => r.id));
      expect(shandong.size).toBeGreaterThan(0);
      expect(kept.filter((x) => shandong.has(x))).toEqual([]);
    }
    const { rows, kept } = await compare(t, rule as Visibility<string>, from, select, SHOUGUANG_LAW, [...fields]);
    const shandong = new Set(rows.filter((r) => r.shandong).map((r) => r.id));
    expect(kept.filter((x) => shandong.has(x)).length).toBeGreaterThan(0);
  });

  it('report documents: the ministry reads every province’s, a province its own', async () => {
    const select = sql`id::text AS id, region_code AS "regionCode", left(region_code, 2) = '37' AS shandong`;
    for (const actor of EVERYONE) {
      const { allowed, kept } = await compare(t, reportDocumentVisibility, sql`report_documents`, select, actor, ['regionCode']);
      expect(kept).toEqual(allowed.map((r) => r.id));
    }
    const sichuan = await compare(t, reportDocumentVisibility, sql`report_documents`, select, SICHUAN, ['regionCode']);
    expect(sichuan.kept.filter((x) => sichuan.rows.find((r) => r.id === x)?.shandong)).toEqual([]);
    const ministry = await compare(t, reportDocumentVisibility, sql`report_documents`, select, MINISTRY, ['regionCode']);
    expect(ministry.kept).toHaveLength(ministry.rows.length);
  });

  it('recall orders: the alerted county enforcement reads another county’s order, the lab of the issuing county does not', async () => {
    const law = await compare(t, recallOrderVisibility, sql`recall_orders`, cases[1].select, SHOUGUANG_LAW, [...cases[1].fields]);
    expect(law.kept.some((x) => law.rows.find((r) => r.id === x)?.agencyRegion === '3708')).toBe(true);
    const lab = await compare(t, recallOrderVisibility, sql`recall_orders`, cases[1].select, SHOUGUANG_LAB, [...cases[1].fields]);
    expect(lab.kept.map((x) => lab.rows.find((r) => r.id === x)?.agencyId)).toEqual(lab.kept.map(() => id(4)));
  });
});
