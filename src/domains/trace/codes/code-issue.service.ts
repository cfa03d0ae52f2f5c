import { hkdfSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { safeCodes, type ProductCodeType } from './codes.js';
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

/**
 * One code of a type in a county, its counter reserved in the caller's transaction but the code not yet written: for
 * a command that writes it with its batch in one statement (receivedBatchCtes). As issueCodes reserves for one code,
 * a few counters at a time, since about one in four gives no transposition-safe code.
 */
export async function reserveCode(db: Executor, key: Buffer, type: ProductCodeType, county: string): Promise<{ code: string; counter: number }> {
  for (;;) {
    const first = await reserveCounters(db, type, county, 4);
    const [found] = safeCodes(permutationOf(key, type, county), type, county, [first, first + 1, first + 2, first + 3]);
    if (found) return found;
  }
}

/** Counters one server reserves at a time for codes issued one by one on a hot path (see nextCode). */
const BLOCK = 64;
type CodeBlock = { ready: { code: string; counter: number }[]; refill?: Promise<void> };
const blocksOf = new WeakMap<object, Map<string, CodeBlock>>();

/**
 * The next code of a type in a county, for a command that writes it in its own statement (a confirmation): its
 * counter comes from a block this server reserved ahead, so the command needs no round trip for it. Counters of a
 * block a server never uses (it stopped, a command was refused) are gaps, never duplicates; the serial hides them.
 * Call it on the database, never inside a transaction (on PGlite the transaction holds the only connection).
 */
export async function nextCode(db: Db, key: Buffer, type: ProductCodeType, county: string): Promise<{ code: string; counter: number }> {
  let blocks = blocksOf.get(db);
  if (!blocks) blocksOf.set(db, (blocks = new Map()));
  const id = `${type}|${county}`;
  let block = blocks.get(id);
  if (!block) blocks.set(id, (block = { ready: [] }));
  for (;;) {
    const next = block.ready.shift();
    if (next) return next;
    const b = block;
    b.refill ??= reserveCounters(db, type, county, BLOCK)
      .then((first) => {
        b.ready.push(...safeCodes(permutationOf(key, type, county), type, county, Array.from({ length: BLOCK }, (_, i) => first + i)));
      })
      .finally(() => {
        b.refill = undefined;
      });
    await b.refill;
  }
}

/** One array parameter in PostgreSQL's text form (digits only here, so nothing needs quoting). */
const pgArray = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

/**
 * Codes per INSERT … SELECT unnest(…). Arrays are one parameter each; the chunk is small enough that working out
 * the next one overlaps most of the database's time on this one (see issueCodes), and large enough to keep
 * statements few.
 */
const CHUNK = 50_000;

/** Lets the driver put a query on the wire before the thread goes back to CPU work. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * 赋码: issues `n` codes of a type for a subject of a county, inside the caller's transaction — a range of
 * counters, their serials through the county's permutation, the transposition-safe ones kept, and one array
 * insert per chunk. The next chunk's serials are worked out while the database inserts the last one, so a print
 * run costs little more than its inserts (on PostgreSQL; PGlite shares our thread and simply runs them in turn).
 */
export async function issueCodes(db: Executor, key: Buffer, input: { type: ProductCodeType; county: string; n: number; subjectId?: string | null; batchId?: string | null }): Promise<string[]> {
  const permutation = permutationOf(key, input.type, input.county);
  const codes: string[] = [];
  let spare: { first: number; count: number } = { first: 0, count: 0 };
  let inserting: Promise<unknown> | undefined;
  while (codes.length < input.n) {
    const want = Math.min(CHUNK, input.n - codes.length);
    if (spare.count === 0) {
      // About three counters in four give a transposition-safe code (codes.ts): reserve for the whole run at once.
      const rest = input.n - codes.length;
      const m = rest + Math.ceil(rest * 0.4) + 2;
      spare = { first: await reserveCounters(db, input.type, input.county, m), count: m };
    }
    const take = Math.min(spare.count, want + Math.ceil(want * 0.4) + 2);
    const counters = Array.from({ length: take }, (_, i) => spare.first + i);
    const part = safeCodes(permutation, input.type, input.county, counters).slice(0, want);
    // Counters past the last one kept go back to the spare range, so none is skipped for nothing.
    const used = part.length === want ? part[part.length - 1]!.counter - spare.first + 1 : take;
    spare = { first: spare.first + used, count: spare.count - used };
    await inserting;
    inserting = insertCodes(db, input, part);
    // Without a handler a failure while we compute the next chunk would be an unhandled rejection.
    inserting.catch(() => undefined);
    await yieldToIo();
    for (const c of part) codes.push(c.code);
  }
  await inserting;
  return codes;
}

// Async so the caller holds a real promise: drizzle's query is a thenable that runs again on every `then`.
async function insertCodes(db: Executor, input: { type: ProductCodeType; county: string; subjectId?: string | null; batchId?: string | null }, part: { code: string; counter: number }[]) {
  await db.execute(sql`
    INSERT INTO trace_codes (code, type, county, province, counter, subject_id, batch_id)
    SELECT c, ${input.type}, ${input.county}, ${input.county.slice(0, 2)}, n, ${input.subjectId ?? null}::uuid, ${input.batchId ?? null}::uuid
    FROM unnest(${pgArray(part.map((c) => c.code))}::text[], ${pgArray(part.map((c) => c.counter))}::bigint[]) AS t(c, n)`);
}

/**
 * 产品临时码: the type-5 code a sampler's product without a code gets, in the county it was sampled in, recorded in
 * trace_codes like every issued code (so a look-up knows it was issued) and bound to no batch.
 */
export async function issueTemporaryProductCode(db: Executor, secretKey: string, county: string): Promise<string> {
  const [code] = await issueCodes(db, codeKey(secretKey), { type: 5, county, n: 1 });
  return code!;
}
