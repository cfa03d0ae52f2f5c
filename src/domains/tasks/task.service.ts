import { and, eq, ne } from 'drizzle-orm';
import type { AgencyActor, CommandContext } from '../../platform/auth/actor.js';
import { inJurisdiction } from '../../platform/auth/jurisdiction.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { agencyActorIn } from '../../platform/http/context.js';
import { httpError } from '../../platform/http/errors.js';
import { regionWithin } from '../../platform/auth/visibility.js';
import { activeAgencies, agencyMembers, subjectFacts, subjectVisibility } from '../registry/index.js';
import { assertTaskAttachments } from './attachments.js';
import type { TaskIn, TaskOut } from './contracts.js';
import type { TasksDeps } from './deps.js';
import { tasksError } from './errors.js';
import { canPublishTo, recipientInJurisdiction } from './policies.js';
import { supervisionTaskEvents, supervisionTaskRecipients, supervisionTasks } from './schema.js';
import { nextTaskStatus, type TaskAction, type TaskStatus } from './task-state.shared.js';
import { findVisibleTask, taskDetail } from './task.queries.js';

/**
 * 任务发布 / 通知公告: a supervision agency sends a task to agencies it chooses in its jurisdiction. Every rule is
 * checked before the transaction opens, so a refusal writes nothing.
 */
export async function publishTask(deps: TasksDeps, ctx: CommandContext, input: TaskIn, commissionedFor: { caseId: string } | null = null): Promise<TaskOut> {
  const actor = agencyActorIn(ctx);
  if (input.kind !== 'notice' && !input.dueOn) throw tasksError('DEADLINE_REQUIRED');
  if (input.dueOn && input.dueOn < input.startsOn) throw tasksError('DEADLINE_BEFORE_START', { startsOn: input.startsOn, dueOn: input.dueOn });
  const regionScope = input.regionScope || actor.jurisdiction;
  if (!inJurisdiction(actor, regionScope)) throw tasksError('SCOPE_OUT_OF_JURISDICTION', { regionScope });

  const wanted = new Map(input.recipients.map((r) => [r.agencyId, r.quota ?? null]));
  const found = await activeAgencies(deps.db, [...wanted.keys()]);
  if (found.length !== wanted.size) throw tasksError('RECIPIENT_NOT_FOUND', { missing: [...wanted.keys()].filter((id) => !found.some((a) => a.id === id)) });
  for (const agency of found) {
    if (!recipientInJurisdiction(actor, agency)) throw tasksError('RECIPIENT_OUT_OF_JURISDICTION', { agencyId: agency.id, name: agency.name });
    if (!canPublishTo(actor, input.kind, agency)) throw tasksError('RECIPIENT_NOT_ALLOWED', { agencyId: agency.id, name: agency.name, kind: agency.kind, level: agency.level });
  }
  for (const id of new Set(input.targetSubjectIds)) {
    const subject = await subjectFacts(deps.db, id);
    // A department's agency targets its own department's producers; the county's general bureau the rest (issue 21 §3).
    if (!subject || !regionWithin(subject.regionCode, regionScope) || !subjectVisibility.allows(actor, subject)) throw tasksError('TARGET_SUBJECT_OUT_OF_SCOPE', { subjectId: id });
  }
  await assertTaskAttachments(deps.db, actor, input.attachments);

  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [task] = await tx
      .insert(supervisionTasks)
      .values({
        kind: input.kind,
        title: input.title,
        content: input.content,
        regionScope,
        productScope: input.productScope ?? null,
        targetSubjectIds: [...new Set(input.targetSubjectIds)],
        targetCount: input.targetCount ?? null,
        startsOn: input.startsOn,
        dueOn: input.dueOn ?? null,
        attachments: [...new Set(input.attachments)],
        caseId: commissionedFor?.caseId ?? null,
        publisherAgencyId: actor.agency.id,
        publisherRegion: actor.agency.regionCode,
        createdBy: actor.userId,
      })
      .returning({ id: supervisionTasks.id });
    const rows = await tx
      .insert(supervisionTaskRecipients)
      .values(found.map((a) => ({ taskId: task!.id, agencyId: a.id, agencyRegion: a.regionCode, quota: wanted.get(a.id) ?? null })))
      .returning({ id: supervisionTaskRecipients.id });
    await tx.insert(supervisionTaskEvents).values(rows.map((r) => ({ recipientId: r.id, action: 'publish', fromStatus: null, toStatus: 'published', actorId: actor.userId, actorName: actor.displayName })));
    await recordAudit(tx, ctx, {
      action: 'supervision.task_publish',
      targetType: 'supervision_task',
      targetId: task!.id,
      regionCode: actor.agency.regionCode,
      after: { kind: input.kind, title: input.title, recipients: found.map((a) => a.id), dueOn: input.dueOn ?? null, attachments: [...new Set(input.attachments)] },
    });
    return task!.id;
  });
  return taskDetail(deps.db, actor, id);
}

type RecipientRow = typeof supervisionTaskRecipients.$inferSelect;

/** The caller's own recipient row, locked; someone else's task is refused by name when the caller can see it. */
async function myRecipientRow(tx: Tx, actor: AgencyActor, taskId: string): Promise<RecipientRow> {
  const [row] = await tx
    .select()
    .from(supervisionTaskRecipients)
    .where(and(eq(supervisionTaskRecipients.taskId, taskId), eq(supervisionTaskRecipients.agencyId, actor.agency.id)))
    .for('update');
  if (row) return row;
  if (await findVisibleTask(tx, actor, taskId)) throw tasksError('NOT_A_RECIPIENT');
  throw tasksError('TASK_NOT_FOUND');
}

type RecipientInput = { note?: string | undefined; userIds?: string[]; done?: number | undefined; report?: string };

/** 接收, 指派, 进度, 上报: what a recipient agency does with a task sent to it. */
export async function actOnTask(deps: TasksDeps, ctx: CommandContext, taskId: string, action: Exclude<TaskAction, 'close' | 'overdue'>, input: RecipientInput): Promise<TaskOut> {
  const actor = agencyActorIn(ctx);
  const assignees = action === 'assign' ? await agencyMembers(deps.db, actor.agency.id, [...new Set(input.userIds ?? [])]) : [];
  if (action === 'assign' && assignees.length !== new Set(input.userIds).size) throw tasksError('ASSIGNEE_NOT_MEMBER');
  await withTransaction(deps.db, ctx, async (tx) => {
    const row = await myRecipientRow(tx, actor, taskId);
    const current = row.status as TaskStatus;
    const next = nextTaskStatus(current, action, row.acceptedAt !== null);
    if (!next) throw tasksError('TASK_STATUS_CONFLICT', { status: current, action });
    const now = new Date();
    const changes: Partial<RecipientRow> = { status: next, updatedAt: now };
    if (action === 'accept') changes.acceptedAt = now;
    if (action === 'assign') changes.assigneeIds = assignees.map((a) => a.id);
    if (input.done !== undefined) changes.done = input.done;
    if (action === 'progress' && input.note) changes.progressNote = input.note;
    if (action === 'report') Object.assign(changes, { report: input.report ?? null, reportedAt: now });
    await tx.update(supervisionTaskRecipients).set(changes).where(eq(supervisionTaskRecipients.id, row.id));
    const note = action === 'assign' ? assignees.map((a) => a.displayName).join('、') : action === 'report' ? (input.report ?? '').slice(0, 1000) : (input.note ?? null);
    await tx.insert(supervisionTaskEvents).values({ recipientId: row.id, action, fromStatus: current, toStatus: next, note, actorId: actor.userId, actorName: actor.displayName });
    await recordAudit(tx, ctx, { action: `supervision.task_${action}`, targetType: 'supervision_task', targetId: taskId, regionCode: actor.agency.regionCode, before: { status: current }, after: { status: next, done: input.done ?? null } });
  });
  return taskDetail(deps.db, actor, taskId);
}

/**
 * The publisher closes one recipient's task (its report accepted) or, without `agencyId`, the whole task. Closing
 * needs `supervision.publish`, except a task an enforcement agency commissioned for its case (`caseId`), which that
 * agency closes as its publisher.
 */
export async function closeTask(deps: TasksDeps, ctx: CommandContext, taskId: string, input: { agencyId?: string | undefined; note?: string | undefined }): Promise<TaskOut> {
  const actor = agencyActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const task = await findVisibleTask(tx, actor, taskId);
    if (!task) throw tasksError('TASK_NOT_FOUND');
    if (!task.caseId && !actor.permissions.has('supervision.publish')) throw httpError('FORBIDDEN', { permission: 'supervision.publish' });
    if (task.publisherAgencyId !== actor.agency.id) throw tasksError('NOT_THE_PUBLISHER');
    const rows = await tx
      .select()
      .from(supervisionTaskRecipients)
      .where(and(eq(supervisionTaskRecipients.taskId, taskId), ne(supervisionTaskRecipients.status, 'closed'), input.agencyId ? eq(supervisionTaskRecipients.agencyId, input.agencyId) : undefined))
      .for('update');
    if (rows.length === 0 && input.agencyId) {
      const [known] = await tx
        .select({ id: supervisionTaskRecipients.id })
        .from(supervisionTaskRecipients)
        .where(and(eq(supervisionTaskRecipients.taskId, taskId), eq(supervisionTaskRecipients.agencyId, input.agencyId)));
      if (!known) throw tasksError('NOT_A_RECIPIENT_OF_TASK', { agencyId: input.agencyId });
    }
    if (rows.length === 0) throw tasksError('TASK_STATUS_CONFLICT', { status: 'closed', action: 'close' });
    const now = new Date();
    for (const row of rows) {
      await tx.update(supervisionTaskRecipients).set({ status: 'closed', updatedAt: now }).where(eq(supervisionTaskRecipients.id, row.id));
      await tx.insert(supervisionTaskEvents).values({ recipientId: row.id, action: 'close', fromStatus: row.status, toStatus: 'closed', note: input.note ?? null, actorId: actor.userId, actorName: actor.displayName });
    }
    const [open] = await tx
      .select({ id: supervisionTaskRecipients.id })
      .from(supervisionTaskRecipients)
      .where(and(eq(supervisionTaskRecipients.taskId, taskId), ne(supervisionTaskRecipients.status, 'closed')))
      .limit(1);
    if (!open) await tx.update(supervisionTasks).set({ status: 'closed', closedAt: now }).where(eq(supervisionTasks.id, taskId));
    await recordAudit(tx, ctx, { action: 'supervision.task_close', targetType: 'supervision_task', targetId: taskId, regionCode: actor.agency.regionCode, after: { recipients: rows.map((r) => r.agencyId), note: input.note ?? null } });
  });
  return taskDetail(deps.db, actor, taskId);
}
