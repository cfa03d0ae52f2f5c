import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { ClientActor } from '../../platform/auth/actor.js';
import type { ClientVerifier } from '../../platform/auth/authenticate.js';
import { assertFresh, assertSigned, SIGNATURE_WINDOW_SECONDS, signatureError, stringToSign } from '../../platform/auth/signature.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/rows.js';
import type { Logger } from '../../platform/logger.js';
import type { Pii } from '../../platform/pii/pii.js';
import type { Grants } from '../../platform/auth/permissions.js';
import { isLive } from './keys.js';
import { integrationCalls, integrationClients, integrationKeys, integrationNonces } from './schema.js';

/** How long a nonce is remembered past the request's own time: the window, and a minute for clocks. */
const NONCE_KEEP_MS = (SIGNATURE_WINDOW_SECONDS + 60) * 1000;

export type KeyStore = ClientVerifier & {
  /** Resolves once the calls logged so far are written (the client page reads its log after them). */
  settled(): Promise<void>;
};

/**
 * The key store behind signed requests. Order of the checks: the key must exist (else SIGNATURE_INVALID, as for a
 * wrong signature: nothing tells a prober which key ids exist), the timestamp must be fresh, the signature right —
 * only then is the key's state told (KEY_REVOKED) — and last the nonce is claimed, by an INSERT that a second use
 * of it, even a concurrent one on another server, cannot repeat.
 */
export function createKeyStore(db: Db, pii: Pii, log: Logger, grants: Grants): KeyStore {
  const pending = new Set<Promise<unknown>>();

  const verify: ClientVerifier['verify'] = async (signed, found) => {
    const [row] = await db
      .select({ key: integrationKeys, client: integrationClients })
      .from(integrationKeys)
      .innerJoin(integrationClients, eq(integrationClients.id, integrationKeys.clientId))
      .where(eq(integrationKeys.id, signed.keyId));
    if (!row) throw signatureError('SIGNATURE_INVALID');
    found({ clientId: row.client.id, keyId: row.key.id });
    assertFresh(signed.timestamp);
    assertSigned(pii.decrypt(row.key.secret), stringToSign(signed.method, signed.url, signed.timestamp, signed.nonce, signed.bodySha256), signed.signature);
    if (!isLive(row.key) || row.client.status !== 'active') throw signatureError('KEY_REVOKED', { keyId: row.key.id });
    const claimed = await db
      .insert(integrationNonces)
      .values({ keyId: row.key.id, nonce: signed.nonce, expiresAt: new Date(Math.max(Date.now(), signed.timestamp * 1000) + NONCE_KEEP_MS) })
      .onConflictDoNothing()
      .returning({ nonce: integrationNonces.nonce });
    if (claimed.length === 0) throw signatureError('NONCE_REUSED');
    const c = row.client;
    const offered = grants.ofClient(c.kind);
    const actor: ClientActor = {
      kind: 'client',
      userId: c.id,
      // The audit log shows the client by its name (the console shows no raw prefix); actor_id tells it is no account.
      username: c.name,
      displayName: c.name,
      client: { id: c.id, kind: c.kind, name: c.name, regionCode: c.regionCode },
      regions: c.regions,
      // The scope's operations, as far as the domains still grant them to the kind.
      permissions: new Set(c.operations.filter((op) => (offered as ReadonlySet<string>).has(op))),
      keyId: row.key.id,
    };
    return actor;
  };

  const recordCall: ClientVerifier['recordCall'] = (call) => {
    const write = (async () => {
      await db.insert(integrationCalls).values({ clientId: call.clientId, keyId: call.keyId, method: call.method, path: call.path, status: call.status, code: call.code, requestId: call.requestId });
      if (call.status < 400) {
        // Last use to the minute: one UPDATE a minute per key, not one per call.
        await db
          .update(integrationKeys)
          .set({ lastUsedAt: new Date() })
          .where(and(eq(integrationKeys.id, call.keyId), or(isNull(integrationKeys.lastUsedAt), lt(integrationKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
      }
    })().catch((err: unknown) => log.error({ err }, 'logging a client call failed'));
    pending.add(write);
    void write.finally(() => pending.delete(write));
  };

  return {
    verify,
    recordCall,
    async settled() {
      await Promise.all([...pending]);
    },
  };
}

/** Forgets expired nonces and calls older than 30 days (the `integration.purge` job). */
export async function purgeIntegration(db: Db): Promise<{ nonces: number; calls: number }> {
  const count = async (statement: ReturnType<typeof sql>) => Number((await queryRows<{ n: number | string }>(db, sql`WITH gone AS (${statement} RETURNING 1) SELECT count(*) AS n FROM gone`))[0]?.n ?? 0);
  return {
    nonces: await count(sql`DELETE FROM integration_nonces WHERE expires_at < now()`),
    calls: await count(sql`DELETE FROM integration_calls WHERE at < now() - interval '30 days'`),
  };
}
