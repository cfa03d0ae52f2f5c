import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
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
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken })
    .from(sessions)
    .where(and(eq(sessions.idHash, sha256(sessionId)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function destroySession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
}

/** Ends a user's sessions except the one given (after a password change, the device that changed it stays in). */
export async function endOtherSessions(db: Executor, userId: string, keepSessionId: string | undefined): Promise<void> {
  await db
    .delete(sessions)
    .where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.idHash, sha256(keepSessionId))) : eq(sessions.userId, userId));
}

/** Ends every session and app token of a user (disabled, or password reset by an administrator). */
export async function revokeAllCredentials(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function createApiToken(db: Executor, userId: string, name: string, expiresAt: Date | null) {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), prefix: token.slice(0, 10), expiresAt })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt });
  return { token, ...row! };
}

export async function findApiTokenUser(db: Db, token: string): Promise<string | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .returning({ userId: apiTokens.userId });
  return row?.userId;
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
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
