import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { publishNotice } from '../notify/notifier.js';
import { apiTokens, sessions } from './schema.js';

export const SESSION_COOKIE = 'tn_session';
export const CSRF_HEADER = 'x-csrf-token';
const TOKEN_PREFIX = 'tn_';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createSession(db: Executor, userId: string, ip: string, ttlHours: number) {
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ idHash: sha256(sessionId), userId, csrfToken, expiresAt, ip });
  return { sessionId, csrfToken, expiresAt };
}

export async function findSession(db: Db, sessionId: string) {
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.idHash, sha256(sessionId)), gt(sessions.expiresAt, new Date())));
  return row;
}

/**
 * A credential's key: the SHA-256 of the session id or of the bearer token, as stored. Open streams remember it, so
 * that a revocation can name which of a user's streams end.
 */
export type Credential = { userId: string; kind: 'session' | 'token'; hash: string };

/**
 * Tells every server that credentials of a user ended, in the revoking transaction: `id` is the one credential's
 * hash, `*` for all of them, or `except:<hash>` for all but one. Live streams opened with them close at once.
 */
export const REVOKED_NOTICE = 'credentials.revoked';
export const revocationTopic = (userId: string) => `user:${userId}`;

async function announceRevocation(db: Executor, userId: string, which: string): Promise<void> {
  await publishNotice(db, { topic: revocationTopic(userId), type: REVOKED_NOTICE, id: which });
}

/** Whether a revocation notice's `id` covers a credential. */
export function revocationCovers(which: string, credentialHash: string): boolean {
  if (which === '*') return true;
  if (which.startsWith('except:')) return which.slice(7) !== credentialHash;
  return which === credentialHash;
}

export async function destroySession(db: Executor, sessionId: string, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
  await announceRevocation(db, userId, sha256(sessionId));
}

/**
 * After the holder changes the password: every other session ends, and every app token (one minted by whoever
 * took the old password must not outlive it); the device that changed it stays in.
 */
export async function endOtherCredentials(db: Executor, userId: string, keepSessionId: string | undefined): Promise<void> {
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.idHash, sha256(keepSessionId))) : eq(sessions.userId, userId));
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  await announceRevocation(db, userId, keepSessionId ? `except:${sha256(keepSessionId)}` : '*');
}

/** Ends every session and app token of a user (disabled, or password reset by an administrator). */
export async function revokeAllCredentials(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  await announceRevocation(db, userId, '*');
}

/** Whether a credential still holds (not ended, revoked or expired): a long-lived stream asks before each event. */
export async function credentialHolds(db: Db, credential: Credential): Promise<boolean> {
  const rows =
    credential.kind === 'session'
      ? await db
          .select({ userId: sessions.userId })
          .from(sessions)
          .where(and(eq(sessions.idHash, credential.hash), eq(sessions.userId, credential.userId), gt(sessions.expiresAt, sql`now()`)))
      : await db
          .select({ userId: apiTokens.userId })
          .from(apiTokens)
          .where(and(eq(apiTokens.tokenHash, credential.hash), eq(apiTokens.userId, credential.userId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)));
  return rows.length > 0;
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function createApiToken(db: Executor, userId: string, name: string, expiresAt: Date) {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), prefix: token.slice(0, 10), expiresAt })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt });
  return { token, ...row! };
}

export async function findApiTokenUser(db: Db, token: string): Promise<{ userId: string; expiresAt: Date } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)))
    .returning({ userId: apiTokens.userId, expiresAt: apiTokens.expiresAt });
  return row;
}

export async function listApiTokens(db: Executor, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(apiTokens.createdAt)
    .limit(100);
}

export async function revokeApiToken(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, hash: apiTokens.tokenHash });
  if (rows[0]) await announceRevocation(db, userId, rows[0].hash);
  return rows.length > 0;
}
