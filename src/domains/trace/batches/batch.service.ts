import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { todayInChina } from '../../../platform/china-time.js';
import { codeKey, issueCodes } from '../codes/code-issue.service.js';
import { animalDetailsProblem, isAnimalBatch, type AnimalDetails } from '../animal.shared.js';
import type { BatchIn } from '../contracts.js';
import { traceError } from '../errors.js';
import { recordTraceEvent } from '../movements/events.js';
import { batches, batchInputs, productionBases, products } from '../schema.js';

type Deps = { db: Db; config: Config };

/** Today in China (UTC+8), the calendar the dates are written in. */

/**
 * 批次登记 (自产): a batch of one of the subject's products, from one of its bases, with its inputs and self-check.
 * It gets a type-1 code (生产批次码) in the same transaction, and writes its ObjectEvent (ADD, commissioning).
 */
export async function recordBatch(deps: Deps, ctx: CommandContext, input: BatchIn) {
  const actor = subjectActorIn(ctx);
  const today = todayInChina();
  if (input.harvestDate > today) throw traceError('DATE_IN_FUTURE', { field: 'harvestDate' });
  for (const i of input.inputs) {
    if (i.appliedOn > today) throw traceError('DATE_IN_FUTURE', { field: 'appliedOn' });
    if (i.appliedOn > input.harvestDate) throw traceError('INPUT_AFTER_HARVEST', { input: i.name });
  }
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [product] = await tx.select().from(products).where(and(eq(products.id, input.productId), eq(products.subjectId, actor.subject.id)));
    if (!product) throw traceError('PRODUCT_NOT_FOUND');
    if (product.status === 'voided') throw traceError('PRODUCT_VOIDED');
    if (product.unit !== input.unit) throw traceError('UNIT_MISMATCH', { expected: product.unit, given: input.unit });
    assertAnimalDetails(input.animal, input.unit, product.classCode, today);
    if (input.baseId) {
      const [base] = await tx.select({ id: productionBases.id, status: productionBases.status }).from(productionBases).where(and(eq(productionBases.id, input.baseId), eq(productionBases.subjectId, actor.subject.id)));
      if (!base) throw traceError('BASE_NOT_FOUND');
      if (base.status === 'voided') throw traceError('BASE_VOIDED');
    }
    const batchId = randomUUID();
    const [code] = await issueCodes(tx, codeKey(deps.config.secretKey), { type: 1, county: actor.subject.regionCode.slice(0, 6), n: 1, subjectId: actor.subject.id, batchId });
    const [row] = await tx
      .insert(batches)
      .values({
        id: batchId,
        code: code!,
        subjectId: actor.subject.id,
        regionCode: actor.subject.regionCode,
        productId: product.id,
        baseId: input.baseId ?? null,
        source: 'own',
        quantity: input.quantity,
        unit: input.unit,
        stock: input.quantity,
        harvestDate: input.harvestDate,
        animal: input.animal ?? null,
        variety: input.variety ?? null,
        soilNote: input.soilNote ?? null,
        waterNote: input.waterNote ?? null,
        selfCheck: input.selfCheck.result,
        selfCheckNote: input.selfCheck.note ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: batches.id });
    if (input.inputs.length) await tx.insert(batchInputs).values(input.inputs.map((i) => ({ ...i, batchId: row!.id })));
    await recordTraceEvent(tx, actor, { eventType: 'ObjectEvent', action: 'ADD', bizStep: 'commissioning', disposition: 'active' }, [code!], {
      batchId: row!.id,
      productId: product.id,
      productClass: product.classCode,
      quantity: input.quantity,
      unit: input.unit,
      baseId: input.baseId ?? null,
      harvestDate: input.harvestDate,
      selfCheck: input.selfCheck.result,
      inputs: input.inputs.length,
      ...(input.animal ? { animal: input.animal } : {}),
      ...(input.variety ? { variety: input.variety } : {}),
      ...(input.soilNote ? { soilNote: input.soilNote } : {}),
      ...(input.waterNote ? { waterNote: input.waterNote } : {}),
    });
    return row!.id;
  });
  return batchDetail(deps.db, actor, id);
}

/** Animal details go with live animals and animal products only, and say nothing impossible (animal.shared.ts). */
export function assertAnimalDetails(animal: AnimalDetails | undefined, unit: string, classCode: string, today: string): void {
  if (!animal) return;
  if (!isAnimalBatch(unit, classCode)) throw traceError('ANIMAL_DETAILS_NOT_ANIMAL');
  const problem = animalDetailsProblem(animal, unit, today);
  if (problem) throw traceError(problem);
}

export async function batchDetail(db: Executor, actor: SubjectActor, id: string) {
  const [row] = await db
    .select({ b: batches, productName: products.name })
    .from(batches)
    .innerJoin(products, eq(products.id, batches.productId))
    .where(and(eq(batches.id, id), eq(batches.subjectId, actor.subject.id)));
  if (!row) throw traceError('BATCH_NOT_FOUND');
  const inputs = await db.select().from(batchInputs).where(eq(batchInputs.batchId, id));
  return toBatchOut(row.b, row.productName, inputs);
}

function toBatchOut(b: typeof batches.$inferSelect, productName: string, inputs: (typeof batchInputs.$inferSelect)[]) {
  return {
    id: b.id,
    code: b.code,
    productId: b.productId,
    productName,
    baseId: b.baseId,
    source: b.source,
    quantity: b.quantity,
    unit: b.unit,
    stock: b.stock,
    frozen: b.frozen,
    harvestDate: b.harvestDate,
    animal: b.animal ?? null,
    variety: b.variety,
    soilNote: b.soilNote,
    waterNote: b.waterNote,
    selfCheck: b.selfCheck,
    status: b.status,
    voided: b.voidedAt ? { at: b.voidedAt, reason: b.voidReason ?? '' } : null,
    selfCheckNote: b.selfCheckNote,
    certified: b.certifiedAt !== null,
    createdAt: b.createdAt,
    inputs: inputs.map((i) => ({ kind: i.kind, name: i.name, dose: i.dose, doseUnit: i.doseUnit, appliedOn: i.appliedOn })),
  };
}
