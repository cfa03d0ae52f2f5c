import { and, asc, eq, max } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { revokeAllCredentials } from '../../../platform/auth/session.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import type { UserOut } from '../contracts.js';
import type { RegistryDeps } from '../deps.js';
import { toUserOut } from './queries.js';
import { subjectError } from '../subjects/subject.errors.js';
import { findSubject, identityCode, lockSubject } from '../subjects/subject.queries.js';
import { users } from '../schema.js';
import { assertStrongPassword } from './user.service.js';

/** 用户码: the account's number under the subject identity code (`….00001` main, `….00002` upward staff). */
function userCodeOf(deps: RegistryDeps, subject: { category: number; idKind: string | null; idEnc: string | null }, accountNo: number | null): string | null {
  if (!subject.idEnc || accountNo === null) return null;
  return identityCode(subject.category, subject.idKind, deps.pii.decrypt(subject.idEnc), accountNo);
}

/** The accounts of my subject, main account first. */
export async function listStaff(deps: RegistryDeps, actor: SubjectActor): Promise<{ items: UserOut[] }> {
  const subject = await findSubject(deps.db, actor.subject.id);
  const rows = await deps.db.select().from(users).where(eq(users.subjectId, actor.subject.id)).orderBy(asc(users.accountNo));
  return { items: rows.map((r) => toUserOut(deps.pii, r, userCodeOf(deps, subject!, r.accountNo))) };
}

/** The main account adds a staff account; numbers are handed out in order under a lock on the subject. */
export async function addStaff(deps: RegistryDeps, ctx: CommandContext, input: { username: string; displayName: string; phone?: string | undefined; password: string }): Promise<UserOut> {
  const actor = subjectActorIn(ctx);
  assertStrongPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(deps.db, ctx, async (tx) => {
    const subject = await lockSubject(tx, actor.subject.id);
    const [last] = await tx.select({ n: max(users.accountNo) }).from(users).where(eq(users.subjectId, actor.subject.id));
    const accountNo = (last?.n ?? 1) + 1;
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
          subjectId: actor.subject.id,
          accountNo,
          role: 'staff',
          mustChangePassword: true,
          createdBy: actor.userId,
        })
        .returning()) as [typeof users.$inferSelect];
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw subjectError('USERNAME_TAKEN', { username: input.username });
      throw err;
    }
    await recordAudit(tx, ctx, {
      action: 'subject.staff_add',
      targetType: 'user',
      targetId: row.id,
      regionCode: actor.subject.regionCode,
      after: { username: row.username, displayName: row.displayName, accountNo },
    });
    return toUserOut(deps.pii, row, userCodeOf(deps, subject!, accountNo));
  });
}

/** Disable or re-enable a staff account; a disabled account's sessions and tokens end at once. */
export async function setStaffStatus(deps: RegistryDeps, ctx: CommandContext, userId: string, status: 'active' | 'disabled'): Promise<UserOut> {
  const actor = subjectActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const subject = await lockSubject(tx, actor.subject.id);
    const [row] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.subjectId, actor.subject.id)));
    if (!row) throw subjectError('NOT_OWN_STAFF');
    if (row.accountNo === 1) throw subjectError('CANNOT_CHANGE_MAIN_ACCOUNT');
    const [updated] = await tx.update(users).set({ status }).where(eq(users.id, userId)).returning();
    if (status === 'disabled') await revokeAllCredentials(tx, userId);
    await recordAudit(tx, ctx, { action: 'subject.staff_status', targetType: 'user', targetId: userId, regionCode: actor.subject.regionCode, before: { status: row.status }, after: { status } });
    return toUserOut(deps.pii, updated!, userCodeOf(deps, subject!, updated!.accountNo));
  });
}
