import { and, eq, gte, lte } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import { jurisdictionFilter } from '../../platform/auth/jurisdiction.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import type { z } from 'zod';
import type { auditQuery } from './contracts.js';

/** 日志查阅: the audit entries of the actor's jurisdiction, newest first. */
export async function listAudit(db: Executor, actor: AgencyActor, q: z.infer<typeof auditQuery>) {
  const page = keyset({ sort: auditLog.id, id: auditLog.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: auditLog.actorName,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      regionCode: auditLog.regionCode,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
      ip: auditLog.ip,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .where(
      and(
        jurisdictionFilter(actor, auditLog.regionCode),
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.targetType ? eq(auditLog.targetType, q.targetType) : undefined,
        q.targetId ? eq(auditLog.targetId, q.targetId) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
        q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(rows, (r) => [r.id, r.id]);
}
