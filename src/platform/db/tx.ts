import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { CommandContext } from '../auth/actor.js';
import { httpError } from '../http/errors.js';
import { idempotencyKeys } from '../http/schema.js';
import type { Db, Tx } from './client.js';
import { pgErrorCode, queryRows } from './rows.js';

type IdempotencyClaim = NonNullable<CommandContext['meta']['idempotency']>;

/**
 * Refuses a command whose key another request holds: with another body under the same key, or the same request
 * still running (or just done; its retry replays it).
 */
async function refuseIfClaimed(db: Db | Tx, idem: IdempotencyClaim): Promise<void> {
  const [existing] = await db
    .select({ requestHash: idempotencyKeys.requestHash })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key)));
  if (existing) throw existing.requestHash !== idem.requestHash ? httpError('IDEMPOTENCY_KEY_REUSED') : httpError('IDEMPOTENCY_IN_PROGRESS');
}

/**
 * One transaction per command. When the request carries an Idempotency-Key, the key is claimed here, in the
 * same transaction as the write, together with the command's result: a concurrent or later duplicate either waits
 * and then sees the claim, or replays the stored response — it never writes twice. A retry after a crash between
 * the commit and the saved response gets the stored result instead of running the command again, and its route
 * builds the answer from it and the committed rows.
 */
export async function withTransaction<T>(db: Db, ctx: CommandContext | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const idem = ctx?.meta.idempotency;
  if (idem && !idem.claimed && idem.replay !== undefined) {
    idem.claimed = true;
    return decodeResult(idem.replay) as T;
  }
  const result = await db.transaction(async (tx) => {
    const claiming = idem && !idem.claimed;
    if (claiming) {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope: idem.scope, key: idem.key, requestHash: idem.requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        await refuseIfClaimed(tx, idem);
        throw httpError('IDEMPOTENCY_IN_PROGRESS');
      }
    }
    const value = await fn(tx);
    if (claiming) {
      await tx
        .update(idempotencyKeys)
        .set({ result: encodeResult(withoutSecrets(value, idem.secrets)) })
        .where(and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key)));
    }
    return value;
  });
  // Only a committed claim counts: a rolled-back command leaves the key free for a retry.
  if (idem) idem.claimed = true;
  return result;
}

/**
 * A command's result as JSON for the replay storage, dates kept as dates; null when it cannot be (a retry after a
 * crash then waits for the key's window, as before this was stored).
 */
export function encodeResult(value: unknown): unknown {
  try {
    const text = JSON.stringify({ v: value }, function (this: Record<string, unknown>, key, v: unknown) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : v;
    });
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function decodeResult(stored: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] === '$date' && typeof o.$date === 'string') return new Date(o.$date);
      return Object.fromEntries(keys.map((k) => [k, walk(o[k])]));
    }
    return v;
  };
  return walk((stored as { v?: unknown }).v);
}

/** The value without the top-level fields a route declares secret (an API token's secret). */
export function withoutSecrets(value: unknown, secrets: readonly string[] | undefined): unknown {
  if (!secrets?.length || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !secrets.includes(k)));
}

/**
 * A command written as one statement of data-modifying CTEs, for the hot paths (a sale, its confirmation).
 * PostgreSQL runs a lone statement as its own transaction, so it is as all-or-nothing as withTransaction without
 * the round trips of BEGIN and COMMIT, which on such a path are a third of its cost. `statement` puts
 * `claim(done)` after its last CTE, `done` naming the CTE whose rows mean the command was carried out: the
 * Idempotency-Key is inserted from those rows, so a refused command claims nothing, and a duplicate's unique
 * violation undoes the whole statement. Answers the statement's rows; none means the command was refused, and the
 * caller says why — unless a duplicate of it was done meanwhile (its write is what refused this one), which is
 * answered as a duplicate. `rebuild` reads the rows again by the id of `done`'s row, for a retry whose first try
 * committed but never saved its answer.
 */
export async function runCommandStatement<T>(
  db: Db,
  ctx: CommandContext | null,
  statement: (claim: (done: SQL) => SQL) => SQL,
  rebuild: (id: string) => Promise<T[]>,
): Promise<T[]> {
  const idem = ctx?.meta.idempotency;
  if (idem && !idem.claimed && idem.replay !== undefined) {
    idem.claimed = true;
    const id = (decodeResult(idem.replay) as { id?: unknown } | null)?.id;
    if (typeof id === 'string') return rebuild(id);
  }
  // The claim keeps the id of the row `done` wrote, in the same statement, for a retry after a crash (rebuild).
  const claim = (done: SQL) =>
    idem && !idem.claimed
      ? sql`, idempotency_claim AS (INSERT INTO idempotency_keys (scope, key, request_hash, result)
          SELECT ${idem.scope}::text, ${idem.key}::text, ${idem.requestHash}::text, jsonb_build_object('v', jsonb_build_object('id', ${done}.id)) FROM ${done} LIMIT 1)`
      : sql``;
  try {
    const rows = await queryRows<T>(db, statement(claim));
    if (idem && rows.length) idem.claimed = true;
    if (idem && !rows.length) await refuseIfClaimed(db, idem);
    return rows;
  } catch (err) {
    if (idem && pgErrorCode(err) === '23505' && constraintOf(err) === 'idempotency_keys_scope_key_pk') {
      await refuseIfClaimed(db, idem);
      throw httpError('IDEMPOTENCY_IN_PROGRESS');
    }
    throw err;
  }
}

function constraintOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const c = (e as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

/** Serialises writers of one logical stream until the transaction ends (used by the audit hash chain). */
export async function lockStream(tx: Tx, name: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`);
}
