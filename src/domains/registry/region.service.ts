import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { registryError } from './errors.js';
import { regions } from './schema.js';

// The outer table is named explicitly: Drizzle would render ${regions.code} as a bare "code", which inside the
// subquery means c.code (a region is never its own parent, so hasChildren would always be false).
const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = ${regions}.code)`;
const columns = { code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, hasChildren };

/** 区划级联: the children of a region (the provinces when no parent is given), for cascading pickers. */
export async function listRegions(db: Executor, q: { parent?: string | undefined; limit: number; cursor?: string | undefined }) {
  if (q.parent && !(await db.select({ c: regions.code }).from(regions).where(eq(regions.code, q.parent))).length) {
    throw registryError('REGION_NOT_FOUND', { regionCode: q.parent });
  }
  const page = keyset({ sort: regions.code, id: regions.code, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const rows = await db
    .select(columns)
    .from(regions)
    .where(and(q.parent ? eq(regions.parentCode, q.parent) : isNull(regions.parentCode), page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  return page.page(rows, (r) => [r.code, r.code]);
}

export async function regionDetail(db: Executor, code: string) {
  const [row] = await db.select(columns).from(regions).where(eq(regions.code, code));
  if (!row) throw registryError('REGION_NOT_FOUND', { regionCode: code });
  const ancestors = [2, 4, 6, 9].filter((len) => len < code.length).map((len) => code.slice(0, len));
  const path = ancestors.length
    ? await db.select({ code: regions.code, name: regions.name }).from(regions).where(sql`${regions.code} IN ${ancestors}`).orderBy(asc(regions.code))
    : [];
  return { ...row, path: [...path, { code: row.code, name: row.name }] };
}

/** The level of a region code (1 province … 4 township), or undefined when there is no such region. */
export async function regionLevel(db: Executor, code: string): Promise<number | undefined> {
  const [row] = await db.select({ level: regions.level }).from(regions).where(eq(regions.code, code));
  return row?.level;
}
