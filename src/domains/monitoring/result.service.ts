import { and, eq } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import type { ResultIn, SampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { judgeResult, overallVerdict, toMgPerKg, type Verdict } from './judge.js';
import { batchAnimalDetails, sampleAnimal } from '../trace/index.js';
import { analytesByCode, applicableLimit, labOf, type LabScope } from './limits.js';
import { canWorkOnSample } from './policies.js';
import { findVisibleSample, sampleDetail, type SampleRow } from './sample.queries.js';
import { sampleReports, sampleResults } from './schema.js';

type JudgedResult = Omit<typeof sampleResults.$inferInsert, 'sampleId' | 'version' | 'id'> & { verdict: Verdict };

/**
 * 检测结果录入 (检验): the lab that took and received the sample enters one result per analyte; each is judged against the
 * maximum residue limit for the analyte and the product's class (or the lab's own limit with the standard it cites).
 * What is entered is a draft of report version 1 awaiting review (审核) and approval (批准) by other people of the lab
 * (review.service.ts): nothing is issued, alerted or shown before approval. A draft sent back is entered again.
 */
export async function enterResults(deps: MonitoringDeps, ctx: CommandContext, id: string, input: { results: ResultIn[] }): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  assertEachAnalyteOnce(input.results);
  await withTransaction(deps.db, ctx, async (tx) => {
    const sample = await lockLabSample(tx, actor, id);
    if (sample.status === 'tested') throw monitoringError('SAMPLE_ALREADY_JUDGED', { reportVersion: sample.reportVersion });
    if (sample.status !== 'received') throw monitoringError('SAMPLE_NOT_RECEIVED', { status: sample.status });
    await writeDraft(tx, ctx, actor, sample, await judgeAll(tx, sample, input.results, labOf(actor)), null);
  });
  return sampleDetail(deps.db, actor, id);
}

/**
 * 更正: an issued report never changes; a correction is the next version, with its reason, judged afresh, and goes
 * through the same review and approval before it replaces the issued one (review.service.ts says what follows).
 */
export async function correctResults(deps: MonitoringDeps, ctx: CommandContext, id: string, input: { results: ResultIn[]; reason: string }): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  assertEachAnalyteOnce(input.results);
  await withTransaction(deps.db, ctx, async (tx) => {
    const sample = await lockLabSample(tx, actor, id);
    if (sample.status !== 'tested') throw monitoringError('SAMPLE_NOT_TESTED', { status: sample.status });
    await writeDraft(tx, ctx, actor, sample, await judgeAll(tx, sample, input.results, labOf(actor)), input.reason);
  });
  return sampleDetail(deps.db, actor, id);
}

/**
 * The draft of the next version with its results: new, or a returned draft entered again (its results replaced, its
 * history kept). A draft still awaiting review or approval is refused: the reviewer is looking at it.
 */
async function writeDraft(tx: Tx, ctx: CommandContext, actor: AgencyActor, sample: SampleRow, judged: JudgedResult[], reason: string | null): Promise<void> {
  const version = sample.reportVersion + 1;
  const [draft] = await tx
    .select()
    .from(sampleReports)
    .where(and(eq(sampleReports.sampleId, sample.id), eq(sampleReports.version, version)));
  if (draft && draft.status !== 'returned') throw monitoringError('REPORT_IN_REVIEW', { version, status: draft.status });
  const verdict = overallVerdict(judged);
  const now = new Date();
  const step = { action: 'entered' as const, by: actor.userId, byName: actor.displayName, at: now.toISOString() };
  const entered = { verdict, reason, status: 'entered', enteredBy: actor.userId, enteredByName: actor.displayName, enteredAt: now, reviewedBy: null, reviewedByName: null, reviewedAt: null };
  if (draft) {
    await tx.delete(sampleResults).where(and(eq(sampleResults.sampleId, sample.id), eq(sampleResults.version, version)));
    await tx
      .update(sampleReports)
      .set({ ...entered, history: [...draft.history, step] })
      .where(eq(sampleReports.id, draft.id));
  } else {
    await tx.insert(sampleReports).values({ sampleId: sample.id, version, ...entered, history: [step] });
  }
  await tx.insert(sampleResults).values(judged.map((j) => ({ ...j, sampleId: sample.id, version })));
  await recordAudit(tx, ctx, {
    action: version === 1 ? 'monitoring.results' : 'monitoring.correct',
    targetType: 'sample',
    targetId: sample.id,
    regionCode: sample.regionCode,
    before: draft ? { reportVersion: version, status: draft.status, returnReason: draft.returnReason } : { reportVersion: sample.reportVersion, verdict: sample.verdict },
    after: {
      reportVersion: version,
      status: 'entered',
      verdict,
      failed: judged.filter((j) => j.verdict === 'fail').map((j) => j.analyteCode),
      overridden: judged.filter((j) => j.limitOverridden).map((j) => j.analyteCode),
      reason,
    },
  });
}

function assertEachAnalyteOnce(results: ResultIn[]): void {
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.analyteCode)) throw monitoringError('ANALYTE_REPEATED', { analyteCode: r.analyteCode });
    seen.add(r.analyteCode);
  }
}

/** The sample, locked, for its lab: one the actor cannot read is not found; one another agency took is refused. */
export async function lockLabSample(tx: Tx, actor: AgencyActor, id: string): Promise<SampleRow> {
  const sample = await findVisibleSample(tx, actor, id, true);
  if (!sample) throw monitoringError('SAMPLE_NOT_FOUND');
  if (!canWorkOnSample(actor, sample)) throw monitoringError('NOT_THE_SAMPLE_AGENCY');
  return sample;
}

/** Each result in mg/kg against its limit: the lab's override (value in the result's unit, with its standard) or the seeded one. */
async function judgeAll(tx: Tx, sample: SampleRow, results: ResultIn[], lab: LabScope): Promise<JudgedResult[]> {
  // An animal product is judged by species and tissue (GB 31650): its batch's when it has one, else its class's.
  const animal = sampleAnimal(sample.classCode, await batchAnimalDetails(tx, sample.batchId));
  const product = { classCode: sample.classCode, productName: sample.productName, classZh: sample.classZh, animal };
  const judged: JudgedResult[] = [];
  const known = await analytesByCode(tx, results.map((r) => r.analyteCode), lab);
  for (const r of results) {
    const analyte = known.get(r.analyteCode);
    if (!analyte) throw monitoringError('UNKNOWN_ANALYTE', { analyteCode: r.analyteCode });
    const valueMgPerKg = toMgPerKg(r.value, r.unit);
    const lodMgPerKg = toMgPerKg(r.lod, r.unit);
    let limit: { limitId: number | null; limitMgPerKg: number | null; limitStandard: string; limitOverridden: boolean };
    if (r.limitOverride) {
      limit = { limitId: null, limitMgPerKg: toMgPerKg(r.limitOverride.value, r.unit), limitStandard: r.limitOverride.standard, limitOverridden: true };
    } else {
      const row = await applicableLimit(tx, r.analyteCode, product, lab);
      if (!row) throw monitoringError('LIMIT_REQUIRED', { analyteCode: r.analyteCode, analyteZh: analyte.nameZh, analyteEn: analyte.nameEn, classCode: sample.classCode, classZh: sample.classZh });
      limit = { limitId: row.id, limitMgPerKg: row.mrlMgPerKg, limitStandard: [row.standard, row.clause].filter(Boolean).join(' ').slice(0, 200), limitOverridden: false };
    }
    const { detected, verdict } = judgeResult({ valueMgPerKg, lodMgPerKg, limitMgPerKg: limit.limitMgPerKg });
    judged.push({ analyteCode: r.analyteCode, methodStandard: r.methodStandard, value: r.value, unit: r.unit, valueMgPerKg, lodMgPerKg, ...limit, detected, verdict });
  }
  return judged;
}

