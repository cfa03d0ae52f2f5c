import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { tasksError } from './errors.js';
import { supervisionTaskEvents, supervisionTaskRecipients, supervisionTasks } from './schema.js';
import { nextTaskStatus, type TaskKind, type TaskStatus } from './task-state.shared.js';
import { findVisibleTask } from './task.queries.js';

// What another domain (monitoring's samples, supervision's inspections) needs of the tasks its agency received, without naming these tables.

/** An agency's receipt of a task, as the work done under it needs it. */
export type TaskReceipt = {
  recipientId: string;
  taskId: string;
  kind: TaskKind;
  title: string;
  regionScope: string;
  caseId: string | null;
  publisherAgencyId: string;
  status: TaskStatus;
  accepted: boolean;
  assigneeIds: string[];
  done: number;
};

/**
 * The actor's agency's receipt of a task, locked until the transaction ends (work counted under it is serialised).
 * A task it may see but did not receive is NOT_A_RECIPIENT (403); one it may not see is TASK_NOT_FOUND (404).
 */
export async function lockTaskReceipt(tx: Tx, actor: AgencyActor, taskId: string): Promise<TaskReceipt> {
  const receipt = await lockOwnReceipt(tx, actor, taskId);
  if (receipt) return receipt;
  if (await findVisibleTask(tx, actor, taskId)) throw tasksError('NOT_A_RECIPIENT');
  throw tasksError('TASK_NOT_FOUND');
}

/** The actor's agency's receipt of a task, locked as above, or null when it received no such task. */
export async function lockOwnReceipt(tx: Tx, actor: AgencyActor, taskId: string): Promise<TaskReceipt | null> {
  const [row] = await tx
    .select({ r: supervisionTaskRecipients, t: supervisionTasks })
    .from(supervisionTaskRecipients)
    .innerJoin(supervisionTasks, eq(supervisionTasks.id, supervisionTaskRecipients.taskId))
    .where(and(eq(supervisionTaskRecipients.taskId, taskId), eq(supervisionTaskRecipients.agencyId, actor.agency.id)))
    .for('update', { of: supervisionTaskRecipients });
  if (!row) return null;
  const { r, t } = row;
  return {
    recipientId: r.id,
    taskId: t.id,
    kind: t.kind as TaskKind,
    title: t.title,
    regionScope: t.regionScope,
    caseId: t.caseId,
    publisherAgencyId: t.publisherAgencyId,
    status: r.status as TaskStatus,
    accepted: r.acceptedAt !== null,
    assigneeIds: r.assigneeIds,
    done: r.done,
  };
}

/**
 * One more done under a receipt locked by lockTaskReceipt, with the history line that says what was done; `added` 0
 * records the work without counting it again (a second visit to a subject already inspected under the task).
 */
export async function countTaskWork(tx: Tx, actor: AgencyActor, receipt: TaskReceipt, note: string, added: 0 | 1 = 1): Promise<void> {
  const next = nextTaskStatus(receipt.status, 'progress', receipt.accepted);
  if (!next) throw tasksError('TASK_STATUS_CONFLICT', { status: receipt.status, action: 'progress' });
  await tx
    .update(supervisionTaskRecipients)
    .set({ status: next, done: sql`${supervisionTaskRecipients.done} + ${added}`, updatedAt: new Date() })
    .where(eq(supervisionTaskRecipients.id, receipt.recipientId));
  await tx.insert(supervisionTaskEvents).values({ recipientId: receipt.recipientId, action: 'progress', fromStatus: receipt.status, toStatus: next, note: note.slice(0, 1000), actorId: actor.userId, actorName: actor.displayName });
}

/** Titles, kinds and publishers of tasks, for lists of the work done under them. */
export async function taskFacts(db: Executor, ids: string[]): Promise<Map<string, { title: string; kind: TaskKind; publisherAgencyId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: supervisionTasks.id, title: supervisionTasks.title, kind: supervisionTasks.kind, publisherAgencyId: supervisionTasks.publisherAgencyId })
    .from(supervisionTasks)
    .where(inArray(supervisionTasks.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { title: r.title, kind: r.kind as TaskKind, publisherAgencyId: r.publisherAgencyId }]));
}

/** The task each receipt (recipient row) belongs to, for records of work done under a receipt. */
export async function taskIdsOfReceipts(db: Executor, recipientIds: string[]): Promise<Map<string, string>> {
  if (recipientIds.length === 0) return new Map();
  const rows = await db.select({ id: supervisionTaskRecipients.id, taskId: supervisionTaskRecipients.taskId }).from(supervisionTaskRecipients).where(inArray(supervisionTaskRecipients.id, recipientIds));
  return new Map(rows.map((r) => [r.id, r.taskId]));
}
