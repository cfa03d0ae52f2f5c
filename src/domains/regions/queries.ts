import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { queryRows } from '../../platform/db/rows.js';
import { regionsError } from './errors.js';
import { regions } from './schema.js';

// The outer table is named explicitly: Drizzle would render ${regions.code} as a bare "code", which inside the
// subquery means c.code (a region is never its own parent, so hasChildren would always be false).
const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = ${regions}.code)`;
const columns = { code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, hasChildren };

/** 区划级联: the children of a region (the provinces when no parent is given), for cascading pickers. */
export async function listRegions(db: Executor, q: { parent?: string | undefined; limit: number; cursor?: string | undefined }) {
  if (q.parent && !(await db.select({ c: regions.code }).from(regions).where(eq(regions.code, q.parent))).length) {
    throw regionsError('REGION_NOT_FOUND', { regionCode: q.parent });
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
  if (!row) throw regionsError('REGION_NOT_FOUND', { regionCode: code });
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

/** A region's name, or null when there is no such region. */
export async function regionName(db: Executor, code: string): Promise<string | null> {
  return (await findRegion(db, code))?.name ?? null;
}

/** A region's row (code, name, level, parent), or undefined. */
export async function findRegion(db: Executor, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** The levels of the codes that name a region (others are left out). */
export async function regionLevels(db: Executor, codes: string[]): Promise<Map<string, number>> {
  const levels = new Map<string, number>();
  if (codes.length) for (const r of await db.select({ code: regions.code, level: regions.level }).from(regions).where(inArray(regions.code, codes))) levels.set(r.code, r.level);
  return levels;
}

/** The townships of a county, in code order (a county's import template lists them). */
export async function townshipsOf(db: Executor, county: string): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.parentCode, county), eq(regions.level, 4)))
    .orderBy(asc(regions.code));
}

/** Each code's path of named regions from the province down to the code's level. */
export async function regionPaths(db: Executor, codes: string[]): Promise<Map<string, { code: string; name: string }[]>> {
  const prefixes = new Set<string>();
  for (const c of codes) for (const len of [2, 4, 6, 9]) if (c.length >= len) prefixes.add(c.slice(0, len));
  const names = new Map<string, string>();
  if (prefixes.size) {
    for (const r of await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [...prefixes]))) names.set(r.code, r.name);
  }
  const out = new Map<string, { code: string; name: string }[]>();
  for (const c of codes) {
    out.set(
      c,
      [2, 4, 6, 9]
        .filter((len) => c.length >= len && names.has(c.slice(0, len)))
        .map((len) => ({ code: c.slice(0, len), name: names.get(c.slice(0, len))! })),
    );
  }
  return out;
}

/** A path as one line of names (山东省 潍坊市 寿光市 化龙镇), or null when no part of it is named. */
export function regionNameOf(path: { name: string }[] | undefined): string | null {
  return path?.length ? path.map((p) => p.name).join(' ') : null;
}

/** Region names from the province down to the code's level (a township: 山东省 潍坊市 寿光市 化龙镇). */
export async function regionNames(db: Executor, code: string): Promise<string | null> {
  return regionNameOf((await regionPaths(db, [code])).get(code));
}

/** The name of the region a code column holds, as a scalar subquery for a list's select. */
export const regionNameSql = (code: SQL) => sql<string | null>`(SELECT r.name FROM regions r WHERE r.code = ${code})`;

const countyNamesOf = new WeakMap<object, Promise<Map<string, string>>>();

/**
 * Names of every province, city and county (~3,400 rows), read once per database and kept: the divisions are
 * reference data loaded at first start and never changed, and a trace or recall list names a county on every row.
 */
export function countyNames(db: Executor): Promise<Map<string, string>> {
  let names = countyNamesOf.get(db);
  if (!names) {
    names = queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM regions WHERE level <= 3`).then((rows) => {
      if (!rows.length) countyNamesOf.delete(db); // not loaded yet: ask again next time
      return new Map(rows.map((r) => [r.code, r.name]));
    });
    names.catch(() => countyNamesOf.delete(db));
    countyNamesOf.set(db, names);
  }
  return names;
}
