import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { traceError } from '../errors.js';
import { productClasses } from '../schema.js';

const hasChildren = sql<boolean>`EXISTS (SELECT 1 FROM product_classes c WHERE c.parent_code = ${productClasses}.code)`;

/** The classes under `parent` (the level-1 categories without it), for cascading pickers. */
export async function listProductClasses(db: Executor, parent: string | undefined) {
  if (parent && !(await db.select({ c: productClasses.code }).from(productClasses).where(eq(productClasses.code, parent))).length) {
    throw traceError('PRODUCT_CLASS_NOT_FOUND', { code: parent });
  }
  const items = await db
    .select({
      code: productClasses.code,
      parentCode: productClasses.parentCode,
      level: productClasses.level,
      nameZh: productClasses.nameZh,
      nameEn: productClasses.nameEn,
      gb2763Category: productClasses.gb2763Category,
      sourceUrl: productClasses.sourceUrl,
      hasChildren,
    })
    .from(productClasses)
    .where(parent ? eq(productClasses.parentCode, parent) : isNull(productClasses.parentCode))
    .orderBy(asc(productClasses.code));
  return { items };
}

/** One class by its code, with its names (a hand-entered product's class, say), or null when there is none. */
export async function productClassByCode(db: Executor, code: string): Promise<{ code: string; nameZh: string; nameEn: string } | null> {
  return (await productClassNames(db, [code])).get(code) ?? null;
}

/** The classes of these codes (those that exist), in one read. */
export async function productClassNames(db: Executor, codes: readonly string[]): Promise<Map<string, { code: string; nameZh: string; nameEn: string }>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: productClasses.code, nameZh: productClasses.nameZh, nameEn: productClasses.nameEn })
    .from(productClasses)
    .where(inArray(productClasses.code, [...codes]));
  return new Map(rows.map((r) => [r.code, r]));
}
