import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { regionRange } from '../../platform/auth/visibility.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { lockStream, withTransaction } from '../../platform/db/tx.js';
import { firstPageTotal } from '../../platform/http/list-total.js';
import { keyset } from '../../platform/http/pagination.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { agencyNames } from '../registry/index.js';
import { productClassByCode } from '../trace/index.js';
import { monitoringError } from './errors.js';
import { toMgPerKg, type ResultUnit } from './judge.js';
import { analyteUsableBy, labOf, type Origin } from './limits.js';
import { analytes, residueLimits, sampleResults } from './schema.js';

/** Whose addition an agency's is: a lab's own, or its province's (the province's supervision agency). */
function originOf(actor: AgencyActor): { origin: Exclude<Origin, 'reference'>; regionCode: string } {
  if (actor.agency.kind === 'testing') return { origin: 'lab', regionCode: actor.agency.regionCode };
  return { origin: 'province', regionCode: actor.agency.regionCode.slice(0, 2) };
}

/** What an agency reads of the reference data: the reference set, its province's additions, and additions of its jurisdiction. */
function readable(actor: AgencyActor, t: { origin: typeof analytes.origin; regionCode: typeof analytes.regionCode } | { origin: typeof residueLimits.origin; regionCode: typeof residueLimits.regionCode }): SQL {
  return or(eq(t.origin, 'reference'), and(eq(t.origin, 'province'), eq(t.regionCode, actor.agency.regionCode.slice(0, 2))), regionRange(t.regionCode, actor.jurisdiction))!;
}

export async function referenceAnalytes(db: Executor, actor: AgencyActor, origin: Origin | undefined) {
  const rows = await db
    .select()
    .from(analytes)
    .where(and(readable(actor, analytes), origin ? eq(analytes.origin, origin) : undefined))
    // An agency's own additions first (what it manages), then the reference set (over a hundred analytes).
    .orderBy(sql`${analytes.origin} = 'reference'`, asc(analytes.kind), asc(analytes.code));
  const names = await agencyNames(db, rows.flatMap((r) => (r.ownerAgencyId ? [r.ownerAgencyId] : [])));
  return {
    items: rows.map((r) => ({
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      kind: r.kind as 'pesticide' | 'vet_drug',
      banned: r.banned,
      origin: r.origin as Origin,
      cas: r.cas,
      method: r.method,
      unit: r.unit,
      standard: r.standard,
      ownerAgencyName: r.ownerAgencyId ? (names.get(r.ownerAgencyId) ?? null) : null,
      createdAt: r.origin === 'reference' ? null : r.createdAt,
    })),
  };
}

type AnalyteInput = { nameZh: string; nameEn?: string | undefined; kind: 'pesticide' | 'vet_drug'; cas?: string | undefined; method: string; unit: ResultUnit; standard: string; banned: boolean };

/**
 * A lab (or a province) adds an analyte it tests for, with the method and the standard it cites, instead of being
 * refused: one of the same name it can already use is refused with that one's code, so nothing is listed twice.
 */
export async function addAnalyte(db: Db, ctx: CommandContext, input: AnalyteInput) {
  const actor = agencyActorIn(ctx);
  const { origin, regionCode } = originOf(actor);
  const code = `${origin}-${randomBytes(5).toString('hex')}`;
  await withTransaction(db, ctx, async (tx) => {
    // Two labs of a province adding the same name at once would both find none: the name's lock makes the second
    // wait for the first's commit and then find it.
    await lockStream(tx, `analyte:${input.nameZh}`);
    const [same] = await tx.select({ code: analytes.code }).from(analytes).where(and(eq(analytes.nameZh, input.nameZh), analyteUsableBy(labOf(actor))));
    if (same) throw monitoringError('ANALYTE_EXISTS', { nameZh: input.nameZh, code: same.code });
    await tx.insert(analytes).values({ code, nameZh: input.nameZh, nameEn: input.nameEn ?? input.nameZh, kind: input.kind, banned: input.banned, origin, ownerAgencyId: actor.agency.id, regionCode, cas: input.cas ?? null, method: input.method, unit: input.unit, standard: input.standard, createdBy: actor.userId });
    await recordAudit(tx, ctx, { action: 'monitoring.analyte_add', targetType: 'analyte', targetId: code, regionCode: actor.agency.regionCode, after: { ...input, origin } });
  });
  return (await referenceAnalytes(db, actor, origin)).items.find((a) => a.code === code)!;
}

type LimitInput = {
  analyteCode: string;
  classCode: string;
  commodityZh?: string | undefined;
  value?: number | undefined;
  unit: ResultUnit;
  residueDefinition?: string | undefined;
  standard: string;
  clause: string;
  sourceUrl?: string | undefined;
  note?: string | undefined;
};

/** A province's or a lab's limit, citing its standard and clause; used where the reference set has none. */
export async function addLimit(db: Db, ctx: CommandContext, input: LimitInput) {
  const actor = agencyActorIn(ctx);
  const { origin, regionCode } = originOf(actor);
  const [analyte] = await db.select().from(analytes).where(and(eq(analytes.code, input.analyteCode), analyteUsableBy(labOf(actor))));
  if (!analyte) throw monitoringError('UNKNOWN_ANALYTE', { analyteCode: input.analyteCode });
  const klass = await productClassByCode(db, input.classCode);
  if (!klass) throw monitoringError('UNKNOWN_PRODUCT_CLASS', { classCode: input.classCode });
  const id = await withTransaction(db, ctx, async (tx) => {
    const [row] = await tx
      .insert(residueLimits)
      .values({
        id: sql`nextval('residue_limits_id_seq')::int` as unknown as number,
        analyteCode: analyte.code,
        commodityZh: input.commodityZh ?? klass.nameZh,
        classCode: input.classCode,
        animal: false,
        mrlMgPerKg: input.value === undefined ? null : toMgPerKg(input.value, input.unit),
        residueDefinition: input.residueDefinition ?? analyte.nameZh,
        standard: input.standard,
        clause: input.clause,
        sourceUrl: input.sourceUrl ?? '',
        note: input.note ?? null,
        origin,
        ownerAgencyId: actor.agency.id,
        regionCode,
        createdBy: actor.userId,
      })
      .returning({ id: residueLimits.id });
    await recordAudit(tx, ctx, { action: 'monitoring.limit_add', targetType: 'residue_limit', targetId: String(row!.id), regionCode: actor.agency.regionCode, after: { ...input, origin } });
    return row!.id;
  });
  return (await limitRows(db, actor, eq(residueLimits.id, id)))[0]!;
}

/** An addition its agency withdraws (a correction is a retirement and a new row): results keep pointing at it. */
export async function retireLimit(db: Db, ctx: CommandContext, id: number) {
  const actor = agencyActorIn(ctx);
  const [row] = await limitRows(db, actor, eq(residueLimits.id, id));
  if (!row) throw monitoringError('LIMIT_NOT_FOUND');
  const [own] = await db.select({ owner: residueLimits.ownerAgencyId }).from(residueLimits).where(eq(residueLimits.id, id));
  if (row.origin === 'reference' || own?.owner !== actor.agency.id) throw monitoringError('LIMIT_NOT_YOURS');
  if (row.retiredAt) throw monitoringError('LIMIT_ALREADY_RETIRED');
  await withTransaction(db, ctx, async (tx) => {
    await tx.update(residueLimits).set({ retiredAt: new Date() }).where(and(eq(residueLimits.id, id), isNull(residueLimits.retiredAt)));
    await recordAudit(tx, ctx, { action: 'monitoring.limit_retire', targetType: 'residue_limit', targetId: String(id), regionCode: actor.agency.regionCode, before: { mrlMgPerKg: row.mrlMgPerKg, standard: row.standard } });
  });
  return (await limitRows(db, actor, eq(residueLimits.id, id)))[0]!;
}

/** The limits' select: readable rows matching `where`, with the analyte's name and how many results each judged. */
function limitSelect(db: Executor, actor: AgencyActor, where: SQL | undefined) {
  return db
    .select({
      l: residueLimits,
      analyteZh: analytes.nameZh,
      results: sql<number>`(SELECT count(*)::int FROM ${sampleResults} r WHERE r.limit_id = ${residueLimits.id})`,
    })
    .from(residueLimits)
    .innerJoin(analytes, eq(analytes.code, residueLimits.analyteCode))
    .where(and(readable(actor, residueLimits), where))
    .$dynamic();
}

/** A few rows by id (one limit, or one reference row's versions, newest first). */
async function limitRows(db: Executor, actor: AgencyActor, where: SQL | undefined) {
  return shapeLimits(db, await limitSelect(db, actor, where).orderBy(asc(residueLimits.analyteCode), asc(residueLimits.classCode), desc(residueLimits.version)));
}

async function shapeLimits(db: Executor, rows: Awaited<ReturnType<typeof limitSelect>>) {
  const names = await agencyNames(db, rows.flatMap((r) => (r.l.ownerAgencyId ? [r.l.ownerAgencyId] : [])));
  return rows.map(({ l, analyteZh, results }) => ({
    id: l.id,
    refId: l.refId,
    version: l.version,
    origin: l.origin as Origin,
    analyteCode: l.analyteCode,
    analyteZh,
    classCode: l.classCode,
    commodityZh: l.commodityZh,
    animal: l.animal,
    speciesZh: l.speciesZh,
    tissueZh: l.tissueZh,
    mrlMgPerKg: l.mrlMgPerKg,
    residueDefinition: l.residueDefinition,
    standard: l.standard,
    clause: l.clause,
    sourceUrl: l.sourceUrl,
    note: l.note,
    retiredAt: l.retiredAt,
    ownerAgencyName: l.ownerAgencyId ? (names.get(l.ownerAgencyId) ?? null) : null,
    createdAt: l.origin === 'reference' ? null : l.createdAt,
    results,
  }));
}

type LimitQuery = { analyteCode?: string | undefined; origin?: Origin | undefined; retired: 'yes' | 'no'; limit: number; cursor?: string | undefined };

/** The limits, by analyte then id, a page at a time; the first page counts the filter. */
export async function referenceLimits(db: Executor, actor: AgencyActor, query: LimitQuery) {
  const where = and(
    query.analyteCode ? eq(residueLimits.analyteCode, query.analyteCode) : undefined,
    query.origin ? eq(residueLimits.origin, query.origin) : undefined,
    query.retired === 'no' ? isNull(residueLimits.retiredAt) : undefined,
  );
  const page = keyset({ sort: residueLimits.analyteCode, id: residueLimits.id, direction: 'asc', limit: query.limit, cursor: query.cursor });
  const rows = await limitSelect(db, actor, and(where, page.where)).orderBy(...page.orderBy).limit(page.take);
  const { items, nextCursor } = page.page(rows, (r) => [r.l.analyteCode, r.l.id]);
  const total = await firstPageTotal(db, query.cursor, () => limitSelect(db, actor, where));
  return { items: await shapeLimits(db, items), nextCursor, ...(total ? { total } : {}) };
}

/** Every version of a reference row (newest first), or the addition itself: what results were judged against when. */
export async function limitHistory(db: Executor, actor: AgencyActor, id: number) {
  const [row] = await db.select({ refId: residueLimits.refId }).from(residueLimits).where(eq(residueLimits.id, id));
  if (!row) throw monitoringError('LIMIT_NOT_FOUND');
  const items = await limitRows(db, actor, row.refId === null ? eq(residueLimits.id, id) : and(isNotNull(residueLimits.refId), inArray(residueLimits.refId, [row.refId])));
  if (items.length === 0) throw monitoringError('LIMIT_NOT_FOUND');
  return { items };
}
