import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { assertFieldPhotos } from '../../platform/files/field-photos.js';
import { todayInChina } from '../../platform/china-time.js';
import { insideChina, recordCaseBadConduct, subjectFacts, subjectIdOfIdentity, subjectVisibility, type SubjectFacts } from '../registry/index.js';
import { takeTransfer, type SupervisionDeps } from '../supervision/index.js';
import { myTaskReceipt, publishTask } from '../tasks/index.js';
import { nextStage, PENALTY_SEVERITY, stageMoveProblem, type CaseStage } from './case-stages.shared.js';
import { caseDetail } from './case.queries.js';
import type { AdvanceIn, CaseIn, CaseOut, CommissionIn, RecordIn } from './contracts.js';
import type { EnforcementDeps } from './deps.js';
import { enforcementError } from './errors.js';
import { enforcementCaseEvents, enforcementCaseRecords, enforcementCases } from './schema.js';
import { caseVisibility } from './visibility.js';

/** The tasks a case may be opened from: enforcement tasks and supervisory sampling (seed 五(四) 二); not a notice. */
const CASE_TASK_KINDS: readonly string[] = ['enforcement', 'supervisory_sampling'];

const CASE_NO_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 案件编号: ZF + the agency's region + the day + 4 random characters (unique index; a clash is one in a million a day). */
function newCaseNo(actor: AgencyActor): string {
  let s = `ZF${actor.agency.regionCode.slice(0, 6)}${todayInChina().replaceAll('-', '')}`;
  for (let i = 0; i < 4; i++) s += CASE_NO_ALPHABET[randomInt(CASE_NO_ALPHABET.length)];
  return s.slice(0, 24);
}

async function subjectInJurisdiction(deps: EnforcementDeps, actor: AgencyActor, id: string): Promise<SubjectFacts> {
  const subject = await subjectFacts(deps.db, id);
  if (!subject) throw enforcementError('SUBJECT_NOT_FOUND');
  if (!subjectVisibility.allows(actor, subject)) throw enforcementError('SUBJECT_OUT_OF_JURISDICTION');
  return subject;
}

/** What another domain writes in the case's opening transaction (a monitoring alert keeps the case opened from it). */
export type CaseOpening = { within?: (tx: Tx, caseId: string) => Promise<void> };

/**
 * 立案: an enforcement agency opens a case from a transfer sent to it (the subject is the inspected one), from a
 * task it received, or on its own. The case starts at 立案 with its first history row.
 */
export async function openCase(deps: EnforcementDeps, ctx: CommandContext, input: CaseIn, opening: CaseOpening = {}): Promise<CaseOut> {
  const actor = agencyActorIn(ctx);
  if (input.transferId && (input.taskId || input.subjectId)) throw enforcementError('CASE_SOURCE_CONFLICT');
  const task = input.taskId ? await myTaskReceipt(deps.db, actor, input.taskId) : null;
  if (task && !CASE_TASK_KINDS.includes(task.kind)) throw enforcementError('TASK_NOT_FOR_CASE', { kind: task.kind });
  const subject = input.subjectId ? await subjectInJurisdiction(deps, actor, input.subjectId) : null;
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const transfer = input.transferId ? await takeTransfer(tx, actor, input.transferId) : null;
    const subjectId = transfer?.subjectId ?? subject?.id ?? null;
    const [row] = await tx
      .insert(enforcementCases)
      .values({
        caseNo: newCaseNo(actor),
        agencyId: actor.agency.id,
        regionCode: transfer?.regionCode ?? subject?.regionCode ?? actor.agency.regionCode,
        subjectId,
        subjectName: transfer?.subjectName ?? subject?.name ?? null,
        source: transfer ? 'transfer' : task ? 'task' : 'own',
        transferId: transfer?.id ?? null,
        taskId: input.taskId ?? null,
        title: input.title,
        summary: input.summary,
        createdBy: actor.userId,
      })
      .returning();
    await transfer?.markTaken(row!.id);
    await tx.insert(enforcementCaseEvents).values({ caseId: row!.id, fromStage: null, toStage: 'filed', note: input.summary.slice(0, 1000), actorId: actor.userId, actorName: actor.displayName });
    await recordAudit(tx, ctx, { action: 'enforcement.case_open', targetType: 'enforcement_case', targetId: row!.id, regionCode: row!.regionCode, after: { caseNo: row!.caseNo, source: row!.source, subjectId } });
    await opening.within?.(tx, row!.id);
    return row!.id;
  });
  return caseDetail(deps.db, actor, id);
}

type CaseRow = typeof enforcementCases.$inferSelect;

/** The case, locked, for its handling agency only; a closed case takes nothing more. */
async function handledCase(tx: Tx, actor: AgencyActor, id: string): Promise<CaseRow> {
  const [row] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, id)).for('update');
  if (!row || !caseVisibility.allows(actor, row)) throw enforcementError('CASE_NOT_FOUND');
  if (row.agencyId !== actor.agency.id) throw enforcementError('NOT_THE_CASE_AGENCY');
  if (row.stage === 'closed') throw enforcementError('CASE_CLOSED');
  return row;
}

/**
 * 执法记录: a note, an on-site record (现场笔录, with the place) or evidence, at the case's current stage. With the
 * subject's identity scanned on site, that identity must be the case's subject (409 IDENTITY_NOT_CASE_SUBJECT).
 */
export async function addCaseRecord(deps: EnforcementDeps, ctx: CommandContext, caseId: string, input: RecordIn): Promise<CaseOut> {
  const actor = agencyActorIn(ctx);
  if ((input.lat === undefined) !== (input.lng === undefined) || (input.lat !== undefined && !insideChina(input.lat, input.lng!))) throw enforcementError('POINT_INVALID', { lat: input.lat, lng: input.lng });
  await assertFieldPhotos(deps.db, actor, input.attachments, () => enforcementError('ATTACHMENT_NOT_FOUND'));
  const scanned = input.identity === undefined ? undefined : ((await subjectIdOfIdentity(deps, input.identity)) ?? null);
  await withTransaction(deps.db, ctx, async (tx) => {
    const c = await handledCase(tx, actor, caseId);
    if (scanned !== undefined && (scanned === null || scanned !== c.subjectId)) throw enforcementError('IDENTITY_NOT_CASE_SUBJECT');
    await tx.insert(enforcementCaseRecords).values({
      caseId,
      stage: c.stage,
      kind: input.kind,
      content: input.content,
      attachments: [...new Set(input.attachments)],
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    await tx.update(enforcementCases).set({ updatedAt: new Date() }).where(eq(enforcementCases.id, caseId));
    await recordAudit(tx, ctx, { action: 'enforcement.case_record', targetType: 'enforcement_case', targetId: caseId, regionCode: c.regionCode, after: { kind: input.kind, stage: c.stage, attachments: input.attachments.length, identityScanned: scanned !== undefined } });
  });
  return caseDetail(deps.db, actor, caseId);
}

/**
 * Moves a case to its next stage, never over one. 处罚决定 states the legal basis, the penalty and the decision;
 * 结案 of a case with a penalty adds to the subject's bad-conduct record, in the same transaction.
 */
export async function advanceCase(deps: EnforcementDeps, ctx: CommandContext, caseId: string, input: AdvanceIn): Promise<CaseOut> {
  const actor = agencyActorIn(ctx);
  if (input.to === 'decision' && (!input.legalBasis || !input.penaltyKind || !input.decision || (input.penaltyKind === 'fine' && !input.penaltyAmount))) {
    throw enforcementError('DECISION_INCOMPLETE');
  }
  await withTransaction(deps.db, ctx, async (tx) => {
    const c = await handledCase(tx, actor, caseId);
    const stage = c.stage as CaseStage;
    const problem = stageMoveProblem(stage, input.to);
    if (problem === 'skipped') throw enforcementError('CASE_STAGE_SKIPPED', { stage, next: nextStage(stage), to: input.to });
    if (problem === 'backwards') throw enforcementError('CASE_STAGE_BACKWARDS', { stage, to: input.to });
    const now = new Date();
    const changes: Partial<CaseRow> = { stage: input.to, updatedAt: now };
    if (input.to === 'decision') Object.assign(changes, { legalBasis: input.legalBasis, penaltyKind: input.penaltyKind, penaltyAmount: input.penaltyKind === 'fine' ? input.penaltyAmount : null, decision: input.decision });
    if (input.to === 'closed') changes.closedAt = now;
    await tx.update(enforcementCases).set(changes).where(eq(enforcementCases.id, caseId));
    await tx.insert(enforcementCaseEvents).values({ caseId, fromStage: stage, toStage: input.to, note: input.note ?? null, actorId: actor.userId, actorName: actor.displayName });
    const severity = input.to === 'closed' && c.penaltyKind ? PENALTY_SEVERITY[c.penaltyKind as keyof typeof PENALTY_SEVERITY] : null;
    if (severity && c.subjectId) {
      await recordCaseBadConduct(tx, {
        subjectId: c.subjectId,
        severity,
        description: `执法案件 ${c.caseNo}：${c.decision ?? c.title}`.slice(0, 1000),
        occurredOn: todayInChina(),
        agencyId: actor.agency.id,
        recordedBy: actor.userId,
      });
    }
    await recordAudit(tx, ctx, {
      action: `enforcement.case_${input.to}`,
      targetType: 'enforcement_case',
      targetId: caseId,
      regionCode: c.regionCode,
      before: { stage },
      after: { stage: input.to, penaltyKind: input.penaltyKind ?? c.penaltyKind, badRecord: Boolean(severity && c.subjectId) },
    });
  });
  return caseDetail(deps.db, actor, caseId);
}

/**
 * 委托检测 (seed 五(四) 四、五): the handling agency sends a supervisory-sampling sheet or a monitoring task to a
 * testing agency of its jurisdiction; it is an ordinary task there (inbox, accept, report), tied to this case, whose
 * page shows the lab's status and report. The rules of who may receive it are the task rules.
 */
export async function commissionTest(deps: EnforcementDeps & SupervisionDeps, ctx: CommandContext, caseId: string, input: CommissionIn): Promise<CaseOut> {
  const actor = agencyActorIn(ctx);
  const [c] = await deps.db.select().from(enforcementCases).where(eq(enforcementCases.id, caseId));
  if (!c || !caseVisibility.allows(actor, c)) throw enforcementError('CASE_NOT_FOUND');
  if (c.agencyId !== actor.agency.id) throw enforcementError('NOT_THE_CASE_AGENCY');
  if (c.stage === 'closed') throw enforcementError('CASE_CLOSED');
  await publishTask(
    deps,
    ctx,
    {
      kind: input.kind,
      title: input.title,
      content: input.content,
      productScope: input.productScope,
      regionScope: c.regionCode,
      targetSubjectIds: c.subjectId ? [c.subjectId] : [],
      startsOn: todayInChina(),
      dueOn: input.dueOn,
      attachments: [],
      recipients: [{ agencyId: input.testingAgencyId }],
    },
    { caseId },
  );
  return caseDetail(deps.db, actor, caseId);
}
