import { and, eq, ne } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { markBatchTested } from '../trace/index.js';
import type { SampleOut } from './contracts.js';
import type { MonitoringDeps } from './deps.js';
import { monitoringError } from './errors.js';
import { holdIfStillHeld, respondToFailure, withdrawHolds } from './failure.service.js';
import { isApprover } from './lab.queries.js';
import { lockLabSample } from './result.service.js';
import { sampleDetail, type SampleRow } from './sample.queries.js';
import { sampleReports, samples, type ReportStep } from './schema.js';

// 检验 → 审核 → 批准: a report entered (result.service.ts) is reviewed by another person of the lab, then approved by one
// of its approvers (授权签字人, set by the lab's admin) who neither entered nor reviewed it. Approval issues it: the
// sample's verdict, the batch's mark, the alerts, the holds and the task summary follow it, in its transaction.
// A reviewer or an approver may send the draft back with a reason; it is then entered again as the same version.

type ReportRow = typeof sampleReports.$inferSelect;
type Step = 'review' | 'approve' | 'return';

/** The draft of `version` of a lab's sample, both locked; refused unless it awaits one of `states`. */
async function lockDraft(tx: Tx, actor: AgencyActor, sampleId: string, version: number, step: Step, states: string[]): Promise<{ sample: SampleRow; draft: ReportRow }> {
  const sample = await lockLabSample(tx, actor, sampleId);
  const [draft] = await tx
    .select()
    .from(sampleReports)
    .where(and(eq(sampleReports.sampleId, sampleId), eq(sampleReports.version, version)))
    .for('update');
  if (!draft) throw monitoringError('REPORT_NOT_FOUND');
  if (!states.includes(draft.status)) throw monitoringError('REPORT_NOT_PENDING', { status: draft.status, step });
  return { sample, draft };
}

const stepOf = (actor: AgencyActor, action: ReportStep['action'], reason?: string): ReportStep => ({
  action,
  by: actor.userId,
  byName: actor.displayName,
  at: new Date().toISOString(),
  ...(reason ? { reason } : {}),
});

/** 审核: anyone of the lab but the person who entered it. */
export async function reviewReport(deps: MonitoringDeps, ctx: CommandContext, id: string, version: number): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const { sample, draft } = await lockDraft(tx, actor, id, version, 'review', ['entered']);
    if (draft.enteredBy === actor.userId) throw monitoringError('SAME_PERSON', { step: 'review' });
    const now = new Date();
    await tx
      .update(sampleReports)
      .set({ status: 'reviewed', reviewedBy: actor.userId, reviewedByName: actor.displayName, reviewedAt: now, history: [...draft.history, stepOf(actor, 'reviewed')] })
      .where(eq(sampleReports.id, draft.id));
    await recordAudit(tx, ctx, { action: 'monitoring.review', targetType: 'sample', targetId: id, regionCode: sample.regionCode, before: { reportVersion: version, status: 'entered' }, after: { reportVersion: version, status: 'reviewed' } });
  });
  return sampleDetail(deps.db, actor, id);
}

/**
 * 退回: a reviewer sends back a draft awaiting review (not the person who entered it), an approver one awaiting approval
 * (not its enterer or reviewer); the reason is kept and shown to the lab.
 */
export async function returnReport(deps: MonitoringDeps, ctx: CommandContext, id: string, version: number, reason: string): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const { sample, draft } = await lockDraft(tx, actor, id, version, 'return', ['entered', 'reviewed']);
    if (draft.status === 'entered' && draft.enteredBy === actor.userId) throw monitoringError('SAME_PERSON', { step: 'review' });
    if (draft.status === 'reviewed') await assertMayApprove(tx, actor, draft);
    await tx
      .update(sampleReports)
      .set({ status: 'returned', returnReason: reason, history: [...draft.history, stepOf(actor, 'returned', reason)] })
      .where(eq(sampleReports.id, draft.id));
    await recordAudit(tx, ctx, { action: 'monitoring.return', targetType: 'sample', targetId: id, regionCode: sample.regionCode, before: { reportVersion: version, status: draft.status }, after: { reportVersion: version, status: 'returned', reason } });
  });
  return sampleDetail(deps.db, actor, id);
}

async function assertMayApprove(tx: Tx, actor: AgencyActor, draft: ReportRow): Promise<void> {
  if (!(await isApprover(tx, actor.agency.id, actor.userId))) throw monitoringError('NOT_AN_APPROVER');
  if (draft.enteredBy === actor.userId || draft.reviewedBy === actor.userId) throw monitoringError('SAME_PERSON', { step: 'approve' });
}

/** 批准: issues the reviewed draft — it becomes the sample's report, and everything that follows a verdict follows. */
export async function approveReport(deps: MonitoringDeps, ctx: CommandContext, id: string, version: number): Promise<SampleOut> {
  const actor = agencyActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const { sample, draft } = await lockDraft(tx, actor, id, version, 'approve', ['reviewed']);
    await assertMayApprove(tx, actor, draft);
    await issue(tx, ctx, actor, sample, draft);
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

/**
 * The approved version becomes the sample's report. A failure alerts once: when first issued failing, or when a
 * correction turns a pass into a fail (a correction that fails again does not alert twice: the first alerts stand).
 * A correction that turns a failure into a pass withdraws the batch's mark (unless another sample of it fails) and
 * the marks and pauses of the batches held for this sample; the alerts sent stand as the record of what was known.
 */
async function issue(tx: Tx, ctx: CommandContext, actor: AgencyActor, sample: SampleRow, draft: ReportRow): Promise<void> {
  const version = draft.version;
  const verdict = draft.verdict as 'pass' | 'fail';
  const now = new Date();
  await tx
    .update(sampleReports)
    .set({ status: 'approved', issuedBy: actor.userId, issuedByName: actor.displayName, issuedAt: now, history: [...draft.history, stepOf(actor, 'approved')] })
    .where(eq(sampleReports.id, draft.id));
  await tx.update(samples).set({ status: 'tested', verdict, reportVersion: version, judgedAt: now }).where(eq(samples.id, sample.id));
  const newFailure = verdict === 'fail' && sample.verdict !== 'fail';
  const cleared = verdict === 'pass' && sample.verdict === 'fail';
  const response = newFailure ? await respondToFailure(tx, sample, version) : null;
  let released = 0;
  if (!newFailure && sample.batchId) {
    const withdrawn = cleared && !(await otherSampleFails(tx, sample.batchId, sample.id));
    await markBatchTested(tx, sample.batchId, verdict, { clearFailure: withdrawn });
  }
  if (cleared) {
    released = await withdrawHolds(tx, sample.id, actor.userId, `更正为合格（第 ${version} 版报告）`);
    if (sample.batchId) await holdIfStillHeld(tx, sample.batchId);
  }
  await recordAudit(tx, ctx, {
    action: 'monitoring.approve',
    targetType: 'sample',
    targetId: sample.id,
    regionCode: sample.regionCode,
    before: { reportVersion: sample.reportVersion, verdict: sample.verdict },
    after: { reportVersion: version, verdict, enteredBy: draft.enteredByName, reviewedBy: draft.reviewedByName, alerts: response?.alerts ?? 0, recallTotal: response?.recallTotal ?? null, held: response?.held ?? 0, released },
  });
}
