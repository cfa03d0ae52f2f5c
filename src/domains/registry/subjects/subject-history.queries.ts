import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import { accountAffiliations } from '../accounts/agency-facts.queries.js';
import type { RegistryDeps } from '../deps.js';
import { subjectChangeRequests } from '../schema.js';
import { visibleSubject } from './subject.service.js';

/**
 * 变更记录 of a subject's file: the audit entries whose target is the subject (registration, approved changes,
 * suspension and restoring, bad-conduct records, identity renewals), for any official whose jurisdiction holds the
 * subject — the audit log itself is for the ministry and provinces, this is only the subject's own page of it.
 */
export async function subjectHistory(deps: RegistryDeps, actor: AgencyActor, subjectId: string, q: { limit: number; cursor?: string | undefined }) {
  await visibleSubject(deps.db, actor, subjectId);
  // The subject's own entries, and its change requests' (filed by the subject, decided on the subject).
  const where = or(
    and(eq(auditLog.targetType, 'subject'), eq(auditLog.targetId, subjectId)),
    and(
      eq(auditLog.targetType, 'subject_change_request'),
      inArray(auditLog.targetId, deps.db.select({ id: sql<string>`${subjectChangeRequests.id}::text` }).from(subjectChangeRequests).where(eq(subjectChangeRequests.subjectId, subjectId))),
    ),
  );
  const page = keyset({ sort: auditLog.id, id: auditLog.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const [rows, total] = await Promise.all([
    deps.db
      .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, actorId: auditLog.actorId, actorName: auditLog.actorName, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(where, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    q.cursor ? undefined : countUpTo(deps.db, deps.db.select({ id: auditLog.id }).from(auditLog).where(where).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.id, r.id]);
  const names = await accountAffiliations(deps.db, result.items.flatMap((r) => (r.actorId ? [r.actorId] : [])));
  return {
    items: result.items.map(({ actorId, ...r }) => ({ ...r, actorAffiliation: actorId ? (names.get(actorId) ?? null) : null })),
    nextCursor: result.nextCursor,
    ...(total ? { total } : {}),
  };
}
