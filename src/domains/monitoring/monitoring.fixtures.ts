import { randomInt, randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/client.js';
import type { RecallHolder } from './schema.js';
import { analytes, batchHolds, monitoringAlerts, recallOrders, sampleReports, sampleResults, samples } from './schema.js';

// Test fixtures for alerts and summaries: samples, report versions, results and alerts written straight into the
// tables (as the lab's result entry and the failure service would leave them), so these tests do not depend on the
// sampling endpoints' rules.

/** Two analytes of the tests' own (the seeded list may name real ones differently). */
export const FX_ANALYTES = [
  { code: 'fx-procymidone', nameZh: '测试腐霉利', nameEn: 'Test procymidone', kind: 'pesticide', banned: false },
  { code: 'fx-chlorpyrifos', nameZh: '测试毒死蜱', nameEn: 'Test chlorpyrifos', kind: 'pesticide', banned: false },
] as const;

export async function insertFixtureAnalytes(db: Executor): Promise<void> {
  await db.insert(analytes).values([...FX_ANALYTES]).onConflictDoNothing();
}

type Verdict = 'pass' | 'fail';
export type FixtureResult = { analyteCode: string; verdict: Verdict; value?: number };

export type FixtureSample = {
  taskId: string;
  recipientId: string;
  agencyId: string;
  regionCode: string;
  classCode: string;
  classZh: string;
  productName: string;
  subjectId?: string | null;
  subjectName?: string | null;
  batchId?: string | null;
  /** Each report version's results in order (the last one is the latest); none means not tested yet. */
  versions?: FixtureResult[][];
};

const overall = (rs: FixtureResult[]): Verdict => (rs.some((r) => r.verdict === 'fail') ? 'fail' : 'pass');

/** A sample with its report versions; answers its id and number. */
export async function insertSample(db: Executor, s: FixtureSample): Promise<{ id: string; sampleNo: string }> {
  const versions = s.versions ?? [];
  const latest = versions.at(-1);
  const sampleNo = `FX${Date.now().toString(36)}${randomInt(1e9).toString(36)}`.slice(0, 24).toUpperCase();
  const samplerId = randomUUID();
  const [row] = await db
    .insert(samples)
    .values({
      sampleNo,
      taskId: s.taskId,
      recipientId: s.recipientId,
      agencyId: s.agencyId,
      regionCode: s.regionCode,
      code: `1${s.regionCode.slice(0, 6)}${String(randomInt(1e12)).padStart(12, '0')}0`,
      codeType: 1,
      batchId: s.batchId ?? null,
      productName: s.productName,
      classCode: s.classCode,
      classZh: s.classZh,
      subjectId: s.subjectId ?? null,
      subjectName: s.subjectName ?? null,
      originRegion: s.regionCode.slice(0, 6),
      placeKind: 'base',
      placeName: '测试基地',
      quantity: 2,
      unit: 'kg',
      samplerId,
      samplerName: '测试抽样员',
      status: latest ? 'tested' : 'sampled',
      verdict: latest ? overall(latest) : null,
      reportVersion: versions.length,
      judgedAt: latest ? new Date() : null,
    })
    .returning({ id: samples.id });
  const id = row!.id;
  for (const [i, results] of versions.entries()) {
    const version = i + 1;
    await db.insert(sampleReports).values({ sampleId: id, version, verdict: overall(results), reason: version > 1 ? '复核更正' : null, status: 'approved', enteredBy: samplerId, enteredByName: '测试检测员', issuedBy: samplerId, issuedByName: '测试批准人', issuedAt: new Date() });
    await db.insert(sampleResults).values(
      results.map((r) => {
        const value = r.value ?? (r.verdict === 'fail' ? 0.5 : 0.01);
        return {
          sampleId: id,
          version,
          analyteCode: r.analyteCode,
          methodStandard: 'GB 23200.113-2018',
          value,
          unit: 'mg/kg',
          valueMgPerKg: value,
          lodMgPerKg: 0.005,
          limitMgPerKg: 0.2,
          limitStandard: '测试用限量（非标准值）',
          detected: true,
          verdict: r.verdict,
        };
      }),
    );
  }
  return { id, sampleNo };
}

export type FixtureAlert = { agencyId: string; agencyRegion: string; sampleId: string; reportVersion: number; subjectId?: string | null; batchId?: string | null; recall?: RecallHolder[]; recallTotal?: number };

/** One agency's alert of a failed sample, as the failure service writes it. */
export async function insertAlert(db: Executor, a: FixtureAlert): Promise<string> {
  const recall = a.recall ?? [];
  const [row] = await db
    .insert(monitoringAlerts)
    .values({
      agencyId: a.agencyId,
      agencyRegion: a.agencyRegion,
      sampleId: a.sampleId,
      reportVersion: a.reportVersion,
      batchId: a.batchId ?? null,
      subjectId: a.subjectId ?? null,
      title: '抽检不合格预警',
      recall,
      recallTotal: a.recallTotal ?? recall.length,
    })
    .returning({ id: monitoringAlerts.id });
  return row!.id;
}

export type FixtureRecall = {
  sampleId: string;
  alertId: string;
  agencyId: string;
  agencyRegion: string;
  issuedBy: string;
  /** The one batch held, its holder a registered subject (notified on its console). */
  hold: { batchId: string; code: string; subjectId: string; holderName: string; regionCode: string; quantity: number; unit: string };
};

/** A recall order of the alert's sample with one held batch and its holder's notice, as issuing the order leaves them. */
export async function insertRecallOrder(db: Executor, r: FixtureRecall): Promise<{ orderId: string; noticeId: string }> {
  const [order] = await db
    .insert(recallOrders)
    .values({ sampleId: r.sampleId, alertId: r.alertId, agencyId: r.agencyId, agencyRegion: r.agencyRegion, kind: 'recall', instructions: '测试召回', issuedBy: r.issuedBy, issuedByName: '测试签发人' })
    .returning({ id: recallOrders.id });
  const [notice] = await db
    .insert(batchHolds)
    .values({ sampleId: r.sampleId, depth: 0, contactVia: 'subject', status: 'held', orderId: order!.id, ...r.hold })
    .returning({ id: batchHolds.id });
  return { orderId: order!.id, noticeId: notice!.id };
}
