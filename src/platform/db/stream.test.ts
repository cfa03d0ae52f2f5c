import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { pgErrorCode, queryRows } from './rows.js';
import { forEachRow } from './stream.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const numbers = sql`SELECT n, n::text AS label FROM generate_series(1, 5000) n`;
const stillAnswers = async () => expect(await queryRows(t.database.db, sql`SELECT 2 AS n`)).toEqual([{ n: 2 }]);

describe('forEachRow', () => {
  it('hands over every row, in the order the server sends them, inside a transaction too', async () => {
    const seen: number[] = [];
    await forEachRow<{ n: number; label: string }>(t.database.db, numbers, (r) => {
      seen.push(r.label === String(r.n) ? r.n : -1);
    });
    expect(seen).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    await t.database.db.transaction(async (tx) => {
      const inTx: unknown[] = [];
      await forEachRow(tx, sql`SELECT 1 AS n`, (r) => {
        inTx.push(r);
      });
      expect(inTx).toEqual([{ n: 1 }]);
    });
  });

  it('stops where the row work says so', async () => {
    const seen: number[] = [];
    await forEachRow<{ n: number }>(t.database.db, numbers, (r) => {
      seen.push(r.n);
      if (r.n === 3) return false;
    });
    expect(seen).toEqual([1, 2, 3]);
    await stillAnswers();
  });

  it('ends with the error of the row work or of the server, and the database still answers', async () => {
    let calls = 0;
    const failing = forEachRow(t.database.db, numbers, () => {
      if (++calls === 3) throw new Error('row 3 refused');
    });
    await expect(failing).rejects.toThrow('row 3 refused');
    expect(calls).toBe(3);
    await stillAnswers();
    const serverError = await forEachRow(t.database.db, sql`SELECT 1 / (n - 3) FROM generate_series(1, 5) n`, () => {}).catch((err: unknown) => err);
    expect(pgErrorCode(serverError)).toBe('22012');
    await stillAnswers();
  });
});
