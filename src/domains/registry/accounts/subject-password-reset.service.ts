import { and, asc, eq, ne } from 'drizzle-orm';
import type { AgencyActor, CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { clearAttempts } from '../../../platform/auth/login-guard.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { revokeAllCredentials } from '../../../platform/auth/session.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import type { UserOut } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { registryError } from '../errors.js';
import { resolveResetRequests } from './password-reset.service.js';
import { toUserOut } from './queries.js';
import { passwordResetRequests, subjects, users } from '../schema.js';
import { subjectError } from '../subjects/subject.errors.js';
import { assertStrongPassword } from './user.service.js';
import { subjectVisibility } from '../visibility.js';

// 忘记密码 of a producer's or trader's accounts (issue 15 §7): a staff account's request reaches its own subject's
// main account, which resets the staff password on 员工账号; the main account's own request reaches the county
// supervision agency that approves the subject's registrations (注册审核), as the main account was opened by it.

/** A subject account as the reset needs it: which subject, which number, where. */
async function subjectAccount(db: Db, userId: string) {
  const [row] = await db
    .select({ user: users, subjectId: subjects.id, subjectName: subjects.name, regionCode: subjects.regionCode, department: subjects.department })
    .from(users)
    .innerJoin(subjects, eq(users.subjectId, subjects.id))
    .where(eq(users.id, userId));
  return row;
}

/** Requests waiting for me: my subject's staff (main account), or the main accounts of my county's subjects. */
export async function listSubjectResetRequests(db: Db, actor: SubjectActor | AgencyActor) {
  const whose =
    actor.kind === 'subject'
      ? and(eq(users.subjectId, actor.subject.id), ne(users.accountNo, 1), ne(users.id, actor.userId))
      : and(eq(users.accountNo, 1), subjectVisibility.filter(actor));
  const items = await db
    .select({
      id: passwordResetRequests.id,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      subjectId: subjects.id,
      subjectName: subjects.name,
      requestedAt: passwordResetRequests.requestedAt,
    })
    .from(passwordResetRequests)
    .innerJoin(users, eq(passwordResetRequests.userId, users.id))
    .innerJoin(subjects, eq(users.subjectId, subjects.id))
    .where(and(eq(passwordResetRequests.status, 'pending'), whose))
    .orderBy(asc(passwordResetRequests.requestedAt), asc(passwordResetRequests.id))
    .limit(200);
  return { items };
}

/**
 * A new password for a subject's account: by its main account for a staff account, by the county for a main
 * account. The holder must change it at the next login, loses open sessions, and the open request is answered.
 */
export async function resetSubjectPassword(deps: RegistryDeps, ctx: CommandContext, userId: string, newPassword: string): Promise<UserOut> {
  const actor = ctx.actor!;
  if (actor.kind !== 'subject' && actor.kind !== 'agency') throw registryError('USER_NOT_FOUND');
  if (userId === actor.userId) throw registryError('CANNOT_CHANGE_SELF', { action: 'reset_password' });
  const found = await subjectAccount(deps.db, userId);
  if (actor.kind === 'subject') {
    if (!found || found.subjectId !== actor.subject.id) throw subjectError('NOT_OWN_STAFF');
    // The main account is reset by the county, never by one of its own staff.
    if (found.user.accountNo === 1) throw subjectError('NOT_OWN_STAFF');
  } else if (!found || found.user.accountNo !== 1 || !subjectVisibility.allows(actor, { regionCode: found.regionCode, department: found.department })) {
    throw registryError('USER_NOT_FOUND');
  }
  assertStrongPassword(newPassword, found.user.username);
  const passwordHash = await hashPassword(newPassword);
  return withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, lockedUntil: null, passwordChangedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    await revokeAllCredentials(tx, userId);
    await clearAttempts(tx, found.user.username);
    const request = await resolveResetRequests(tx, userId, actor.userId);
    await recordAudit(tx, ctx, {
      action: 'subject.account_reset_password',
      targetType: 'user',
      targetId: userId,
      regionCode: found.regionCode,
      after: { subjectId: found.subjectId, main: found.user.accountNo === 1, ...(request ? { resetRequestId: request } : {}) },
    });
    return toUserOut(deps.pii, row!);
  });
}

