import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { todayInChina } from '../../../platform/china-time.js';
import { assertAnimalDetails, batchDetail } from '../batches/batch.service.js';
import type { TransformationIn } from '../contracts.js';
import { traceError } from '../errors.js';
import { recordTraceEvent } from './events.js';
import { sumQuantities, subtractQuantity } from '../quantity.shared.js';
import { products } from '../schema.js';
import { codeType, insertBatch, linkBatches, ownBatchForUpdate, takeFromBatch } from './stock.js';

type Deps = { db: Db; config: Config };

const distinct = (ids: string[]) => new Set(ids).size === ids.length;
/** Locks in a fixed order, so two writers touching the same batches cannot deadlock. */
const inLockOrder = <T extends { batchId: string }>(items: T[]) => [...items].sort((a, b) => a.batchId.localeCompare(b.batchId));

/**
 * 加工: a processor turns quantities of its input batches into an output batch of one of its products (a new
 * production batch, type-1 code), one TransformationEvent linking all of them.
 */
export async function recordTransformation(deps: Deps, ctx: CommandContext, input: TransformationIn) {
  const actor = subjectActorIn(ctx);
  if (!distinct(input.inputs.map((i) => i.batchId))) throw traceError('DUPLICATE_BATCH');
  if (input.output.productionDate > todayInChina()) throw traceError('DATE_IN_FUTURE', { field: 'productionDate' });
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [product] = await tx.select().from(products).where(and(eq(products.id, input.output.productId), eq(products.subjectId, actor.subject.id)));
    if (!product) throw traceError('PRODUCT_NOT_FOUND');
    if (product.unit !== input.output.unit) throw traceError('UNIT_MISMATCH', { expected: product.unit, given: input.output.unit });
    assertAnimalDetails(input.output.animal, input.output.unit, product.classCode, todayInChina());
    const taken = [];
    for (const i of inLockOrder(input.inputs)) {
      const batch = await ownBatchForUpdate(tx, actor.subject.id, i.batchId);
      await takeFromBatch(tx, batch.id, i.quantity, 'ship');
      taken.push({ batch, quantity: i.quantity });
    }
    const out = await insertBatch(tx, deps.config.secretKey, {
      type: 1,
      county: actor.subject.regionCode.slice(0, 6),
      issuerSubjectId: actor.subject.id,
      subjectId: actor.subject.id,
      regionCode: actor.subject.regionCode,
      productId: product.id,
      source: 'process',
      quantity: input.output.quantity,
      unit: input.output.unit,
      harvestDate: input.output.productionDate,
      animal: input.output.animal ?? null,
      createdBy: actor.userId,
    });
    await linkBatches(tx, taken.map((t) => ({ from: t.batch.id, to: out.id, kind: 'transform' as const, quantity: t.quantity })));
    await recordTraceEvent(tx, actor, { eventType: 'TransformationEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active' }, [...taken.map((t) => t.batch.code), out.code], {
      inputs: taken.map((t) => ({ code: t.batch.code, quantity: t.quantity, unit: t.batch.unit })),
      output: { code: out.code, batchId: out.id, quantity: input.output.quantity, unit: input.output.unit, ...(input.output.animal ? { animal: input.output.animal } : {}) },
    });
    return out.id;
  });
  return batchDetail(deps.db, actor, id);
}

/** 拆分: parts of a batch's free stock become batches of their own (same product, dates and code type). */
export async function splitBatch(deps: Deps, ctx: CommandContext, batchId: string, parts: { quantity: number }[]) {
  const actor = subjectActorIn(ctx);
  const ids = await withTransaction(deps.db, ctx, async (tx) => {
    const parent = await ownBatchForUpdate(tx, actor.subject.id, batchId);
    const total = sumQuantities(parts.map((p) => p.quantity));
    await takeFromBatch(tx, parent.id, total, 'ship');
    const made = [];
    for (const p of parts) {
      made.push(
        await insertBatch(tx, deps.config.secretKey, {
          type: codeType(parent.code),
          county: actor.subject.regionCode.slice(0, 6),
          issuerSubjectId: actor.subject.id,
          subjectId: actor.subject.id,
          regionCode: parent.regionCode,
          productId: parent.productId,
          baseId: parent.baseId,
          source: 'split',
          quantity: p.quantity,
          unit: parent.unit,
          harvestDate: parent.harvestDate,
          animal: parent.animal,
          selfCheck: parent.selfCheck,
          selfCheckNote: parent.selfCheckNote,
          createdBy: actor.userId,
        }),
      );
    }
    await linkBatches(tx, made.map((m, i) => ({ from: parent.id, to: m.id, kind: 'split' as const, quantity: parts[i]!.quantity })));
    await recordTraceEvent(tx, actor, { eventType: 'TransformationEvent', action: 'ADD', bizStep: 'repackaging', disposition: 'active' }, [parent.code, ...made.map((m) => m.code)], {
      input: { code: parent.code, quantity: total, unit: parent.unit },
      outputs: made.map((m, i) => ({ code: m.code, batchId: m.id, quantity: parts[i]!.quantity })),
    });
    return made.map((m) => m.id);
  });
  return { parent: await batchDetail(deps.db, actor, batchId), parts: await Promise.all(ids.map((id) => batchDetail(deps.db, actor, id))) };
}

/**
 * 合并: the whole free stock of several batches of one product becomes one batch. It keeps the earliest harvest
 * date (the cautious one for shelf life), and a type-1 code only when every input was a production batch.
 */
export async function mergeBatches(deps: Deps, ctx: CommandContext, batchIds: string[]) {
  const actor = subjectActorIn(ctx);
  if (!distinct(batchIds)) throw traceError('DUPLICATE_BATCH');
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const taken = [];
    for (const { batchId } of inLockOrder(batchIds.map((batchId) => ({ batchId })))) {
      const batch = await ownBatchForUpdate(tx, actor.subject.id, batchId);
      const free = subtractQuantity(batch.stock, batch.frozen);
      if (free <= 0) throw traceError('INSUFFICIENT_STOCK', { batchId, available: 0, requested: 0 });
      taken.push({ batch: await takeFromBatch(tx, batch.id, free, 'ship'), quantity: free, code: batch.code });
    }
    const first = taken[0]!.batch;
    if (taken.some((t) => t.batch.productId !== first.productId || t.batch.unit !== first.unit)) throw traceError('MERGE_MIXED');
    const total = sumQuantities(taken.map((t) => t.quantity));
    const dates = taken.map((t) => t.batch.harvestDate).filter((d): d is string => d !== null).sort();
    const bases = new Set(taken.map((t) => t.batch.baseId));
    // One product's lots keep their animal details when they agree on them (a mix of slaughter days keeps none).
    const animals = new Set(taken.map((t) => JSON.stringify(t.batch.animal ?? null)));
    const out = await insertBatch(tx, deps.config.secretKey, {
      type: taken.every((t) => codeType(t.code) === 1) ? 1 : 2,
      county: actor.subject.regionCode.slice(0, 6),
      issuerSubjectId: actor.subject.id,
      subjectId: actor.subject.id,
      regionCode: actor.subject.regionCode,
      productId: first.productId,
      baseId: bases.size === 1 ? first.baseId : null,
      source: 'merge',
      quantity: total,
      unit: first.unit,
      harvestDate: dates[0] ?? null,
      animal: animals.size === 1 ? first.animal : null,
      createdBy: actor.userId,
    });
    await linkBatches(tx, taken.map((t) => ({ from: t.batch.id, to: out.id, kind: 'merge' as const, quantity: t.quantity })));
    await recordTraceEvent(tx, actor, { eventType: 'TransformationEvent', action: 'ADD', bizStep: 'repackaging', disposition: 'active' }, [...taken.map((t) => t.code), out.code], {
      inputs: taken.map((t) => ({ code: t.code, quantity: t.quantity })),
      output: { code: out.code, batchId: out.id, quantity: total, unit: first.unit },
    });
    return out.id;
  });
  return batchDetail(deps.db, actor, id);
}
