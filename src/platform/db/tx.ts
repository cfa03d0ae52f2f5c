import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../auth/actor.js';
import { httpError } from '../http/errors.js';
import { idempotencyKeys } from '../http/schema.js';
import type { Db, Tx } from './client.js';

/**
 * One transaction per command. When the request carries an Idempotency-Key, the key is claimed here, in the
 * same transaction as the write: a concurrent or later duplicate either waits and then sees the claim, or
 * replays the stored response — it never writes twice.
 */
export async function withTransaction<T>(db: Db, ctx: CommandContext | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const idem = ctx?.meta.idempotency;
  const result = await db.transaction(async (tx) => {
    if (idem && !idem.claimed) {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope: idem.scope, key: idem.key, requestHash: idem.requestHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [existing] = await tx
          .select({ requestHash: idempotencyKeys.requestHash })
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key)));
        throw existing && existing.requestHash !== idem.requestHash
          ? httpError('IDEMPOTENCY_KEY_REUSED')
          : httpError('IDEMPOTENCY_IN_PROGRESS');
      }
    }
    return fn(tx);
  });
  // Only a committed claim counts: a rolled-back command leaves the key free for a retry.
  if (idem) idem.claimed = true;
  return result;
}

/** Serialises writers of one logical stream until the transaction ends (used by the audit hash chain). */
export async function lockStream(tx: Tx, name: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`);
}
