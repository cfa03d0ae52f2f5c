import { eq, sql } from 'drizzle-orm';
import { actorRegion, type Actor, type CommandContext, type RequestMeta } from '../../../platform/auth/actor.js';
import { attemptFailed, attemptSucceeded, claimAttempt, refundLogin, releaseAttempt, throttleLogin } from '../../../platform/auth/login-guard.js';
import { dummyHash, hashPassword, verifyPassword } from '../../../platform/auth/password.js';
import { createApiToken, createSession, destroySession, endOtherCredentials, listApiTokens, revokeApiToken } from '../../../platform/auth/session.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { AuditAction } from '../../../platform/audit/catalog.js';
import type { Tx } from '../../../platform/db/client.js';
import { httpError } from '../../../platform/http/errors.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { actorLoader } from './actor.loader.js';
import type { RegistryDeps } from '../deps.js';
import { registryError } from '../errors.js';
import { findVisibleAgency, toUserOut } from './queries.js';
import { agencies, subjects, users } from '../schema.js';
import { subjectOfAccount } from '../subjects/subject.service.js';
import { assertStrongPassword } from './user.service.js';

type UserRow = typeof users.$inferSelect;

async function regionOfUser(tx: Tx, user: { agencyId: string | null; subjectId: string | null }): Promise<string> {
  const [owner] = user.agencyId
    ? await tx.select({ regionCode: agencies.regionCode }).from(agencies).where(eq(agencies.id, user.agencyId))
    : user.subjectId
      ? await tx.select({ regionCode: subjects.regionCode }).from(subjects).where(eq(subjects.id, user.subjectId))
      : [];
  return owner?.regionCode ?? '';
}

function lockedError(until: Date, minutes: number) {
  return registryError('ACCOUNT_LOCKED', { lockedUntil: until.toISOString(), minutes });
}

/**
 * A wrong password is an audit entry (DESIGN.md §12), and so is the lock it may set. A name that is no account is
 * filed under the name typed, in the national chain; it is written in a transaction of its own, since the request
 * itself fails.
 */
async function recordFailure(deps: RegistryDeps, meta: RequestMeta, username: string, user: UserRow | undefined, action: AuditAction, lock: { lockedUntil: Date; minutes: number } | null) {
  await withTransaction(deps.db, null, async (tx) => {
    const target = user ? { targetType: 'user' as const, targetId: user.id, regionCode: await regionOfUser(tx, user) } : { targetType: 'username' as const, targetId: username.toLowerCase().slice(0, 40), regionCode: '' };
    const ctx = { actor: null, meta };
    await recordAudit(tx, ctx, { action, ...target });
    if (lock) {
      await recordAudit(tx, ctx, { action: 'auth.lock', ...target, after: { lockedUntil: lock.lockedUntil.toISOString(), minutes: lock.minutes } });
      // The administrator's list shows that logins to the account are being locked somewhere.
      if (user) await tx.update(users).set({ lockedUntil: sql`greatest(${users.lockedUntil}, ${lock.lockedUntil.toISOString()}::timestamptz)` }).where(eq(users.id, user.id));
    }
  });
}

/**
 * Judges a password typed for a username from the request's address, under the lockout of that (username,
 * address) pair: counted before it is checked (login-guard.ts), a failure recorded and audited, the fifth in a row
 * answered ACCOUNT_LOCKED. An unknown name is judged against a dummy hash and counted, locked and answered exactly
 * like a known one. A login, a password change and a new app token all pass here, so a wrong current password counts
 * toward the same lock.
 */
async function judgePassword(deps: RegistryDeps, meta: RequestMeta, username: string, user: UserRow | undefined, password: string, failedAction: AuditAction): Promise<boolean> {
  const claim = await claimAttempt(deps.db, username, meta.ip);
  if (claim.kind === 'locked') throw lockedError(claim.until, Math.max(1, Math.ceil((claim.until.getTime() - Date.now()) / 60_000)));
  if (claim.kind === 'busy') throw httpError('SERVER_BUSY');
  let right: boolean;
  try {
    right = (await verifyPassword(user?.passwordHash ?? (await dummyHash()), password)) && user !== undefined;
  } catch (err) {
    await releaseAttempt(deps.db, username, meta.ip);
    throw err;
  }
  if (right) return true;
  const lock = await attemptFailed(deps.db, username, meta.ip);
  await recordFailure(deps, meta, username, user, failedAction, lock);
  if (lock) throw lockedError(lock.lockedUntil, lock.minutes);
  return false;
}

/**
 * 登录. Limited per address and for everyone (login-guard.ts), then judged under the (username, address) lockout.
 * Every answer to a wrong password is the same INVALID_CREDENTIALS, whether the name exists or not.
 */
export async function login(deps: RegistryDeps, meta: RequestMeta, username: string, password: string) {
  const throttle = await throttleLogin(deps.db, meta.ip, { perAddress: deps.config.loginRateLimit, global: deps.config.loginGlobalRateLimit });
  if (!throttle.ok) throw registryError('TOO_MANY_LOGINS', { retryAfterSeconds: throttle.retryAfterSeconds });
  const [user] = await deps.db.select().from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  if (!(await judgePassword(deps, meta, username, user, password, 'auth.login_failed'))) throw registryError('INVALID_CREDENTIALS');
  const found = user!;
  await attemptSucceeded(deps.db, username, meta.ip);
  await refundLogin(deps.db, meta.ip, throttle.windowStart);
  if (found.status !== 'active') throw registryError('ACCOUNT_DISABLED');
  const actor = await actorLoader(deps.db, deps.grants)(found.id);
  if (!actor) throw registryError('ACCOUNT_DISABLED'); // the agency itself is disabled
  const session = await withTransaction(deps.db, null, async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date(), lockedUntil: null }).where(eq(users.id, found.id));
    const created = await createSession(tx, found.id, meta.ip, deps.config.sessionTtlHours);
    await recordAudit(tx, { actor, meta }, { action: 'auth.login', targetType: 'user', targetId: found.id, regionCode: actorRegion(actor) });
    return created;
  });
  return { session, actor };
}

/** Ends this session; a live stream opened with it closes too. */
export async function logout(deps: RegistryDeps, sessionId: string | undefined, userId: string): Promise<void> {
  if (sessionId) await destroySession(deps.db, sessionId, userId);
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

/** The holder changes their own password; every other session of theirs ends, and every app token. */
export async function changePassword(deps: RegistryDeps, ctx: CommandContext, current: string, next: string, keepSession: string | undefined) {
  const actor = ctx.actor!;
  const [row] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await judgePassword(deps, ctx.meta, actor.username, row, current, 'auth.password_check_failed'))) throw registryError('WRONG_CURRENT_PASSWORD');
  await attemptSucceeded(deps.db, actor.username, ctx.meta.ip);
  assertStrongPassword(next, actor.username);
  if (current === next) throw registryError('WEAK_PASSWORD', { problems: ['SAME_AS_CURRENT'] });
  const passwordHash = await hashPassword(next);
  await withTransaction(deps.db, ctx, async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, actor.userId));
    // DESIGN.md §12: the other sessions end, and every app token.
    await endOtherCredentials(tx, actor.userId, keepSession);
    await recordAudit(tx, ctx, { action: 'user.change_password', targetType: 'user', targetId: actor.userId, regionCode: actorRegion(actor) });
  });
}

/**
 * A new app token: only with the password typed again (a borrowed session must not mint a credential that outlives
 * it), and never for longer than TOKEN_MAX_TTL_DAYS (TOKEN_TTL_DAYS when no lifetime is asked for).
 */
export async function issueToken(deps: RegistryDeps, ctx: CommandContext, input: { name: string; password: string; expiresInDays?: number | undefined }) {
  const actor = ctx.actor!;
  const days = input.expiresInDays ?? deps.config.tokenTtlDays;
  if (days > deps.config.tokenMaxTtlDays) throw registryError('TOKEN_LIFETIME_TOO_LONG', { maxDays: deps.config.tokenMaxTtlDays });
  const [row] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await judgePassword(deps, ctx.meta, actor.username, row, input.password, 'auth.password_check_failed'))) throw registryError('WRONG_CURRENT_PASSWORD');
  await attemptSucceeded(deps.db, actor.username, ctx.meta.ip);
  return withTransaction(deps.db, ctx, async (tx) => {
    const created = await createApiToken(tx, actor.userId, input.name, new Date(Date.now() + days * 86400_000));
    await recordAudit(tx, ctx, { action: 'token.create', targetType: 'api_token', targetId: created.id, regionCode: actorRegion(actor), after: { name: input.name, prefix: created.prefix, days } });
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
