import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { maskPhone } from '../../../platform/pii/pii.js';
import type { AgencyOut, UserOut } from '../contracts.js';
import { regionNameSql } from '../../regions/index.js';
import { agencies, users } from '../schema.js';
import type { AgencyRef } from '../policies.js';
import { agencyVisibility } from '../visibility.js';
import { escapeLike } from '../../../platform/db/rows.js';

// Drizzle renders a column of a single-table select without its table ("id"), which inside these subqueries
// would mean the subquery's own row (c.id = c.parent_id: always 0). Name the outer table explicitly.
const childCount = sql<number>`(SELECT count(*)::int FROM agencies c WHERE c.parent_id = ${agencies}.id)`;
const regionName = regionNameSql(sql`${agencies}.region_code`);

const agencyColumns = {
  id: agencies.id,
  name: agencies.name,
  kind: agencies.kind,
  level: agencies.level,
  regionCode: agencies.regionCode,
  regionName,
  parentId: agencies.parentId,
  department: agencies.department,
  industries: agencies.industries,
  status: agencies.status,
  childCount,
  createdAt: agencies.createdAt,
};

/** An agency the actor may see, or undefined: outside the jurisdiction is the same as not existing. */
export async function findVisibleAgency(db: Executor, actor: AgencyActor, id: string): Promise<AgencyOut | undefined> {
  const [row] = await db
    .select(agencyColumns)
    .from(agencies)
    .where(and(eq(agencies.id, id), agencyVisibility.filter(actor)));
  return row as AgencyOut | undefined;
}

export async function listAgencies(
  db: Executor,
  actor: AgencyActor,
  q: { parentId?: string | undefined; kind?: string | undefined; level?: string | undefined; department?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const page = keyset({ sort: agencies.regionCode, id: agencies.id, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    agencyVisibility.filter(actor),
    q.parentId ? eq(agencies.parentId, q.parentId) : undefined,
    q.kind ? eq(agencies.kind, q.kind) : undefined,
    q.level ? eq(agencies.level, q.level) : undefined,
    q.department ? eq(agencies.department, q.department) : undefined,
    q.q ? ilike(agencies.name, `%${escapeLike(q.q)}%`) : undefined,
    page.where,
  ];
  const rows = await db
    .select(agencyColumns)
    .from(agencies)
    .where(and(...filters))
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(rows as AgencyOut[], (r) => [r.regionCode, r.id]);
}

export function toUserOut(pii: Pii, row: typeof users.$inferSelect, userCode: string | null = null): UserOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phoneEnc ? maskPhone(pii.decrypt(row.phoneEnc)) : null,
    role: row.role as UserOut['role'],
    status: row.status as UserOut['status'],
    agencyId: row.agencyId,
    subjectId: row.subjectId,
    userCode,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : null,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

export async function listUsersOfAgency(
  db: Executor,
  pii: Pii,
  agencyId: string,
  roles: readonly string[],
  q: { q?: string | undefined; status?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const page = keyset({ sort: users.username, id: users.id, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const where = and(
    eq(users.agencyId, agencyId),
    inArray(users.role, [...roles]),
    q.status ? eq(users.status, q.status) : undefined,
    q.q ? or(ilike(users.username, `%${escapeLike(q.q)}%`), ilike(users.displayName, `%${escapeLike(q.q)}%`)) : undefined,
  );
  const [rows, total] = await Promise.all([
    db.select().from(users).where(and(where, page.where)).orderBy(...page.orderBy).limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: users.id }).from(users).where(where).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.username, r.id]);
  return { items: result.items.map((r) => toUserOut(pii, r)), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

/** A user together with the agency it belongs to, provided that agency is in the actor's jurisdiction. */
export async function findVisibleUser(db: Executor, actor: AgencyActor, userId: string) {
  const [row] = await db
    .select({ user: users, agency: { id: agencies.id, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, parentId: agencies.parentId } })
    .from(users)
    .innerJoin(agencies, eq(users.agencyId, agencies.id))
    .where(and(eq(users.id, userId), agencyVisibility.filter(actor)));
  return row as { user: typeof users.$inferSelect; agency: AgencyRef } | undefined;
}


