import { eq, sql } from 'drizzle-orm';
import type { CommandContext, Role } from '../../../platform/auth/actor.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { clearAttempts } from '../../../platform/auth/login-guard.js';
import { revokeAllCredentials } from '../../../platform/auth/session.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { resolveResetRequests } from './password-reset.service.js';
import type { Tx } from '../../../platform/db/client.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { maskPhone } from '../../../platform/pii/pii.js';
import type { NewUserIn, UserOut } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { registryError } from '../errors.js';
import { passwordProblems } from './password-rules.shared.js';
import { canManageUser, manageableRoles } from '../policies.js';
import { findVisibleAgency, findVisibleUser, toUserOut } from './queries.js';
import { users } from '../schema.js';

export function assertStrongPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw registryError('WEAK_PASSWORD', { problems });
}

function auditView(u: { username: string; displayName: string; role: string; status: string; agencyId: string | null; subjectId?: string | null; phone?: string | null }) {
  return { username: u.username, displayName: u.displayName, role: u.role, status: u.status, agencyId: u.agencyId, subjectId: u.subjectId ?? null, phone: u.phone ? maskPhone(u.phone) : null };
}

/** Inserts an account inside the caller's transaction (used by user creation and by agency allocation). */
export async function insertUser(
  deps: RegistryDeps,
  tx: Tx,
  ctx: CommandContext,
  agency: { id: string; regionCode: string },
  input: { username: string; displayName: string; phone?: string | undefined; password: string; role: Role },
): Promise<UserOut> {
  assertStrongPassword(input.password, input.username);
  const taken = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${input.username.toLowerCase()}`);
  if (taken.length) throw registryError('USERNAME_TAKEN', { username: input.username });
  const passwordHash = await hashPassword(input.password);
  let row: typeof users.$inferSelect;
  try {
    [row] = (await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        phoneEnc: input.phone ? deps.pii.encrypt(input.phone) : null,
        phoneHash: input.phone ? deps.pii.hash(input.phone) : null,
        passwordHash,
        agencyId: agency.id,
        role: input.role,
        mustChangePassword: true,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning()) as [typeof users.$inferSelect];
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw registryError('USERNAME_TAKEN', { username: input.username });
    throw err;
  }
  await recordAudit(tx, ctx, {
    action: 'user.create',
    targetType: 'user',
    targetId: row.id,
    regionCode: agency.regionCode,
    after: auditView({ ...row, phone: input.phone }),
  });
  return toUserOut(deps.pii, row);
}

export async function createUser(deps: RegistryDeps, ctx: CommandContext, agencyId: string, input: NewUserIn): Promise<UserOut> {
  const actor = agencyActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const agency = await findVisibleAgency(tx, actor, agencyId);
    if (!agency) throw registryError('AGENCY_NOT_FOUND');
    const roles = manageableRoles(actor, agency);
    if (roles.length === 0) throw registryError('ACCOUNTS_NOT_MANAGED');
    if (!roles.includes(input.role)) throw registryError('ROLE_NOT_ALLOWED', { allowed: roles });
    return insertUser(deps, tx, ctx, agency, input);
  });
}

async function manageableUser(deps: RegistryDeps, tx: Tx, ctx: CommandContext, userId: string) {
  const actor = agencyActorIn(ctx);
  const found = await findVisibleUser(tx, actor, userId);
  if (!found || !canManageUser(actor, found.agency, found.user.role as Role)) throw registryError('USER_NOT_FOUND');
  // Lock the row so that two administrators changing one account do not interleave.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  return found;
}

export async function updateUser(
  deps: RegistryDeps,
  ctx: CommandContext,
  userId: string,
  patch: { status?: 'active' | 'disabled' | undefined; displayName?: string | undefined; phone?: string | null | undefined },
): Promise<UserOut> {
  return withTransaction(deps.db, ctx, async (tx) => {
    const { user, agency } = await manageableUser(deps, tx, ctx, userId);
    if (patch.status === 'disabled' && userId === ctx.actor!.userId) throw registryError('CANNOT_CHANGE_SELF', { action: 'disable' });
    const beforePhone = user.phoneEnc ? deps.pii.decrypt(user.phoneEnc) : null;
    const values: Partial<typeof users.$inferInsert> = {};
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.displayName !== undefined) values.displayName = patch.displayName;
    if (patch.phone !== undefined) {
      values.phoneEnc = patch.phone ? deps.pii.encrypt(patch.phone) : null;
      values.phoneHash = patch.phone ? deps.pii.hash(patch.phone) : null;
    }
    const [row] = await tx.update(users).set(values).where(eq(users.id, userId)).returning();
    if (patch.status === 'disabled') await revokeAllCredentials(tx, userId);
    await recordAudit(tx, ctx, {
      action: patch.status === 'disabled' ? 'user.disable' : patch.status === 'active' && user.status !== 'active' ? 'user.enable' : 'user.update',
      targetType: 'user',
      targetId: userId,
      regionCode: agency.regionCode,
      before: auditView({ ...user, phone: beforePhone }),
      after: auditView({ ...row!, phone: patch.phone === undefined ? beforePhone : patch.phone }),
    });
    return toUserOut(deps.pii, row!);
  });
}

/** An administrator sets a new password; the holder must change it at next login and loses open sessions. */
export async function resetPassword(deps: RegistryDeps, ctx: CommandContext, userId: string, newPassword: string): Promise<UserOut> {
  return withTransaction(deps.db, ctx, async (tx) => {
    // One's own password is changed with the current one (/auth/password); a reset would let a borrowed
    // session take the account over for good.
    if (userId === ctx.actor!.userId) throw registryError('CANNOT_CHANGE_SELF', { action: 'reset_password' });
    const { user, agency } = await manageableUser(deps, tx, ctx, userId);
    assertStrongPassword(newPassword, user.username);
    const [row] = await tx
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: true, lockedUntil: null, passwordChangedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await revokeAllCredentials(tx, userId);
    // The holder gets in with the new password from anywhere, including an address that was locked out.
    await clearAttempts(tx, user.username);
    const request = await resolveResetRequests(tx, userId, ctx.actor!.userId);
    await recordAudit(tx, ctx, { action: 'user.reset_password', targetType: 'user', targetId: userId, regionCode: agency.regionCode, ...(request ? { after: { resetRequestId: request } } : {}) });
    return toUserOut(deps.pii, row!);
  });
}
