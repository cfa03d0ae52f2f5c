import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { analytes, residueLimits } from './schema.js';

const ANALYTES_CSV = new URL('../../../db/reference/analytes.csv', import.meta.url);
const LIMITS_CSV = new URL('../../../db/reference/residue-limits.csv', import.meta.url);

type AnalyteCsv = { code: string; name_zh: string; name_en: string; kind: string; banned: string; standard: string; source_url: string };
type LimitCsv = {
  id: string;
  analyte_code: string;
  commodity_zh: string;
  commodity_class_code: string;
  mrl_mg_per_kg: string;
  residue_definition: string;
  standard: string;
  clause_or_table: string;
  source_url: string;
  note: string;
};

const read = <T>(file: URL) => parse(readFileSync(file), { columns: true, skip_empty_lines: true }) as T[];

export function readAnalytesCsv() {
  return read<AnalyteCsv>(ANALYTES_CSV).map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, kind: r.kind, banned: r.banned === 'true' }));
}

/**
 * The limit rows of the file. A row without a class code is a banned or stopped veterinary substance in food animals
 * (the file leaves the class empty for animal products), so it is marked `animal`.
 */
export function readLimitsCsv() {
  return read<LimitCsv>(LIMITS_CSV).map((r) => ({
    id: Number(r.id),
    analyteCode: r.analyte_code,
    commodityZh: r.commodity_zh,
    classCode: r.commodity_class_code || null,
    animal: !r.commodity_class_code,
    mrlMgPerKg: r.mrl_mg_per_kg === '' ? null : Number(r.mrl_mg_per_kg),
    residueDefinition: r.residue_definition,
    standard: r.standard,
    clause: r.clause_or_table,
    sourceUrl: r.source_url,
    note: r.note || null,
  }));
}

/**
 * Loads the analytes and residue limits from db/reference at every start, as an upsert by code and id: a corrected
 * row of the file replaces the old one, and a row is never deleted (results judged against it keep pointing to it).
 * Returns how many rows were new.
 */
export async function loadResidueLimits(db: Db): Promise<number> {
  const count = async () => ((await db.select({ n: sql<number>`count(*)::int` }).from(residueLimits)) as [{ n: number }])[0].n;
  const before = await count();
  const analyteRows = readAnalytesCsv();
  const limitRows = readLimitsCsv();
  await db
    .insert(analytes)
    .values(analyteRows)
    .onConflictDoUpdate({
      target: analytes.code,
      set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en`, kind: sql`excluded.kind`, banned: sql`excluded.banned` },
    });
  await db
    .insert(residueLimits)
    .values(limitRows)
    .onConflictDoUpdate({
      target: residueLimits.id,
      set: {
        analyteCode: sql`excluded.analyte_code`,
        commodityZh: sql`excluded.commodity_zh`,
        classCode: sql`excluded.class_code`,
        animal: sql`excluded.animal`,
        mrlMgPerKg: sql`excluded.mrl_mg_per_kg`,
        residueDefinition: sql`excluded.residue_definition`,
        standard: sql`excluded.standard`,
        clause: sql`excluded.clause`,
        sourceUrl: sql`excluded.source_url`,
        note: sql`excluded.note`,
      },
    });
  return (await count()) - before;
}
