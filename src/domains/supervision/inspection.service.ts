import { and, eq } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { httpError } from '../../platform/http/errors.js';
import { regionWithin } from '../../platform/auth/visibility.js';
import { assertFieldPhotos } from '../../platform/files/field-photos.js';
import { todayInChina } from '../../platform/china-time.js';
import { insideChina, subjectFacts, subjectVisibility } from '../registry/index.js';
import { countTaskWork, lockOwnReceipt, tasksError } from '../tasks/index.js';
import { effectiveChecklist } from './checklist.service.js';
import type { InspectionIn, InspectionOut } from './contracts.js';
import type { SupervisionDeps } from './deps.js';
import { supervisionError } from './errors.js';
import { inspectionDetail } from './inspection.queries.js';
import { inspections, type ChecklistAnswer } from './schema.js';
import { inspectionVisibility } from './visibility.js';

/**
 * 基地巡查: an inspector records a visit to a subject of the jurisdiction (registered, suspended, or temporary —
 * recorded in the field first). The checklist is the province's template of the industry, answered item by item;
 * photos were uploaded before. Done under a task, it counts as one done for the agency's task.
 */
export async function recordInspection(deps: SupervisionDeps, ctx: CommandContext, input: InspectionIn): Promise<InspectionOut> {
  const actor = agencyActorIn(ctx);
  const subject = await subjectFacts(deps.db, input.subjectId);
  if (!subject) throw supervisionError('SUBJECT_NOT_FOUND');
  if (!subjectVisibility.allows(actor, subject)) throw supervisionError('SUBJECT_OUT_OF_JURISDICTION');
  const template = await effectiveChecklist(deps.db, subject.regionCode.slice(0, 2), input.industry);
  const checklist = answerChecklist(template.items, input.answers);
  assertInspectionDone(input, checklist);
  await assertFieldPhotos(deps.db, actor, input.photos, () => supervisionError('PHOTO_NOT_FOUND'));
  if (input.rectifyBy !== undefined && (input.conclusion !== 'problem' || input.rectifyBy <= todayInChina())) throw supervisionError('RECTIFY_DATE_INVALID');
  if ((input.lat === undefined) !== (input.lng === undefined)) throw httpError('VALIDATION_FAILED', { issues: [{ where: 'body', path: 'lat', message: 'lat and lng come together' }] });
  if (input.lat !== undefined && !insideChina(input.lat, input.lng!)) throw supervisionError('POINT_OUTSIDE_CHINA', { lat: input.lat, lng: input.lng });

  const id = await withTransaction(deps.db, ctx, async (tx) => {
    if (input.followUpOf) await closeRectification(tx, actor, input.followUpOf, input.subjectId, input.conclusion);
    const recipientId = input.taskId ? await countForTask(tx, actor, input.taskId, subject) : null;
    const [row] = await tx
      .insert(inspections)
      .values({
        subjectId: subject.id,
        subjectName: subject.name,
        regionCode: subject.regionCode,
        department: subject.department,
        recipientId,
        agencyId: actor.agency.id,
        inspectorId: actor.userId,
        inspectorName: actor.displayName,
        industry: input.industry,
        checklist,
        photos: [...new Set(input.photos)],
        noPhotoReason: input.photos.length === 0 ? input.noPhotoReason! : null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        noPointReason: input.lat === undefined ? input.noPointReason! : null,
        findings: input.findings ?? null,
        conclusion: input.conclusion,
        rectifyBy: input.rectifyBy ?? null,
        rectification: input.rectifyBy ? 'pending' : 'none',
        followUpOf: input.followUpOf ?? null,
      })
      .returning({ id: inspections.id });
    await recordAudit(tx, ctx, {
      action: 'supervision.inspect',
      targetType: 'inspection',
      targetId: row!.id,
      regionCode: subject.regionCode,
      after: {
        subjectId: subject.id,
        conclusion: input.conclusion,
        failed: checklist.filter((c) => c.result === 'fail').map((c) => c.key),
        rectifyBy: input.rectifyBy ?? null,
        // What else this write changed: the rectification it followed up, the task it counted for.
        followUpOf: input.followUpOf ?? null,
        rectified: Boolean(input.followUpOf) && input.conclusion === 'compliant',
        taskId: input.taskId ?? null,
      },
    });
    return row!.id;
  });
  return inspectionDetail(deps.db, actor, id);
}

/**
 * Every item of the template answered once, nothing else: an item left out is unanswered (named in the error); a key
 * the template does not have, or one answered twice, means a checklist filled against an old template.
 */
function answerChecklist(items: { key: string; zh: string; en: string }[], answers: InspectionIn['answers']): ChecklistAnswer[] {
  const byKey = new Map(answers.map((a) => [a.key, a]));
  const known = new Set(items.map((i) => i.key));
  if (byKey.size !== answers.length || answers.some((a) => !known.has(a.key))) throw supervisionError('CHECKLIST_MISMATCH', { expected: items.map((i) => i.key) });
  const unanswered = items.filter((i) => !byKey.has(i.key));
  if (unanswered.length > 0) throw supervisionError('CHECKLIST_UNANSWERED', { keys: unanswered.map((i) => i.key), items: unanswered.map((i) => i.zh) });
  return items.map((i) => {
    const a = byKey.get(i.key)!;
    return { ...i, result: a.result, ...(a.note ? { note: a.note } : {}) };
  });
}

/**
 * An inspection is done before it is filed: a photo and the GPS point, or the reason each is missing; the conclusion
 * follows the answers — a problem says what it is, and 合格 despite a 不符合 item only with a note saying why.
 */
function assertInspectionDone(input: InspectionIn, checklist: ChecklistAnswer[]): void {
  if (input.photos.length === 0 && !input.noPhotoReason) throw supervisionError('PHOTO_REQUIRED');
  if (input.lat === undefined && input.lng === undefined && !input.noPointReason) throw supervisionError('POINT_REQUIRED');
  if (input.conclusion === 'problem' && !input.findings) throw supervisionError('FINDINGS_REQUIRED');
  const failed = checklist.filter((c) => c.result === 'fail');
  if (input.conclusion === 'compliant' && failed.length > 0 && !input.findings) throw supervisionError('CONCLUSION_CONTRADICTS_ANSWERS', { keys: failed.map((c) => c.key), items: failed.map((c) => c.zh) });
}

/** A follow-up (复查) of a pending or overdue rectification: compliant now ends it. */
async function closeRectification(tx: Tx, actor: AgencyActor, originalId: string, subjectId: string, conclusion: string): Promise<void> {
  const [original] = await tx.select().from(inspections).where(eq(inspections.id, originalId)).for('update');
  if (!original || !inspectionVisibility.allows(actor, original) || original.subjectId !== subjectId || (original.rectification !== 'pending' && original.rectification !== 'overdue')) throw supervisionError('FOLLOW_UP_INVALID');
  if (conclusion === 'compliant') await tx.update(inspections).set({ rectification: 'done' }).where(eq(inspections.id, originalId));
}

/**
 * An inspection done under a base-inspection task: one more done for the actor's agency, which must have accepted it,
 * of a subject inside the task's region scope (422 SUBJECT_OUTSIDE_TASK_SCOPE).
 */
async function countForTask(tx: Tx, actor: AgencyActor, taskId: string, subject: { id: string; name: string; regionCode: string }): Promise<string> {
  const receipt = await lockOwnReceipt(tx, actor, taskId);
  if (!receipt) throw tasksError('NOT_A_RECIPIENT');
  if (receipt.kind !== 'base_inspection') throw supervisionError('TASK_NOT_AN_INSPECTION', { kind: receipt.kind });
  if (!regionWithin(subject.regionCode, receipt.regionScope)) throw supervisionError('SUBJECT_OUTSIDE_TASK_SCOPE', { regionScope: receipt.regionScope, regionCode: subject.regionCode });
  // Progress counts subjects inspected, not inspections: a second visit to the same subject (a follow-up) adds none.
  const [seen] = await tx.select({ id: inspections.id }).from(inspections).where(and(eq(inspections.recipientId, receipt.recipientId), eq(inspections.subjectId, subject.id))).limit(1);
  await countTaskWork(tx, actor, receipt, `巡查 ${subject.name}`, seen ? 0 : 1);
  return receipt.recipientId;
}
