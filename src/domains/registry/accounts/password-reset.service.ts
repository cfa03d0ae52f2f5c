import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { AgencyActor, RequestMeta } from '../../../platform/auth/actor.js';
import { throttleLogin } from '../../../platform/auth/login-guard.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Tx } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { RegistryDeps } from '../deps.js';
import { registryError } from '../errors.js';
import type { Role } from '../../../platform/auth/actor.js';
import { canManageUser, type AgencyRef } from '../policies.js';
import { agencies, passwordResetRequests, subjects, users } from '../schema.js';

/**
 * 忘记密码 from the login page. Counted like a login attempt from the address (login-guard.ts: per address and for
 * everyone, shared by every server), and answered alike whether or not the name is an account: an active agency
 * or subject account gets one open request for whoever resets it (an agency's administrators; a subject's main
 * account for its staff, the county for a main account: subject-password-reset.service.ts); anything else is only
 * audited under the name typed.
 */
export async function requestPasswordReset(deps: RegistryDeps, meta: RequestMeta, username: string): Promise<void> {
  const throttle = await throttleLogin(deps.db, meta.ip, { perAddress: deps.config.loginRateLimit, global: deps.config.loginGlobalRateLimit });
  if (!throttle.ok) throw registryError('TOO_MANY_LOGINS', { retryAfterSeconds: throttle.retryAfterSeconds });
  const [found] = await deps.db
    .select({ id: users.id, status: users.status, agencyId: users.agencyId, subjectId: users.subjectId, regionCode: sql<string | null>`coalesce(${agencies.regionCode}, ${subjects.regionCode})` })
    .from(users)
    .leftJoin(agencies, eq(users.agencyId, agencies.id))
    .leftJoin(subjects, eq(users.subjectId, subjects.id))
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  await withTransaction(deps.db, { actor: null, meta }, async (tx) => {
    const ctx = { actor: null, meta };
    if (found && found.status === 'active' && (found.agencyId || found.subjectId)) {
      // A repeated request while one is open writes nothing new (one open request per account, a partial unique index).
      const [created] = await tx.insert(passwordResetRequests).values({ userId: found.id }).onConflictDoNothing().returning({ id: passwordResetRequests.id });
      await recordAudit(tx, ctx, { action: 'auth.password_reset_request', targetType: 'user', targetId: found.id, regionCode: found.regionCode ?? '', after: { requestId: created?.id ?? null } });
    } else {
      await recordAudit(tx, ctx, { action: 'auth.password_reset_request', targetType: 'username', targetId: username.toLowerCase().slice(0, 40), regionCode: '' });
    }
  });
}

/**
 * The open requests of the accounts I manage (policies.ts `manageableRoles`): my own agency's accounts and, for a
 * supervision agency, the admins of the agencies it allocated and the staff of its township stations. Never my own.
 */
export async function listResetRequests(deps: RegistryDeps, actor: AgencyActor, query: { limit: number; cursor?: string | undefined }) {
  const page = keyset({ sort: passwordResetRequests.requestedAt, id: passwordResetRequests.id, direction: 'asc', limit: query.limit, cursor: query.cursor });
  // manageableRoles (manage-rules.shared.ts) in SQL, so that the total counts what the rows show; the rule itself
  // is still applied to the rows read below.
  const mine = and(eq(agencies.id, actor.agency.id), or(ne(agencies.level, 'township'), eq(users.role, 'staff')));
  const allocated =
    actor.agency.kind === 'supervision' ? and(eq(agencies.parentId, actor.agency.id), sql`${users.role} = CASE WHEN ${agencies.level} = 'township' THEN 'staff' ELSE 'admin' END`) : sql`false`;
  const open = and(eq(passwordResetRequests.status, 'pending'), ne(users.id, actor.userId), actor.role === 'admin' ? or(mine, allocated) : sql`false`);
  const counted = () =>
    deps.db
      .select({ id: passwordResetRequests.id })
      .from(passwordResetRequests)
      .innerJoin(users, eq(passwordResetRequests.userId, users.id))
      .innerJoin(agencies, eq(users.agencyId, agencies.id))
      .where(open)
      .$dynamic();
  const rows = deps.db
    .select({
      id: passwordResetRequests.id,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      agencyId: agencies.id,
      agencyName: agencies.name,
      requestedAt: passwordResetRequests.requestedAt,
      agency: { id: agencies.id, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, parentId: agencies.parentId },
    })
    .from(passwordResetRequests)
    .innerJoin(users, eq(passwordResetRequests.userId, users.id))
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(and(open, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const [found, total] = await Promise.all([rows, firstPageTotal(deps.db, query.cursor, counted)]);
  const result = page.page(found, (r) => [r.requestedAt.toISOString(), r.id]);
  // The rule lives in policies.ts; the SQL above only narrows the rows to read.
  return { items: result.items.filter((r) => canManageUser(actor, r.agency as AgencyRef, r.role as Role)).map(({ agency: _agency, ...item }) => item), nextCursor: result.nextCursor, ...totalField(total) };
}

/** A reset by the administrator (user.service.ts) answers the account's open request, in the reset's transaction. */
export async function resolveResetRequests(tx: Tx, userId: string, by: string): Promise<string | null> {
  const [row] = await tx
    .update(passwordResetRequests)
    .set({ status: 'resolved', resolvedAt: new Date(), resolvedBy: by })
    .where(and(eq(passwordResetRequests.userId, userId), eq(passwordResetRequests.status, 'pending')))
    .returning({ id: passwordResetRequests.id });
  return row?.id ?? null;
}
