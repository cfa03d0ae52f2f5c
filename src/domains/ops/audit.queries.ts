import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Executor } from '../../platform/db/client.js';
import { countUpTo } from '../../platform/http/list-total.js';
import { keyset } from '../../platform/http/pagination.js';
import { chinaMinute } from '../../platform/china-time.js';
import type { Sheet } from '../../platform/sheets/workbook.js';
import type { z } from 'zod';
import { accountAffiliations } from '../registry/index.js';
import type { auditEntryOut, auditQuery } from './contracts.js';
import { auditVisibility } from './visibility.js';

type AuditQuery = z.infer<typeof auditQuery>;

function auditFilter(actor: AgencyActor, q: Omit<AuditQuery, 'limit' | 'cursor'>): SQL | undefined {
  return and(
    auditVisibility.filter(actor),
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.targetType ? eq(auditLog.targetType, q.targetType) : undefined,
    q.targetId ? eq(auditLog.targetId, q.targetId) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
}

const columns = {
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
};

/**
 * Entries as a list shows them: each with where its operator works (agency, or subject for a subject's account),
 * read now from the registry — the entry itself keeps the name as it was then.
 */
export async function withAffiliations<T extends { actorId: string | null }>(db: Executor, rows: T[]): Promise<(T & { actorAffiliation: string | null })[]> {
  const names = await accountAffiliations(db, rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
  return rows.map((r) => ({ ...r, actorAffiliation: r.actorId ? (names.get(r.actorId) ?? null) : null }));
}

/** 日志查阅: the audit entries of the actor's jurisdiction, newest first; the first page carries the total. */
export async function listAudit(db: Executor, actor: AgencyActor, q: AuditQuery) {
  const where = auditFilter(actor, q);
  const page = keyset({ sort: auditLog.id, id: auditLog.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const [rows, total] = await Promise.all([
    db.select(columns).from(auditLog).where(and(where, page.where)).orderBy(...page.orderBy).limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: auditLog.id }).from(auditLog).where(where).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.id, r.id]);
  return { items: await withAffiliations(db, result.items), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

export function auditSheet(rows: z.infer<typeof auditEntryOut>[]): Sheet {
  return {
    name: '审计日志',
    columns: [
      { header: '时间（at）', key: 'at', width: 18 },
      { header: '操作人（operator）', key: 'actorName', width: 16 },
      { header: '所属机构或主体（agency）', key: 'actorAffiliation', width: 28 },
      { header: '操作（action）', key: 'action', width: 26 },
      { header: '对象类型（target type）', key: 'targetType', width: 18 },
      { header: '对象（target）', key: 'targetId', width: 38 },
      { header: '区划（region）', key: 'regionCode', width: 12 },
      { header: 'IP', key: 'ip', width: 16 },
      { header: '请求号（request）', key: 'requestId', width: 24 },
    ],
    rows: rows.map((r) => ({ ...r, at: chinaMinute(r.at), actorName: r.actorName ?? '系统', actorAffiliation: r.actorAffiliation ?? '', ip: r.ip ?? '', requestId: r.requestId ?? '' })),
  };
}
