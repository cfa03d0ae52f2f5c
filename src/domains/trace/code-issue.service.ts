import { hkdfSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import { productCode, type ProductCodeType } from './codes.js';
import { serialPermutation, type SerialPermutation } from './serial-permutation.js';

/** The permutation key of the product codes, derived from SECRET_KEY (so every server of a cluster agrees). */
export function codeKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'tracenet', 'trace-code-serial', 32));
}

const permutations = new Map<string, SerialPermutation>();
function permutationOf(key: Buffer, type: ProductCodeType, county: string): SerialPermutation {
  const id = `${key.toString('hex')}|${type}|${county}`;
  let p = permutations.get(id);
  if (!p) permutations.set(id, (p = serialPermutation(key, `${type}|${county}`)));
  return p;
}

/** Reserves `n` counters of a type in a county; concurrent runs get disjoint ranges (one row lock). */
export async function reserveCounters(db: Executor, type: ProductCodeType, county: string, n: number): Promise<number> {
  const [row] = await queryRows<{ next: number }>(
    db,
    sql`INSERT INTO code_counters (type, county, next) VALUES (${type}, ${county}, ${n})
        ON CONFLICT (type, county) DO UPDATE SET next = code_counters.next + EXCLUDED.next RETURNING next`,
  );
  return Number(row!.next) - n;
}

/** One array parameter in PostgreSQL's text form (digits only here, so nothing needs quoting). */
const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/** Rows per INSERT … SELECT unnest(…): arrays are one parameter each, so chunks only bound memory. */
const CHUNK = 100_000;

/**
 * 赋码: issues `n` codes of a type for a subject of a county, inside the caller's transaction — a range of
 * counters, their serials through the county's permutation in one batch, and one array insert per chunk.
 */
export async function issueCodes(db: Executor, key: Buffer, input: { type: ProductCodeType; county: string; n: number; subjectId?: string | null; batchId?: string | null }): Promise<string[]> {
  const first = await reserveCounters(db, input.type, input.county, input.n);
  const counters = Array.from({ length: input.n }, (_, i) => first + i);
  const serials = permutationOf(key, input.type, input.county).encryptMany(counters);
  const codes = serials.map((s) => productCode(input.type, input.county, s));
  for (let i = 0; i < codes.length; i += CHUNK) {
    const part = codes.slice(i, i + CHUNK);
    await db.execute(sql`
      INSERT INTO trace_codes (code, type, county, province, counter, subject_id, batch_id)
      SELECT c, ${input.type}, ${input.county}, ${input.county.slice(0, 2)}, n, ${input.subjectId ?? null}::uuid, ${input.batchId ?? null}::uuid
      FROM unnest(${pgArray(part)}::text[], ${pgArray(counters.slice(i, i + CHUNK))}::bigint[]) AS t(c, n)`);
  }
  return codes;
}
