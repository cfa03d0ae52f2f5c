import { and, asc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { productClassByCode, productClassNames } from '../trace/index.js';
import { animalFit, sampleAnimal, type AnimalSpecies, type AnimalTissue } from '../trace/index.js';
import { monitoringError } from './errors.js';
import { analytes, residueLimits } from './schema.js';

/** A seeded limit row (db/reference/residue-limits.csv). `mrlMgPerKg` null: banned or stopped, any detection fails. */
export type LimitRow = {
  id: number;
  analyteCode: string;
  mrlMgPerKg: number | null;
  standard: string;
  clause: string;
  commodityZh: string;
  classCode: string | null;
  animal: boolean;
  residueDefinition: string;
  sourceUrl: string;
  note: string | null;
  speciesZh?: string | null;
  tissueZh?: string | null;
  origin?: Origin;
  version?: number;
};

export type Analyte = { code: string; nameZh: string; nameEn: string; kind: 'pesticide' | 'vet_drug'; banned: boolean };
/** The lab a limit is looked up for: it sees the reference set, its province's additions and its own. */
export type LabScope = { agencyId: string; regionCode: string };
export type Origin = 'reference' | 'province' | 'lab';
export const labOf = (actor: { agency: { id: string; regionCode: string } }): LabScope => ({ agencyId: actor.agency.id, regionCode: actor.agency.regionCode });
/** `animal`: the species and tissue of an animal product (its batch's, else its class's), for GB 31650's rows. */
export type LimitProduct = { classCode: string; productName: string; classZh: string; animal?: { species?: AnimalSpecies | undefined; tissue?: AnimalTissue | undefined } };

/** A class and its ancestors, nearest last: codes are hierarchical, 2 digits a level (`05`, `0504`, … `0504010201`). */
export function classPath(classCode: string): string[] {
  const path: string[] = [];
  for (let n = 2; n <= classCode.length; n += 2) path.push(classCode.slice(0, n));
  return path;
}

/** Names compare after NFKC (full-width brackets as typed on a phone → the file's ASCII ones) and without spaces. */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

const selectAnalyte = { code: analytes.code, nameZh: analytes.nameZh, nameEn: analytes.nameEn, kind: analytes.kind, banned: analytes.banned };

const selectLimit = {
  id: residueLimits.id,
  analyteCode: residueLimits.analyteCode,
  mrlMgPerKg: residueLimits.mrlMgPerKg,
  standard: residueLimits.standard,
  clause: residueLimits.clause,
  commodityZh: residueLimits.commodityZh,
  classCode: residueLimits.classCode,
  animal: residueLimits.animal,
  residueDefinition: residueLimits.residueDefinition,
  sourceUrl: residueLimits.sourceUrl,
  note: residueLimits.note,
  speciesZh: residueLimits.speciesZh,
  tissueZh: residueLimits.tissueZh,
  origin: sql<Origin>`${residueLimits.origin}`,
  version: residueLimits.version,
};

/**
 * Rows a lab may use: the reference set, its province's additions and its own (never another province's or lab's);
 * without a lab, the reference set only (the public look-up).
 */
function usableBy(lab: LabScope | undefined, table: { origin: typeof residueLimits.origin; regionCode: typeof residueLimits.regionCode; ownerAgencyId: typeof residueLimits.ownerAgencyId }): SQL {
  if (!lab) return eq(table.origin, 'reference');
  return or(
    eq(table.origin, 'reference'),
    and(eq(table.origin, 'province'), eq(table.regionCode, lab.regionCode.slice(0, 2))),
    and(eq(table.origin, 'lab'), eq(table.ownerAgencyId, lab.agencyId)),
  )!;
}

/** Analytes a lab may report: the reference set, its province's additions and its own. */
export function analyteUsableBy(lab: LabScope | undefined): SQL {
  if (!lab) return eq(analytes.origin, 'reference');
  return or(
    eq(analytes.origin, 'reference'),
    and(eq(analytes.origin, 'province'), eq(analytes.regionCode, lab.regionCode.slice(0, 2))),
    and(eq(analytes.origin, 'lab'), eq(analytes.ownerAgencyId, lab.agencyId)),
  )!;
}

/**
 * How specific a row is for this product, or null when it does not apply (docs/decisions.md, "Monitoring"):
 * - a row whose commodity is a class of the file (commodity = that class's name) applies to the class and every class
 *   below it (GB 2763: a category's limit applies to all its foods); the deeper the class, the more specific;
 * - a row filed under a category only because its commodity is not in the class file (韭菜 under 03 蔬菜) applies
 *   when the product's class name or product name is that commodity, and beats any class row;
 * - a product filed under a coarser class than its commodity's (猕猴桃 under 05 水果) gets that commodity's class row
 *   when its name is the commodity;
 * - a banned/stopped veterinary row (food animals, no class) applies to whatever product the lab tests it in: the
 *   class file has no animal-product classes yet, so the lab's choice of analyte is the judgement that it applies;
 * - a row with GB 31650's species and tissue applies to an animal product of its class whose species and tissue fit
 *   (animal.shared.ts: an exact species beats a list, a list beats 所有食品动物), and beats a class row.
 */
function specificity(row: LimitRow, product: LimitProduct, path: string[], classNames: Map<string, string | undefined>): number | null {
  if (row.animal) return 0;
  if (row.tissueZh) {
    if (!row.classCode || !path.includes(row.classCode)) return null;
    const fit = animalFit({ speciesZh: row.speciesZh ?? null, tissueZh: row.tissueZh }, product.animal ?? sampleAnimal(product.classCode, null));
    return fit === null ? null : 50 + fit;
  }
  if (!row.classCode) return null;
  const commodity = norm(row.commodityZh);
  const named = commodity === norm(product.productName) || commodity === norm(product.classZh);
  const className = classNames.get(row.classCode);
  const classRow = className !== undefined && norm(className) === commodity;
  if (path.includes(row.classCode)) {
    if (classRow) return row.classCode.length;
    return named ? 100 : null;
  }
  // A product filed only under a coarser class (猕猴桃 under 05 水果) still is the class it names.
  return classRow && named && row.classCode.startsWith(product.classCode) ? row.classCode.length : null;
}

/**
 * The limit that applies to this analyte in this product, or null (then the lab must cite its own): the most
 * specific live row of the reference set; where the reference set has none, its province's addition, then its own.
 */
export async function applicableLimit(db: Executor, analyteCode: string, product: LimitProduct, lab?: LabScope): Promise<LimitRow | null> {
  const path = classPath(product.classCode);
  const rows = await db
    .select(selectLimit)
    .from(residueLimits)
    .where(
      and(
        eq(residueLimits.analyteCode, analyteCode),
        isNull(residueLimits.retiredAt),
        usableBy(lab, residueLimits),
        path.length
          ? or(inArray(residueLimits.classCode, path), like(residueLimits.classCode, `${product.classCode.replace(/[\\%_]/g, '\\$&')}%`), eq(residueLimits.animal, true))
          : eq(residueLimits.animal, true),
      ),
    )
    .orderBy(asc(residueLimits.id));
  const classes = await productClassNames(db, [...new Set(rows.flatMap((r) => (r.classCode ? [r.classCode] : [])))]);
  const classNames = new Map([...classes].map(([code, c]) => [code, c.nameZh as string | undefined]));
  for (const origin of ['reference', 'province', 'lab'] as const) {
    let best: { row: LimitRow; rank: number } | null = null;
    for (const row of rows) {
      if (row.origin !== origin) continue;
      const rank = specificity(row, product, path, classNames);
      if (rank !== null && (!best || rank > best.rank)) best = { row, rank };
    }
    if (best) return best.row;
  }
  return null;
}

export async function analyteByCode(db: Executor, code: string): Promise<Analyte | null> {
  return (await analytesByCode(db, [code])).get(code) ?? null;
}

/** The analytes of these codes (those that exist and the lab may use), in one read: a lab's entry of many results. */
export async function analytesByCode(db: Executor, codes: readonly string[], lab?: LabScope): Promise<Map<string, Analyte>> {
  if (!codes.length) return new Map();
  const rows = (await db.select(selectAnalyte).from(analytes).where(and(inArray(analytes.code, [...codes]), lab ? analyteUsableBy(lab) : undefined))) as Analyte[];
  return new Map(rows.map((r) => [r.code, r]));
}

/** The analytes a lab may report, for the lab bench's picker: the reference set first, then additions; by kind and code. */
export async function listAnalytes(db: Executor, lab?: LabScope): Promise<Analyte[]> {
  return (await db
    .select(selectAnalyte)
    .from(analytes)
    .where(lab ? analyteUsableBy(lab) : undefined)
    .orderBy(sql`${analytes.origin} <> 'reference'`, asc(analytes.kind), asc(analytes.code))) as Analyte[];
}

/**
 * GET /limits: the limit a result of this analyte in this product class (and product name) would be judged
 * against. Unknown analyte or class → refused; no seeded limit → `limit: null`.
 */
export async function limitLookup(
  db: Executor,
  query: { analyteCode: string; classCode: string; productName?: string | undefined; species?: AnimalSpecies | undefined; tissue?: AnimalTissue | undefined },
  lab?: LabScope,
) {
  const analyte = (await analytesByCode(db, [query.analyteCode], lab)).get(query.analyteCode);
  if (!analyte) throw monitoringError('UNKNOWN_ANALYTE', { analyteCode: query.analyteCode });
  const classZh = (await productClassByCode(db, query.classCode))?.nameZh;
  if (classZh === undefined) throw monitoringError('UNKNOWN_PRODUCT_CLASS', { classCode: query.classCode });
  const byClass = sampleAnimal(query.classCode, null);
  const animal = { species: query.species ?? byClass.species, tissue: query.tissue ?? byClass.tissue };
  const limit = await applicableLimit(db, analyte.code, { classCode: query.classCode, classZh, productName: query.productName ?? classZh, animal }, lab);
  return { analyte, classCode: query.classCode, classZh, limit };
}
