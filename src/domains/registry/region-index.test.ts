import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { queryRows } from '../../platform/db/rows.js';
import { regionRange } from '../../platform/auth/visibility.js';
import { subjects } from './schema.js';

// Issue 20 §2: a county's subject list, filtered by the jurisdiction range, is served by the region index (an Index
// Cond on region_code); `LIKE '370783%'` is not, under the databases' C.UTF-8 collation — the index is then only walked
// for its order and every row filtered. Sequential scans are switched off so the tiny test tables do not hide the plan.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function plan(where: SQL): Promise<string> {
  return t.database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const rows = await queryRows<{ 'QUERY PLAN': string }>(
      tx,
      sql`EXPLAIN SELECT * FROM ${subjects} WHERE ${where} ORDER BY ${subjects.regionCode}, ${subjects.id} LIMIT 21`,
    );
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('a county list uses the region index', () => {
  it('with the range: an Index Cond on region_code over subjects_region', async () => {
    const ranged = await plan(regionRange(subjects.regionCode, '370783'));
    expect(ranged).toMatch(/subjects_region/);
    expect(ranged).toMatch(/Index Cond: .*region_code\)::text >= '370783'::text\) AND \(\(region_code\)::text < '370784'::text/);
  });
  it("with LIKE under C.UTF-8: no Index Cond on region_code (the reason for the range)", async () => {
    const [row] = await queryRows<{ collation: string }>(t.database.db, sql`SELECT datcollate AS collation FROM pg_database WHERE datname = current_database()`);
    const liked = await plan(sql`${subjects.regionCode} LIKE '370783%'`);
    if (row?.collation === 'C') expect(liked).toMatch(/Index Cond/); // the C collation serves LIKE; nothing to show
    else expect(liked).not.toMatch(/Index Cond:[^\n]*region_code/);
  });
});
