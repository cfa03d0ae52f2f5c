import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/client.js';
import { productClasses } from '../schema.js';

const CSV = new URL('../../../../db/reference/product-classes.csv', import.meta.url);

type CsvRow = { code: string; parent_code: string; level: string; name_zh: string; name_en: string; gb2763_category: string; source_url: string };

/**
 * Loads the product classification from its data file: every class the table lacks is inserted, an existing one is
 * left as it is. A database loaded before the animal-product classes (`13`, `14`) were shipped gets them on its next
 * start; products and samples already filed under a class keep it. Returns how many classes were new.
 */
export async function loadProductClasses(db: Db): Promise<number> {
  const count = async () => ((await db.select({ n: sql<number>`count(*)::int` }).from(productClasses)) as [{ n: number }])[0].n;
  const before = await count();
  const rows = parse(readFileSync(CSV), { columns: true, skip_empty_lines: true }) as CsvRow[];
  await db
    .insert(productClasses)
    .values(
      rows.map((r) => ({
        code: r.code,
        parentCode: r.parent_code || null,
        level: Number(r.level),
        nameZh: r.name_zh,
        nameEn: r.name_en,
        gb2763Category: r.gb2763_category,
        sourceUrl: r.source_url,
      })),
    )
    .onConflictDoNothing({ target: productClasses.code });
  return (await count()) - before;
}
