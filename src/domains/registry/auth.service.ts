import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { actorRegion, type Actor, type CommandContext, type RequestMeta } from '../../platform/auth/actor.js';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { createApiToken, createSession, destroySession, endOtherSessions, listApiTokens, revokeApiToken } from '../../platform/auth/session.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { actorLoader } from './actor.loader.js';
import type { RegistryDeps } from './deps.js';
import { registryError } from './errors.js';
import { findVisibleAgency, toUserOut } from './queries.js';
import { agencies, subjects, users } from './schema.js';
import { subjectOfAccount } from './subject.service.js';
import { assertStrongPassword } from './user.service.js';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

type Attempt = { kind: 'locked'; until: Date } | { kind: 'counted'; remaining: number } | { kind: 'last'; until: Date };

/**
 * Counts one attempt before the password is checked, in a single UPDATE: parallel guesses take their numbers
 * one after another, so no more than five are ever judged. The fifth already sets the lock (and restarts the
 * count for after it); a right password on that attempt lifts it again.
 */
async function claimAttempt(db: Db, userId: string): Promise<Attempt> {
  const now = new Date();
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const fifth = sql`${users.failedAttempts} + 1 >= ${MAX_FAILED_ATTEMPTS}`;
  const [row] = await db
    .update(users)
    .set({
      failedAttempts: sql`CASE WHEN ${fifth} THEN 0 ELSE ${users.failedAttempts} + 1 END`,
      lockedUntil: sql`CASE WHEN ${fifth} THEN ${until.toISOString()}::timestamptz ELSE NULL END`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
  if (row?.lockedUntil) return { kind: 'last', until: row.lockedUntil };
  if (row) return { kind: 'counted', remaining: MAX_FAILED_ATTEMPTS - row.failedAttempts };
  const [locked] = await db.select({ until: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return { kind: 'locked', until: locked?.until ?? until };
}

function lockedError(until: Date) {
  return registryError('ACCOUNT_LOCKED', { lockedUntil: until.toISOString(), minutes: LOCK_MINUTES });
}

async function recordLock(deps: RegistryDeps, meta: RequestMeta, user: { id: string; agencyId: string | null; subjectId: string | null }): Promise<void> {
  await withTransaction(deps.db, null, async (tx) => {
    const [owner] = user.agencyId
      ? await tx.select({ regionCode: agencies.regionCode }).from(agencies).where(eq(agencies.id, user.agencyId))
      : await tx.select({ regionCode: subjects.regionCode }).from(subjects).where(eq(subjects.id, user.subjectId!));
    await recordAudit(tx, { actor: null, meta }, { action: 'auth.lock', targetType: 'user', targetId: user.id, regionCode: owner?.regionCode ?? '' });
  });
}

/**
 * 登录. Five wrong passwords in a row lock the account for 15 minutes; the error says until when. The attempt
 * is counted (and committed) before the password is verified, so the count holds even for parallel guesses.
 */
export async function login(deps: RegistryDeps, meta: RequestMeta, username: string, password: string) {
  const [user] = await deps.db.select().from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    throw registryError('INVALID_CREDENTIALS');
  }
  const attempt = await claimAttempt(deps.db, user.id);
  if (attempt.kind === 'locked') throw lockedError(attempt.until);
  if (!(await verifyPassword(user.passwordHash, password))) {
    if (attempt.kind === 'last') {
      await recordLock(deps, meta, user);
      throw lockedError(attempt.until);
    }
    throw registryError('INVALID_CREDENTIALS', { remainingAttempts: attempt.remaining });
  }
  const now = new Date();
  // The right password: the attempt just counted (and a lock it set) is forgotten, even if the account is disabled.
  await deps.db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
  if (user.status !== 'active') throw registryError('ACCOUNT_DISABLED');
  const actor = await actorLoader(deps.db)(user.id);
  if (!actor) throw registryError('ACCOUNT_DISABLED'); // the agency itself is disabled
  const session = await withTransaction(deps.db, null, async (tx) => {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    return createSession(tx, user.id, meta.ip, deps.config.sessionTtlHours);
  });
  return { session, actor };
}

export async function logout(deps: RegistryDeps, sessionId: string | undefined): Promise<void> {
  if (sessionId) await destroySession(deps.db, sessionId);
}

export async function me(deps: RegistryDeps, actor: Actor, csrfToken: string | null) {
  const [row] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  const base = { user: toUserOut(deps.pii, row!), permissions: [...actor.permissions].sort(), csrfToken };
  if (actor.kind === 'subject') {
    return { ...base, agency: null, jurisdiction: null, subject: await subjectOfAccount(deps, actor) };
  }
  const agency = await findVisibleAgency(deps.db, actor, actor.agency.id);
  return { ...base, agency: agency!, jurisdiction: actor.jurisdiction, subject: null };
}

/** The holder changes their own password; every other session of theirs ends. */
export async function changePassword(deps: RegistryDeps, ctx: CommandContext, current: string, next: string, keepSession: string | undefined) {
  const actor = ctx.actor!;
  const [row] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(row!.passwordHash, current))) throw registryError('WRONG_CURRENT_PASSWORD');
  assertStrongPassword(next, actor.username);
  if (current === next) throw registryError('WEAK_PASSWORD', { problems: ['SAME_AS_CURRENT'] });
  const passwordHash = await hashPassword(next);
  await withTransaction(deps.db, ctx, async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, actor.userId));
    await endOtherSessions(tx, actor.userId, keepSession);
    await recordAudit(tx, ctx, { action: 'user.change_password', targetType: 'user', targetId: actor.userId, regionCode: actorRegion(actor) });
  });
}

export async function issueToken(deps: RegistryDeps, ctx: CommandContext, name: string, expiresInDays: number | undefined) {
  const actor = ctx.actor!;
  return withTransaction(deps.db, ctx, async (tx) => {
    const created = await createApiToken(tx, actor.userId, name, expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000) : null);
    await recordAudit(tx, ctx, { action: 'token.create', targetType: 'api_token', targetId: created.id, regionCode: actorRegion(actor), after: { name, prefix: created.prefix } });
    return created;
  });
}

export function myTokens(deps: RegistryDeps, actor: Actor) {
  return listApiTokens(deps.db, actor.userId);
}

export async function revokeToken(deps: RegistryDeps, ctx: CommandContext, id: string): Promise<void> {
  const actor = ctx.actor!;
  await withTransaction(deps.db, ctx, async (tx) => {
    if (!(await revokeApiToken(tx, actor.userId, id))) throw registryError('TOKEN_NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'token.revoke', targetType: 'api_token', targetId: id, regionCode: actorRegion(actor) });
  });
}
