import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { codeKey, issueCodes } from './code-issue.service.js';
import { describeCode, safeCodes } from './codes.js';
import { serialPermutation } from './serial-permutation.js';

// Issuing codes (赋码) on the real database: ranges of counters, no duplicates, even when runs race.

let t: TestApp;
const key = codeKey('test-secret-for-code-issue-0123456789');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('issueCodes', () => {
  it('issues valid codes of the county, each stored once with its counter', async () => {
    const codes = await t.database.db.transaction((tx) => issueCodes(tx, key, { type: 1, county: '370783', n: 1000 }));
    expect(new Set(codes).size).toBe(1000);
    for (const c of codes.slice(0, 50)) expect(describeCode(c)).toMatchObject({ kind: 'product', type: 1, county: '370783' });
    const [row] = await queryRows<{ n: number; counters: number; max: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT counter)::int AS counters, max(counter) AS max FROM trace_codes WHERE county = '370783' AND type = 1`,
    );
    // Counters whose code a transposition could turn into another valid code are skipped (about a third).
    expect(row!.n).toBe(1000);
    expect(row!.counters).toBe(1000);
    expect(row!.max).toBeGreaterThan(1200);
    expect(row!.max).toBeLessThan(1700);
  });

  it('gives concurrent print runs disjoint counters, and a rolled-back run leaves no codes behind', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => t.database.db.transaction((tx) => issueCodes(tx, key, { type: 2, county: '510117', n: 500 }))));
    expect(new Set(runs.flat()).size).toBe(2000);
    await expect(
      t.database.db.transaction(async (tx) => {
        await issueCodes(tx, key, { type: 2, county: '510117', n: 100 });
        throw new Error('print run failed half-way');
      }),
    ).rejects.toThrow('half-way');
    const [row] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM trace_codes WHERE county = '510117'`);
    expect(row!.n).toBe(2000);
  });

  it('issues a run longer than one insert chunk whole, and a clash in a later chunk fails it with nothing left', async () => {
    const n = 120_001;
    const codes = await t.database.db.transaction((tx) => issueCodes(tx, key, { type: 1, county: '420111', n }));
    expect(new Set(codes).size).toBe(n);
    const [row] = await queryRows<{ n: number; counters: number; next: number; max: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT counter)::int AS counters, max(counter) AS max,
                 (SELECT next FROM code_counters WHERE type = 1 AND county = '420111') AS next
          FROM trace_codes WHERE county = '420111' AND type = 1`,
    );
    expect(row).toMatchObject({ n, counters: n });
    expect(Number(row!.next)).toBeGreaterThan(Number(row!.max));

    // The code the next run would issue 70,000th (its second chunk) already exists: the run must fail, not half-land.
    const next = Number(row!.next);
    const ahead = safeCodes(serialPermutation(key, '1|420111'), 1, '420111', Array.from({ length: 100_000 }, (_, i) => next + i));
    await t.database.db.execute(sql`INSERT INTO trace_codes (code, type, county, province, counter) VALUES (${ahead[70_000]!.code}, 1, '000000', '00', 0)`);
    await expect(t.database.db.transaction((tx) => issueCodes(tx, key, { type: 1, county: '420111', n: 80_000 }))).rejects.toThrow();
    const [after] = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM trace_codes WHERE county = '420111'`);
    expect(after!.n).toBe(n);
  });
});
