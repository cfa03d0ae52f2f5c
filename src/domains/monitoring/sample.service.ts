import { eq, like, sql } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { lockStream, withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { escapeLike } from '../../platform/db/rows.js';
import { regionWithin } from '../../platform/auth/visibility.js';
import { assertFieldPhotos } from '../../platform/files/field-photos.js';
import { todayInChina } from '../../platform/china-time.js';
import { insideChina } from '../registry/index.js';
import { countTaskWork, lockTaskReceipt } from '../tasks/index.js';
import { issueTemporaryProductCode, productClassByCode, sampleFactsOfCode } from '../trace/index.js';
import type { SampleFacts, SampleIn, SampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { canWorkOnSample, samplingRefusal } from './policies.js';
import { findVisibleSample, sampleDetail } from './sample.queries.js';
import { samples } from './schema.js';

/**
 * 抽样: a sampler of a testing agency records a sample under a task the agency accepted. A scanned code fills the
 * sheet from trace (product, class, batch, holder, producer's county, chain) as it stands now; a product without a
 * code, entered by hand, gets a temporary product code (type 5) in the county it was sampled in. The sample counts
 * one done for the agency's task. Everything is read and checked inside the transaction that writes, so a refusal
 * writes nothing (not even a temporary code) and a retried POST with its Idempotency-Key writes once.
 */
export async function createSample(deps: MonitoringDeps, ctx: CommandContext, input: SampleIn): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  if (actor.agency.kind !== 'testing') throw monitoringError('NOT_A_TESTING_AGENCY');
  if ((input.lat === undefined) !== (input.lng === undefined) || (input.lat !== undefined && !insideChina(input.lat, input.lng!))) throw monitoringError('SAMPLE_POINT_INVALID');

  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const receipt = await lockTaskReceipt(tx, actor, input.taskId);
    const refusal = samplingRefusal(actor, receipt);
    if (refusal) throw monitoringError(refusal, { status: receipt.status, kind: receipt.kind });
    if (!regionWithin(input.regionCode, receipt.regionScope)) throw monitoringError('REGION_OUTSIDE_TASK_SCOPE', { regionScope: receipt.regionScope, regionCode: input.regionCode });
    await assertFieldPhotos(tx, actor, input.photos, () => monitoringError('SAMPLE_PHOTO_NOT_FOUND'));
    const product = input.code ? await sampleFactsOfCode(tx, input.code) : await manualProduct(deps, tx, input);
    const sampleNo = await nextSampleNo(tx, actor);
    const [row] = await tx
      .insert(samples)
      .values({
        sampleNo,
        taskId: receipt.taskId,
        recipientId: receipt.recipientId,
        agencyId: actor.agency.id,
        regionCode: input.regionCode,
        code: product.code,
        codeType: product.codeType,
        batchId: product.batchId,
        productName: product.productName,
        classCode: product.classCode,
        classZh: product.classZh,
        subjectId: product.subjectId,
        subjectName: product.subjectName,
        originRegion: product.originRegion,
        chain: product.chain,
        placeKind: input.placeKind,
        placeName: input.placeName,
        quantity: input.quantity,
        unit: input.unit,
        sealNo: input.sealNo ?? null,
        witnesses: input.witnesses,
        photos: [...new Set(input.photos)],
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        note: input.note ?? null,
        samplerId: actor.userId,
        samplerName: actor.displayName,
      })
      .returning({ id: samples.id });
    await countTaskWork(tx, actor, receipt, `抽样 ${sampleNo} ${product.productName}`);
    await recordAudit(tx, ctx, {
      action: 'monitoring.sample',
      targetType: 'sample',
      targetId: row!.id,
      regionCode: input.regionCode,
      after: { sampleNo, taskId: receipt.taskId, code: product.code, codeType: product.codeType, batchId: product.batchId, placeKind: input.placeKind, quantity: input.quantity, unit: input.unit },
    });
    return row!.id;
  });
  return sampleDetail(deps.db, actor, id);
}

/** A product without a code, as the sampler entered it: its class must be one of the classification, and it gets a type-5 code. */
async function manualProduct(deps: MonitoringDeps, tx: Tx, input: SampleIn): Promise<SampleFacts> {
  const manual = input.manual!;
  const productClass = await productClassByCode(tx, manual.classCode);
  if (!productClass) throw monitoringError('UNKNOWN_PRODUCT_CLASS', { classCode: manual.classCode });
  const code = await issueTemporaryProductCode(tx, deps.config.secretKey, input.regionCode.slice(0, 6));
  return {
    code,
    codeType: 5,
    batchId: null,
    productName: manual.productName,
    classCode: productClass.code,
    classZh: productClass.nameZh,
    subjectId: null,
    subjectName: manual.subjectName ?? null,
    originRegion: manual.originRegion ?? null,
    chain: [],
  };
}

/**
 * 抽样单编号: the lab's region (6 digits, GB/T 2260), the day in China and a sequence of that region and day, as
 * 370783-20261129-0001 — read aloud and written on the sealed bag. Numbers of a region and day are handed out one
 * at a time (an advisory lock until the transaction ends), so two samplers never draw the same one.
 */
async function nextSampleNo(tx: Tx, actor: AgencyActor): Promise<string> {
  const prefix = `${actor.agency.regionCode.slice(0, 6).padEnd(6, '0')}-${todayInChina().replaceAll('-', '')}-`;
  await lockStream(tx, `sample_no:${prefix}`);
  const [row] = await tx
    .select({ last: sql<number | string | null>`max(substr(${samples.sampleNo}, ${prefix.length + 1})::int)` })
    .from(samples)
    .where(like(samples.sampleNo, `${escapeLike(prefix)}%`));
  return `${prefix}${String(Number(row?.last ?? 0) + 1).padStart(4, '0')}`;
}

/** 样品交接: the lab that took the sample receives it (who, when, the state it arrived in); only once, from 'sampled'. */
export async function receiveSample(deps: MonitoringDeps, ctx: CommandContext, id: string, input: { note?: string | undefined }): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const sample = await findVisibleSample(tx, actor, id, true);
    if (!sample) throw monitoringError('SAMPLE_NOT_FOUND');
    if (!canWorkOnSample(actor, sample)) throw monitoringError('NOT_THE_SAMPLE_AGENCY');
    if (sample.status !== 'sampled') throw monitoringError('SAMPLE_ALREADY_RECEIVED', { status: sample.status });
    const now = new Date();
    await tx
      .update(samples)
      .set({ status: 'received', receivedBy: actor.userId, receivedByName: actor.displayName, receivedAt: now, receivedNote: input.note ?? null })
      .where(eq(samples.id, id));
    await recordAudit(tx, ctx, { action: 'monitoring.receive', targetType: 'sample', targetId: id, regionCode: sample.regionCode, before: { status: sample.status }, after: { status: 'received', note: input.note ?? null } });
  });
  return sampleDetail(deps.db, actor, id);
}
