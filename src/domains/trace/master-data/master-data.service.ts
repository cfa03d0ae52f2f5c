import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/client.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { insideChina } from '../../registry/index.js';
import { regionLevel } from '../../regions/index.js';
import type { FieldProductWriter, RegistryDeps } from '../../registry/index.js';
import { traceError } from '../errors.js';
import { normaliseGtin } from '../codes/gtin.js';
import { productClasses, productionBases, products } from '../schema.js';

type Deps = Pick<RegistryDeps, 'db'>;
type PageQuery = { limit: number; cursor?: string | undefined };
type BaseInput = { name: string; regionCode: string; address: string; area?: number | undefined; areaUnit?: string | undefined; lat: number; lng: number };
type ProductInput = { name: string; classCode: string; spec: string; unit: string; brand?: string | undefined; gtin?: string | undefined };

export const uniqueOr = async <T>(run: () => Promise<T>, error: () => Error): Promise<T> => {
  try {
    return await run();
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw error();
    throw err;
  }
};

const voidedOf = (r: { voidedAt: Date | null; voidReason: string | null }) => (r.voidedAt ? { at: r.voidedAt, reason: r.voidReason ?? '' } : null);

export const toBaseOut = (b: typeof productionBases.$inferSelect) => ({
  id: b.id,
  name: b.name,
  regionCode: b.regionCode,
  address: b.address,
  area: b.area,
  areaUnit: b.areaUnit,
  lat: b.lat,
  lng: b.lng,
  status: b.status,
  voided: voidedOf(b),
  createdAt: b.createdAt,
});

export const toProductOut = (p: typeof products.$inferSelect, className: string) => ({
  id: p.id,
  name: p.name,
  classCode: p.classCode,
  className,
  spec: p.spec,
  unit: p.unit,
  brand: p.brand,
  gtin: p.gtin,
  showcased: p.showcased,
  status: p.status,
  voided: voidedOf(p),
  createdAt: p.createdAt,
});

/** 基地登记: a base of the acting subject, located down to its township and to a map point. */
export async function addBase(deps: Deps, ctx: CommandContext, input: BaseInput) {
  const actor = subjectActorIn(ctx);
  if ((await regionLevel(deps.db, input.regionCode)) !== 4) throw traceError('REGION_NOT_TOWNSHIP', { regionCode: input.regionCode });
  if (!insideChina(input.lat, input.lng)) throw traceError('COORDINATES_OUTSIDE_CHINA', { lat: input.lat, lng: input.lng });
  return withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await uniqueOr(
      () =>
        tx
          .insert(productionBases)
          .values({ ...input, area: input.area ?? null, areaUnit: input.areaUnit ?? null, subjectId: actor.subject.id, createdBy: actor.userId })
          .returning(),
      () => traceError('BASE_EXISTS', { name: input.name }),
    );
    await recordAudit(tx, ctx, { action: 'trace.base_add', targetType: 'production_base', targetId: row!.id, regionCode: input.regionCode, after: { ...input } });
    return toBaseOut(row!);
  });
}

export function listBases(deps: Deps, actor: SubjectActor, q: PageQuery) {
  return basesOfSubject(deps.db, actor.subject.id, q);
}

/** One subject's bases, newest first: its own list, and a part of its file for officials (after their jurisdiction check). */
export async function basesOfSubject(db: Executor, subjectId: string, q: PageQuery) {
  const page = keyset({ sort: productionBases.createdAt, id: productionBases.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const mine = eq(productionBases.subjectId, subjectId);
  const [rows, total] = await Promise.all([
    db.select().from(productionBases).where(and(mine, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: productionBases.id }).from(productionBases).where(mine).$dynamic()),
  ]);
  const result = page.page(rows, (b) => [b.createdAt, b.id]);
  return { items: result.items.map(toBaseOut), nextCursor: result.nextCursor, ...totalField(total) };
}

/**
 * The products an inspector records with an unregistered producer (a temporary subject), in the registry's
 * transaction: each a class of the classification (else 404 PRODUCT_CLASS_NOT_FOUND, nothing written), with no
 * specification yet and counted in kg until the producer, once registered, adds its own. A name it already has is
 * kept as it is, so recording the same producer again adds only what is new.
 */
export const recordFieldProducts: FieldProductWriter = async (tx, subjectId, createdBy, list) => {
  const codes = [...new Set(list.map((p) => p.classCode))];
  const known = new Set((await tx.select({ code: productClasses.code }).from(productClasses).where(inArray(productClasses.code, codes))).map((r) => r.code));
  const missing = codes.find((c) => !known.has(c));
  if (missing) throw traceError('PRODUCT_CLASS_NOT_FOUND', { code: missing });
  await tx
    .insert(products)
    .values(list.map((p) => ({ subjectId, name: p.name, classCode: p.classCode, spec: '', unit: 'kg', createdBy })))
    .onConflictDoNothing();
};

/** 产品登记: a product in a class of the classification, with a GTIN whose check digit is right. */
export async function addProduct(deps: Deps, ctx: CommandContext, input: ProductInput) {
  const actor = subjectActorIn(ctx);
  let gtin: string | null = null;
  if (input.gtin) {
    const checked = normaliseGtin(input.gtin);
    if ('problem' in checked) throw traceError('GTIN_INVALID', { problem: checked.problem });
    gtin = checked.gtin;
  }
  return withTransaction(deps.db, ctx, async (tx) => {
    const [cls] = await tx.select({ nameZh: productClasses.nameZh }).from(productClasses).where(eq(productClasses.code, input.classCode));
    if (!cls) throw traceError('PRODUCT_CLASS_NOT_FOUND', { code: input.classCode });
    if (gtin && (await tx.select({ id: products.id }).from(products).where(eq(products.gtin, gtin))).length) throw traceError('GTIN_TAKEN', { gtin });
    const [row] = await uniqueOr(
      () =>
        tx
          .insert(products)
          .values({ ...input, brand: input.brand ?? null, gtin, subjectId: actor.subject.id, createdBy: actor.userId })
          .returning(),
      () => traceError('PRODUCT_EXISTS', { name: input.name, spec: input.spec }),
    );
    await recordAudit(tx, ctx, { action: 'trace.product_add', targetType: 'product', targetId: row!.id, regionCode: actor.subject.regionCode, after: { ...input, gtin } });
    return toProductOut(row!, cls.nameZh);
  });
}

export function listProducts(deps: Deps, actor: SubjectActor, q: PageQuery) {
  return productsOfSubject(deps.db, actor.subject.id, q);
}

/** One subject's products, newest first (its own list, and a part of its file for officials). */
export async function productsOfSubject(db: Executor, subjectId: string, q: PageQuery) {
  const page = keyset({ sort: products.createdAt, id: products.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const mine = eq(products.subjectId, subjectId);
  const [rows, total] = await Promise.all([
    db
      .select({ p: products, className: productClasses.nameZh })
      .from(products)
      .innerJoin(productClasses, eq(productClasses.code, products.classCode))
      .where(and(mine, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    // Every product has its class (a foreign key), so the count needs no join.
    firstPageTotal(db, q.cursor, () => db.select({ id: products.id }).from(products).where(mine).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.p.createdAt, r.p.id]);
  return { nextCursor: result.nextCursor, items: result.items.map(({ p, className }) => toProductOut(p, className)), ...totalField(total) };
}
