import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { insideChina } from '../../registry/index.js';
import { regionLevel } from '../../regions/index.js';
import type { RegistryDeps } from '../../registry/index.js';
import type { BaseCorrectionIn, ProductCorrectionIn } from './correction.contracts.js';
import { changedFields, recordCorrection } from './correction-history.js';
import { traceError } from '../errors.js';
import { normaliseGtin } from '../codes/gtin.js';
import { toBaseOut, toProductOut, uniqueOr } from '../master-data/master-data.service.js';
import { batches, productClasses, productionBases, products } from '../schema.js';

// 产品与基地的更正与作废 (issue 15 §5). A product's every field is printed on labels and repeated on the public page
// of each of its batches, so it is corrected only while no batch names it; after that it is voided (no new batch
// may use it) and recorded anew. A base's name and township are what the public page and certificates show as the
// origin, fixed once a batch names it; its street address, area and map point stay correctable.

type Deps = Pick<RegistryDeps, 'db'>;

async function batchesNaming(tx: Tx, column: typeof batches.productId | typeof batches.baseId, id: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(batches).where(eq(column, id));
  return Number(row?.n ?? 0);
}

async function ownProductForUpdate(tx: Tx, subjectId: string, id: string) {
  const [p] = await tx
    .select()
    .from(products)
    .where(and(eq(products.id, id), eq(products.subjectId, subjectId)))
    .for('update');
  if (!p) throw traceError('PRODUCT_NOT_FOUND');
  return p;
}

async function ownBaseForUpdate(tx: Tx, subjectId: string, id: string) {
  const [b] = await tx
    .select()
    .from(productionBases)
    .where(and(eq(productionBases.id, id), eq(productionBases.subjectId, subjectId)))
    .for('update');
  if (!b) throw traceError('BASE_NOT_FOUND');
  return b;
}

const className = async (tx: Tx, code: string) => (await tx.select({ nameZh: productClasses.nameZh }).from(productClasses).where(eq(productClasses.code, code)))[0]?.nameZh;

/** 产品更正: only while no batch names the product. */
export async function correctProduct(deps: Deps, ctx: CommandContext, id: string, input: ProductCorrectionIn) {
  const actor = subjectActorIn(ctx);
  const { reason, ...fields } = input;
  let gtin = fields.gtin;
  if (gtin) {
    const checked = normaliseGtin(gtin);
    if ('problem' in checked) throw traceError('GTIN_INVALID', { problem: checked.problem });
    gtin = checked.gtin;
  }
  if (gtin === '') gtin = null;
  return withTransaction(deps.db, ctx, async (tx) => {
    const p = await ownProductForUpdate(tx, actor.subject.id, id);
    if (p.status === 'voided') throw traceError('PRODUCT_VOIDED');
    const current = { name: p.name, classCode: p.classCode, spec: p.spec, unit: p.unit, brand: p.brand, gtin: p.gtin };
    const { before, after } = changedFields<typeof current>(current, { ...fields, ...(gtin !== undefined ? { gtin } : {}) });
    const changed = Object.keys(after);
    if (changed.length) {
      const n = await batchesNaming(tx, batches.productId, p.id);
      if (n > 0) throw traceError('FIELD_IN_USE', { field: changed[0], because: 'batches', batches: n });
      if (after.classCode !== undefined && !(await className(tx, after.classCode))) throw traceError('PRODUCT_CLASS_NOT_FOUND', { code: after.classCode });
      if (after.gtin && (await tx.select({ id: products.id }).from(products).where(and(eq(products.gtin, after.gtin), ne(products.id, p.id)))).length) throw traceError('GTIN_TAKEN', { gtin: after.gtin });
      await uniqueOr(
        () => tx.update(products).set(after).where(eq(products.id, p.id)),
        () => traceError('PRODUCT_EXISTS', { name: after.name ?? p.name, spec: after.spec ?? p.spec }),
      );
      // A class is kept by its code and shown by its name, as it stood (the history never shows the code).
      const named = async (code: unknown) => (typeof code === 'string' ? { className: (await className(tx, code)) ?? null } : {});
      await recordCorrection(tx, ctx, actor, {
        target: 'product',
        targetId: p.id,
        kind: 'edit',
        before: after.classCode !== undefined ? { ...before, ...(await named(before.classCode)) } : before,
        after: after.classCode !== undefined ? { ...after, ...(await named(after.classCode)) } : after,
        reason,
        regionCode: actor.subject.regionCode,
      });
    }
    const [row] = await tx.select().from(products).where(eq(products.id, p.id));
    return toProductOut(row!, (await className(tx, row!.classCode)) ?? '');
  });
}

/** 产品作废: no new batch may name it; the batches that do keep it. */
export async function voidProduct(deps: Deps, ctx: CommandContext, id: string, input: { reason: string }) {
  const actor = subjectActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const p = await ownProductForUpdate(tx, actor.subject.id, id);
    if (p.status === 'voided') throw traceError('ALREADY_VOIDED');
    const [row] = await tx
      .update(products)
      .set({ status: 'voided', voidedAt: sql`now()`, voidReason: input.reason })
      .where(eq(products.id, p.id))
      .returning();
    await recordCorrection(tx, ctx, actor, { target: 'product', targetId: p.id, kind: 'void', before: { status: p.status }, after: { status: 'voided', voidedAt: row!.voidedAt }, reason: input.reason, regionCode: actor.subject.regionCode });
    return toProductOut(row!, (await className(tx, row!.classCode)) ?? '');
  });
}

/** Fields of a base a batch's origin is told by: fixed once a batch names the base. */
const ORIGIN_FIELDS = ['name', 'regionCode'] as const;

/** 基地更正: its name and township while no batch names it; its address, area and map point at any time. */
export async function correctBase(deps: Deps, ctx: CommandContext, id: string, input: BaseCorrectionIn) {
  const actor = subjectActorIn(ctx);
  const { reason, ...fields } = input;
  if (fields.regionCode !== undefined && (await regionLevel(deps.db, fields.regionCode)) !== 4) throw traceError('REGION_NOT_TOWNSHIP', { regionCode: fields.regionCode });
  return withTransaction(deps.db, ctx, async (tx) => {
    const b = await ownBaseForUpdate(tx, actor.subject.id, id);
    if (b.status === 'voided') throw traceError('BASE_VOIDED');
    const current = { name: b.name, regionCode: b.regionCode, address: b.address, area: b.area, areaUnit: b.areaUnit, lat: b.lat, lng: b.lng };
    const { before, after } = changedFields<typeof current>(current, fields);
    if (Object.keys(after).length) {
      const lat = after.lat ?? b.lat;
      const lng = after.lng ?? b.lng;
      if (!insideChina(lat, lng)) throw traceError('COORDINATES_OUTSIDE_CHINA', { lat, lng });
      const origin = ORIGIN_FIELDS.find((f) => after[f] !== undefined);
      if (origin) {
        const n = await batchesNaming(tx, batches.baseId, b.id);
        if (n > 0) throw traceError('FIELD_IN_USE', { field: origin, because: 'batches', batches: n });
      }
      await uniqueOr(
        () => tx.update(productionBases).set(after).where(eq(productionBases.id, b.id)),
        () => traceError('BASE_EXISTS', { name: after.name }),
      );
      await recordCorrection(tx, ctx, actor, { target: 'base', targetId: b.id, kind: 'edit', before, after, reason, regionCode: after.regionCode ?? b.regionCode });
    }
    const [row] = await tx.select().from(productionBases).where(eq(productionBases.id, b.id));
    return toBaseOut(row!);
  });
}

/** 基地作废: no new batch may come from it; the batches that did keep it as their origin. */
export async function voidBase(deps: Deps, ctx: CommandContext, id: string, input: { reason: string }) {
  const actor = subjectActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const b = await ownBaseForUpdate(tx, actor.subject.id, id);
    if (b.status === 'voided') throw traceError('ALREADY_VOIDED');
    const [row] = await tx
      .update(productionBases)
      .set({ status: 'voided', voidedAt: sql`now()`, voidReason: input.reason })
      .where(eq(productionBases.id, b.id))
      .returning();
    await recordCorrection(tx, ctx, actor, { target: 'base', targetId: b.id, kind: 'void', before: { status: b.status }, after: { status: 'voided', voidedAt: row!.voidedAt }, reason: input.reason, regionCode: b.regionCode });
    return toBaseOut(row!);
  });
}
