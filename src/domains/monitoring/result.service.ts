import { and, eq, ne } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { markBatchTested } from '../trace/index.js';
import type { ResultIn, SampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { respondToFailure } from './failure.service.js';
import { judgeResult, overallVerdict, toMgPerKg, type Verdict } from './judge.js';
import { analytesByCode, applicableLimit } from './limits.js';
import { canWorkOnSample } from './policies.js';
import { findVisibleSample, sampleDetail, type SampleRow } from './sample.queries.js';
import { sampleReports, sampleResults, samples } from './schema.js';

type JudgedResult = Omit<typeof sampleResults.$inferInsert, 'sampleId' | 'version' | 'id'> & { verdict: Verdict };

/**
 * 检测结果录入: the lab that took and received the sample enters one result per analyte; each is judged against the
 * maximum residue limit for the analyte and the product's class (or the lab's own limit with the standard it cites),
 * and the sample gets its overall verdict and report version 1. Judged once: a later change is a correction.
 */
export async function enterResults(deps: MonitoringDeps, ctx: CommandContext, id: string, input: { results: ResultIn[] }): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  assertEachAnalyteOnce(input.results);
  await withTransaction(deps.db, ctx, async (tx) => {
    const sample = await lockLabSample(tx, actor, id);
    if (sample.status === 'tested') throw monitoringError('SAMPLE_ALREADY_JUDGED', { reportVersion: sample.reportVersion });
    if (sample.status !== 'received') throw monitoringError('SAMPLE_NOT_RECEIVED', { status: sample.status });
    await issueReport(tx, ctx, actor, sample, await judgeAll(tx, sample, input.results), null);
  });
  return sampleDetail(deps.db, actor, id);
}

/**
 * 更正: an issued report never changes; a correction is the next version, with its reason, judged afresh. A correction
 * that turns a pass into a fail sets off the failed-sample response as a first failure does; one that fails again
 * does not alert twice (the alerts of the first failure stand), and one that passes withdraws the batch's mark
 * unless another sample of the batch fails.
 */
export async function correctResults(deps: MonitoringDeps, ctx: CommandContext, id: string, input: { results: ResultIn[]; reason: string }): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  assertEachAnalyteOnce(input.results);
  await withTransaction(deps.db, ctx, async (tx) => {
    const sample = await lockLabSample(tx, actor, id);
    if (sample.status !== 'tested') throw monitoringError('SAMPLE_NOT_TESTED', { status: sample.status });
    await issueReport(tx, ctx, actor, sample, await judgeAll(tx, sample, input.results), input.reason);
  });
  return sampleDetail(deps.db, actor, id);
}

/** Whether another sample of the batch has a failing latest report. */
async function otherSampleFails(tx: Tx, batchId: string, sampleId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: samples.id })
    .from(samples)
    .where(and(eq(samples.batchId, batchId), ne(samples.id, sampleId), eq(samples.verdict, 'fail')))
    .limit(1);
  return Boolean(row);
}

function assertEachAnalyteOnce(results: ResultIn[]): void {
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.analyteCode)) throw monitoringError('ANALYTE_REPEATED', { analyteCode: r.analyteCode });
    seen.add(r.analyteCode);
  }
}

/** The sample, locked, for its lab: one the actor cannot read is not found; one another agency took is refused. */
async function lockLabSample(tx: Tx, actor: AgencyActor, id: string): Promise<SampleRow> {
  const sample = await findVisibleSample(tx, actor, id, true);
  if (!sample) throw monitoringError('SAMPLE_NOT_FOUND');
  if (!canWorkOnSample(actor, sample)) throw monitoringError('NOT_THE_SAMPLE_AGENCY');
  return sample;
}

/** Each result in mg/kg against its limit: the lab's override (value in the result's unit, with its standard) or the seeded one. */
async function judgeAll(tx: Tx, sample: SampleRow, results: ResultIn[]): Promise<JudgedResult[]> {
  const product = { classCode: sample.classCode, productName: sample.productName, classZh: sample.classZh };
  const judged: JudgedResult[] = [];
  const known = await analytesByCode(tx, results.map((r) => r.analyteCode));
  for (const r of results) {
    const analyte = known.get(r.analyteCode);
    if (!analyte) throw monitoringError('UNKNOWN_ANALYTE', { analyteCode: r.analyteCode });
    const valueMgPerKg = toMgPerKg(r.value, r.unit);
    const lodMgPerKg = toMgPerKg(r.lod, r.unit);
    let limit: { limitId: number | null; limitMgPerKg: number | null; limitStandard: string; limitOverridden: boolean };
    if (r.limitOverride) {
      limit = { limitId: null, limitMgPerKg: toMgPerKg(r.limitOverride.value, r.unit), limitStandard: r.limitOverride.standard, limitOverridden: true };
    } else {
      const row = await applicableLimit(tx, r.analyteCode, product);
      if (!row) throw monitoringError('LIMIT_REQUIRED', { analyteCode: r.analyteCode, analyteZh: analyte.nameZh, analyteEn: analyte.nameEn, classCode: sample.classCode, classZh: sample.classZh });
      limit = { limitId: row.id, limitMgPerKg: row.mrlMgPerKg, limitStandard: [row.standard, row.clause].filter(Boolean).join(' ').slice(0, 200), limitOverridden: false };
    }
    const { detected, verdict } = judgeResult({ valueMgPerKg, lodMgPerKg, limitMgPerKg: limit.limitMgPerKg });
    judged.push({ analyteCode: r.analyteCode, methodStandard: r.methodStandard, value: r.value, unit: r.unit, valueMgPerKg, lodMgPerKg, ...limit, detected, verdict });
  }
  return judged;
}

/** Writes the next report version with its results, the sample's verdict, the batch's mark, and on a new failure the response to it. */
async function issueReport(tx: Tx, ctx: CommandContext, actor: AgencyActor, sample: SampleRow, judged: JudgedResult[], reason: string | null): Promise<void> {
  const version = sample.reportVersion + 1;
  const verdict = overallVerdict(judged);
  const now = new Date();
  await tx.insert(sampleReports).values({ sampleId: sample.id, version, verdict, reason, issuedBy: actor.userId, issuedByName: actor.displayName, issuedAt: now });
  await tx.insert(sampleResults).values(judged.map((j) => ({ ...j, sampleId: sample.id, version })));
  await tx.update(samples).set({ status: 'tested', verdict, reportVersion: version, judgedAt: now }).where(eq(samples.id, sample.id));
  // A failure alerts once: when first judged failing, or when a correction turns a pass into a fail.
  const newFailure = verdict === 'fail' && sample.verdict !== 'fail';
  const response = newFailure ? await respondToFailure(tx, sample, version) : null;
  if (!newFailure && sample.batchId) {
    // A correction that turns this sample's failure into a pass withdraws the batch's mark, unless another sample of
    // the batch still fails; the alerts sent stand as the record of what was known then.
    const withdrawn = verdict === 'pass' && sample.verdict === 'fail' && !(await otherSampleFails(tx, sample.batchId, sample.id));
    await markBatchTested(tx, sample.batchId, verdict, { clearFailure: withdrawn });
  }
  await recordAudit(tx, ctx, {
    action: version === 1 ? 'monitoring.results' : 'monitoring.correct',
    targetType: 'sample',
    targetId: sample.id,
    regionCode: sample.regionCode,
    before: version === 1 ? { status: sample.status } : { reportVersion: sample.reportVersion, verdict: sample.verdict },
    after: {
      reportVersion: version,
      verdict,
      failed: judged.filter((j) => j.verdict === 'fail').map((j) => j.analyteCode),
      overridden: judged.filter((j) => j.limitOverridden).map((j) => j.analyteCode),
      reason,
      alerts: response?.alerts ?? 0,
      recallTotal: response?.recallTotal ?? null,
    },
  });
}
