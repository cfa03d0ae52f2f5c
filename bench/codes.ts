import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { codeKey, issueCodes } from '../src/domains/trace/codes/code-issue.service.js';
import { openPostgres } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { adminQuery, withDatabase } from '../test/template.js';

/**
 * Issuing codes for a print run (DESIGN.md §8): 1,000,000 codes of one county issued through the service
 * (counter range, keyed permutation, array inserts, one transaction) into a fresh PostgreSQL database, against a
 * plain `COPY` of the same rows into a table of the same shape in the same run. Budget: ≥ 0.5× the COPY rate.
 */
const N = Number(process.env.BENCH_CODES ?? 1_000_000);
const BUDGET = { min_ratio_to_copy: 0.5 };
const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tn_bench_codes_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(path.join(tmpdir(), 'tn-bench-codes-'));

await adminQuery(url, `CREATE DATABASE ${name}`);
try {
  const database = await openPostgres(withDatabase(url, name), 2);
  try {
    await migrate(database);
    const key = codeKey('bench-secret-key-bench-secret-key-0123456789');

    let started = performance.now();
    const codes = await database.db.transaction((tx) => issueCodes(tx, key, { type: 1, county: '370783', n: N }));
    const issue_ms = Math.round(performance.now() - started);

    await database.db.execute(sql`CREATE TABLE trace_codes_copy (LIKE trace_codes INCLUDING ALL)`);
    const file = path.join(dir, 'codes.csv');
    writeFileSync(file, codes.map((c, i) => `${c},1,370783,37,${i}`).join('\n'));
    started = performance.now();
    const copy = spawnSync('psql', [withDatabase(url, name), '-qc', `\\copy trace_codes_copy (code, type, county, province, counter) FROM '${file}' CSV`], { encoding: 'utf8' });
    const copy_ms = Math.round(performance.now() - started);
    if (copy.status !== 0) throw new Error(`COPY failed: ${copy.stderr}`);

    const codes_per_s = Math.round((N / issue_ms) * 1000);
    const copy_rows_per_s = Math.round((N / copy_ms) * 1000);
    const ratio = Math.round((codes_per_s / copy_rows_per_s) * 100) / 100;
    console.log(`${N} codes issued in ${issue_ms} ms (${codes_per_s}/s); COPY of the same rows ${copy_ms} ms (${copy_rows_per_s}/s) → ${ratio}×`);
    console.log(JSON.stringify({ bench: 'codes', codes: N, issue_ms, codes_per_s, copy_ms, copy_rows_per_s, ratio, budget: BUDGET, pass: ratio >= BUDGET.min_ratio_to_copy }));
  } finally {
    await database.close();
  }
} finally {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
  rmSync(dir, { recursive: true, force: true });
}
