import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.js';
import { activeAgenciesSeatedIn, isGeneral, marketRegulatorsOver, subjectFacts, type AgencyFacts } from '../registry/index.js';
import { holdBatches, holdCandidates, markBatchTested, marketEntryRegions, producingBatchId, recallSnapshot, releaseHeldBatches } from '../trace/index.js';
import { batchHolds, monitoringAlerts, recallOrders, type RecallHolder, type samples } from './schema.js';

/** The most holders an alert copies; `recallTotal` keeps how many there were (the recall list page shows them all). */
export const RECALL_SNAPSHOT_MAX = 500;

type FailedSample = Pick<typeof samples.$inferSelect, 'id' | 'sampleNo' | 'batchId' | 'subjectId' | 'productName' | 'regionCode' | 'originRegion'>;

/**
 * 不合格样品处置, in the transaction that saved the failing verdict (all or nothing with it): the batch is marked
 * failed (the public page warns), the recall list (forward trace) of the batch it was produced in is taken as it
 * stands, and one alert goes to each active supervision and enforcement agency seated in the producer's county and,
 * when it differs, the county the sample was taken in (where the holder sells it). A hand-entered product has no batch: its alerts carry no recall
 * list. Of a county's supervision agencies, the producer's department's is alerted (its general bureau when the county
 * has none); the market regulators of the markets the lot entered are alerted too (issue 21 §3). Answers how many
 * alerts were sent.
 */
export async function respondToFailure(tx: Tx, sample: FailedSample, reportVersion: number): Promise<{ alerts: number; recallTotal: number; held: number }> {
  let recall: { holders: RecallHolder[]; total: number } = { holders: [], total: 0 };
  let held = 0;
  let marketRegions: string[] = [];
  if (sample.batchId) {
    await markBatchTested(tx, sample.batchId, 'fail');
    // From the batch the product was produced in: a sample taken at the end of a chain (a market stall) has no one
    // downstream of it, and everyone who received that product is who a recall must reach.
    const producing = await producingBatchId(tx, sample.batchId);
    recall = await recallSnapshot(tx, producing, RECALL_SNAPSHOT_MAX);
    held = await holdRecallList(tx, sample.id, producing);
    marketRegions = await marketEntryRegions(tx, producing);
  }
  const counties = alertCounties(sample);
  const department = sample.subjectId ? ((await subjectFacts(tx, sample.subjectId))?.department ?? 'agriculture') : 'agriculture';
  const agencies = [...ofDepartment(await activeAgenciesSeatedIn(tx, counties, ['supervision', 'enforcement']), department), ...(await marketRegulatorsOver(tx, marketRegions))];
  if (agencies.length === 0) return { alerts: 0, recallTotal: recall.total, held };
  const title = `不合格样品预警：${sample.productName}（${sample.sampleNo}）`.slice(0, 200);
  const rows = await tx
    .insert(monitoringAlerts)
    .values(
      agencies.map((a) => ({
        agencyId: a.id,
        agencyRegion: a.regionCode,
        sampleId: sample.id,
        reportVersion,
        batchId: sample.batchId,
        subjectId: sample.subjectId,
        title,
        recall: recall.holders,
        recallTotal: recall.total,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: monitoringAlerts.id });
  return { alerts: rows.length, recallTotal: recall.total, held };
}

/**
 * A county's agencies as a failure alerts them: its enforcement agencies, and of its supervision agencies the one of
 * the producer's department, or the general bureau where the county has no agency of that department.
 */
export function ofDepartment(agencies: AgencyFacts[], department: string): AgencyFacts[] {
  return agencies.filter((a) => {
    if (a.kind !== 'supervision') return true;
    const hasOwn = agencies.some((b) => b.kind === 'supervision' && b.regionCode === a.regionCode && b.department === department);
    return hasOwn ? a.department === department : isGeneral(a.department);
  });
}

/** Rows per INSERT of holds: well under the 65,535 parameters of one statement. */
const HOLD_CHUNK = 1000;

/**
 * 同源批次待核查: the producing batch and every batch of its recall list are marked and paused (trace's 'held'; the
 * failed batch itself keeps 'failed'), each with a hold that says who holds it and who can reach that holder.
 * Answers how many batches the sample holds.
 */
async function holdRecallList(tx: Tx, sampleId: string, producingId: string): Promise<number> {
  const candidates = await holdCandidates(tx, producingId);
  for (let i = 0; i < candidates.length; i += HOLD_CHUNK) {
    await tx
      .insert(batchHolds)
      .values(
        candidates.slice(i, i + HOLD_CHUNK).map((c) => ({
          sampleId,
          batchId: c.batchId,
          code: c.code,
          depth: c.depth,
          subjectId: c.subjectId,
          holderName: c.holderName || '未登记持有人',
          regionCode: c.regionCode,
          quantity: c.stock,
          unit: c.unit,
          contactVia: c.subjectId ? 'subject' : c.hasPhone ? 'phone' : c.marketSubjectId ? 'market' : 'none',
          marketSubjectId: c.subjectId || c.hasPhone ? null : c.marketSubjectId,
          status: 'held',
        })),
      )
      .onConflictDoNothing();
  }
  await holdBatches(
    tx,
    candidates.map((c) => c.batchId),
  );
  return candidates.length;
}

/**
 * Ends a sample's open holds ('released' by the county, 'withdrawn' when a correction turned it to a pass): their
 * batches go back to active unless another failed sample still holds them; the sample's recall order is closed.
 * Answers how many holds ended.
 */
export async function endHolds(tx: Tx, sampleId: string, how: 'released' | 'withdrawn', by: string, note: string): Promise<number> {
  const ended = await tx
    .update(batchHolds)
    .set({ status: how, endedAt: new Date(), endedBy: by, endNote: note.slice(0, 500) })
    .where(and(eq(batchHolds.sampleId, sampleId), eq(batchHolds.status, 'held')))
    .returning({ batchId: batchHolds.batchId });
  const ids = ended.map((e) => e.batchId);
  if (ids.length) {
    const still = new Set(
      (
        await tx
          .select({ batchId: batchHolds.batchId })
          .from(batchHolds)
          .where(and(inArray(batchHolds.batchId, ids), eq(batchHolds.status, 'held')))
      ).map((r) => r.batchId),
    );
    await releaseHeldBatches(
      tx,
      ids.filter((id) => !still.has(id)),
    );
  }
  await tx
    .update(recallOrders)
    .set({ closedAt: new Date(), closedHow: how, closeNote: note.slice(0, 500) })
    .where(and(eq(recallOrders.sampleId, sampleId), isNull(recallOrders.closedAt)));
  return ids.length;
}

/** A batch whose own failure was withdrawn stays held while another failed sample's hold on it is open. */
export async function holdIfStillHeld(tx: Tx, batchId: string): Promise<void> {
  const [open] = await tx
    .select({ id: batchHolds.id })
    .from(batchHolds)
    .where(and(eq(batchHolds.batchId, batchId), eq(batchHolds.status, 'held')))
    .limit(1);
  if (open) await holdBatches(tx, [batchId]);
}

/** A correction to a pass withdraws the marks and pauses of the batches the failure held. */
export const withdrawHolds = (tx: Tx, sampleId: string, by: string, note: string) => endHolds(tx, sampleId, 'withdrawn', by, note);

/** The producer's county (when known) and the county the sample was taken in, once each. */
export function alertCounties(sample: Pick<FailedSample, 'regionCode' | 'originRegion'>): string[] {
  const counties = [sample.originRegion, sample.regionCode].filter((c): c is string => c !== null && c.length >= 6).map((c) => c.slice(0, 6));
  return [...new Set(counties)];
}
