import type { Tx } from '../../platform/db/client.js';
import { activeAgenciesSeatedIn } from '../registry/index.js';
import { markBatchTested, producingBatchId, recallSnapshot } from '../trace/index.js';
import { monitoringAlerts, type RecallHolder, type samples } from './schema.js';

/** The most holders an alert copies; `recallTotal` keeps how many there were (the recall list page shows them all). */
export const RECALL_SNAPSHOT_MAX = 500;

type FailedSample = Pick<typeof samples.$inferSelect, 'id' | 'sampleNo' | 'batchId' | 'subjectId' | 'productName' | 'regionCode' | 'originRegion'>;

/**
 * 不合格样品处置, in the transaction that saved the failing verdict (all or nothing with it): the batch is marked
 * failed (the public page warns), the recall list (forward trace) of the batch it was produced in is taken as it
 * stands, and one alert goes to each active supervision and enforcement agency seated in the producer's county and,
 * when it differs, the county the sample was taken in (where the holder sells it). A hand-entered product has no batch: its alerts carry no recall
 * list. Answers how many alerts were sent.
 */
export async function respondToFailure(tx: Tx, sample: FailedSample, reportVersion: number): Promise<{ alerts: number; recallTotal: number }> {
  let recall: { holders: RecallHolder[]; total: number } = { holders: [], total: 0 };
  if (sample.batchId) {
    await markBatchTested(tx, sample.batchId, 'fail');
    // From the batch the product was produced in: a sample taken at the end of a chain (a market stall) has no one
    // downstream of it, and everyone who received that product is who a recall must reach.
    recall = await recallSnapshot(tx, await producingBatchId(tx, sample.batchId), RECALL_SNAPSHOT_MAX);
  }
  const counties = alertCounties(sample);
  const agencies = await activeAgenciesSeatedIn(tx, counties, ['supervision', 'enforcement']);
  if (agencies.length === 0) return { alerts: 0, recallTotal: recall.total };
  const title = `不合格样品预警:${sample.productName}(${sample.sampleNo})`.slice(0, 200);
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
  return { alerts: rows.length, recallTotal: recall.total };
}

/** The producer's county (when known) and the county the sample was taken in, once each. */
export function alertCounties(sample: Pick<FailedSample, 'regionCode' | 'originRegion'>): string[] {
  const counties = [sample.originRegion, sample.regionCode].filter((c): c is string => c !== null && c.length >= 6).map((c) => c.slice(0, 6));
  return [...new Set(counties)];
}
