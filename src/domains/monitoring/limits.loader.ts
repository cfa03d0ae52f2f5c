import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { eq, inArray, sql } from 'drizzle-orm';
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
  species_zh: string;
  tissue_zh: string;
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
    speciesZh: r.species_zh || null,
    tissueZh: r.tissue_zh || null,
  }));
}

type LimitFileRow = ReturnType<typeof readLimitsCsv>[number];

/** What a version is: every field of the file's row (a change to any is a new version). */
const CONTENT = ['analyteCode', 'commodityZh', 'classCode', 'animal', 'mrlMgPerKg', 'residueDefinition', 'standard', 'clause', 'sourceUrl', 'note', 'speciesZh', 'tissueZh'] as const;
const sameContent = (a: Record<string, unknown>, b: LimitFileRow) => CONTENT.every((k) => (a[k] ?? null) === (b[k] ?? null));

/**
 * Loads the analytes and residue limits from db/reference at every start. Analytes are upserted by code (names and
 * kinds, no regulatory value). Limits are the ministry's reference set, versioned and never edited in place: a row
 * new to the file is inserted (its first version under the file's id), a changed row becomes a new version under a
 * new id and its old version is retired, an unchanged one is left alone; results keep pointing at the version they
 * were judged against. Returns how many limit versions were written.
 */
export async function loadResidueLimits(db: Db, limitRows: LimitFileRow[] = readLimitsCsv()): Promise<number> {
  const analyteRows = readAnalytesCsv();
  await db
    .insert(analytes)
    .values(analyteRows)
    .onConflictDoUpdate({
      target: analytes.code,
      set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en`, kind: sql`excluded.kind`, banned: sql`excluded.banned` },
    });
  return db.transaction(async (tx) => {
    const all = await tx.select().from(residueLimits).where(eq(residueLimits.origin, 'reference'));
    const live = new Map(all.filter((r) => r.retiredAt === null).map((r) => [r.refId, r]));
    const lastVersion = new Map<number | null, number>();
    for (const r of all) lastVersion.set(r.refId, Math.max(lastVersion.get(r.refId) ?? 0, r.version));
    const taken = new Set((await tx.select({ id: residueLimits.id }).from(residueLimits).where(inArray(residueLimits.id, limitRows.map((r) => r.id)))).map((r) => r.id));
    let written = 0;
    for (const row of limitRows) {
      const current = live.get(row.id);
      if (current && sameContent(current, row)) continue;
      const { id: refId, ...content } = row;
      const version = (lastVersion.get(refId) ?? 0) + 1;
      if (current) await tx.update(residueLimits).set({ retiredAt: new Date() }).where(eq(residueLimits.id, current.id));
      const id = taken.has(refId) ? sql`nextval('residue_limits_id_seq')::int` : refId;
      await tx.insert(residueLimits).values({ ...content, id: id as number, refId, version, origin: 'reference' });
      written += 1;
    }
    return written;
  });
}
