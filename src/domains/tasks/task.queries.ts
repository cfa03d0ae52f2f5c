import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { keyset } from '../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../platform/http/list-total.js';
import { activeAgenciesWithin, activeMembersOf, agencyNames, userNames } from '../registry/index.js';
import { describeAttachments } from './attachments.js';
import type { TaskOut } from './contracts.js';
import { tasksError } from './errors.js';
import { canPublishTo } from './policies.js';
import { supervisionTaskEvents, supervisionTaskRecipients, supervisionTasks } from './schema.js';
import type { TaskKind, TaskStatus } from './task-state.shared.js';
import { taskVisibility } from './visibility.js';

type TaskRow = typeof supervisionTasks.$inferSelect;

/**
 * A task the actor may see (DESIGN.md §12): its agency published it or received it, or the publisher lies below it
 * (a province follows what its counties send out). The other agencies of the publisher's own region do not.
 */
export async function findVisibleTask(db: Executor, actor: AgencyActor, id: string): Promise<TaskRow | undefined> {
  const [row] = await db
    .select()
    .from(supervisionTasks)
    .where(and(eq(supervisionTasks.id, id), taskVisibleTo(actor)));
  return row;
}

const taskVisibleTo = taskVisibility.filter;

/** Whether a task the actor may see holds this file among its attachments (a station reads what the county sent). */
export async function fileHeldByTask(db: Executor, actor: AgencyActor, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: supervisionTasks.id })
    .from(supervisionTasks)
    .where(and(sql`${supervisionTasks.attachments} @> ${JSON.stringify([fileId])}::jsonb`, taskVisibleTo(actor)))
    .limit(1);
  return Boolean(row);
}

export async function taskDetail(db: Executor, actor: AgencyActor, id: string): Promise<TaskOut> {
  const task = await findVisibleTask(db, actor, id);
  if (!task) throw tasksError('TASK_NOT_FOUND');
  const all = await db.select().from(supervisionTaskRecipients).where(eq(supervisionTaskRecipients.taskId, id)).orderBy(asc(supervisionTaskRecipients.agencyRegion));
  const published = task.publisherAgencyId === actor.agency.id;
  const mine = all.find((r) => r.agencyId === actor.agency.id);
  // A recipient sees its own row only; the publisher and the agencies above it see every recipient.
  const rows = !published && mine ? [mine] : all;
  const events = rows.length
    ? await db
        .select()
        .from(supervisionTaskEvents)
        .where(inArray(supervisionTaskEvents.recipientId, rows.map((r) => r.id)))
        .orderBy(asc(supervisionTaskEvents.at))
        .limit(500)
    : [];
  const names = await agencyNames(db, [task.publisherAgencyId, ...rows.map((r) => r.agencyId)]);
  const people = await userNames(db, rows.flatMap((r) => r.assigneeIds));
  const agencyOfRecipient = new Map(rows.map((r) => [r.id, names.get(r.agencyId) ?? '']));
  return {
    id: task.id,
    kind: task.kind as TaskKind,
    title: task.title,
    content: task.content,
    regionScope: task.regionScope,
    productScope: task.productScope,
    targetSubjectIds: task.targetSubjectIds,
    targetCount: task.targetCount,
    startsOn: task.startsOn,
    dueOn: task.dueOn,
    attachments: await describeAttachments(db, task.attachments),
    publisherAgencyId: task.publisherAgencyId,
    publisherName: names.get(task.publisherAgencyId) ?? '',
    status: task.status,
    createdAt: task.createdAt,
    mine: published ? 'published' : 'received',
    recipients: rows.map((r) => ({
      id: r.id,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? '',
      status: r.status as TaskStatus,
      quota: r.quota,
      done: r.done,
      assignees: r.assigneeIds.map((u) => ({ id: u, displayName: people.get(u) ?? '' })),
      progressNote: r.progressNote,
      report: r.report,
      acceptedAt: r.acceptedAt,
      reportedAt: r.reportedAt,
      updatedAt: r.updatedAt,
    })),
    history: events.map((e) => ({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, actorName: e.actorName, at: e.at, agencyName: agencyOfRecipient.get(e.recipientId) ?? '' })),
  };
}

type ListQuery = { box: 'inbox' | 'outbox'; kind?: TaskKind | undefined; status?: string | undefined; limit: number; cursor?: string | undefined };

/** 收件箱 (tasks sent to my agency, with my status) or 已发布 (tasks my agency sent, with recipients by status). */
export async function listTasks(db: Executor, actor: AgencyActor, q: ListQuery) {
  const page = keyset({ sort: supervisionTasks.createdAt, id: supervisionTasks.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const kind = q.kind ? eq(supervisionTasks.kind, q.kind) : undefined;
  if (q.box === 'inbox') {
    const filters: (SQL | undefined)[] = [eq(supervisionTaskRecipients.agencyId, actor.agency.id), kind, q.status ? eq(supervisionTaskRecipients.status, q.status) : undefined];
    const [rows, total] = await Promise.all([
      db
        .select({ task: supervisionTasks, recipientId: supervisionTaskRecipients.id, status: supervisionTaskRecipients.status })
        .from(supervisionTaskRecipients)
        .innerJoin(supervisionTasks, eq(supervisionTasks.id, supervisionTaskRecipients.taskId))
        .where(and(...filters, page.where))
        .orderBy(...page.orderBy)
        .limit(page.take),
      firstPageTotal(db, q.cursor, () =>
        db.select({ id: supervisionTaskRecipients.id }).from(supervisionTaskRecipients).innerJoin(supervisionTasks, eq(supervisionTasks.id, supervisionTaskRecipients.taskId)).where(and(...filters)).$dynamic(),
      ),
    ]);
    const result = page.page(rows, (r) => [r.task.createdAt, r.task.id]);
    const names = await agencyNames(db, result.items.map((r) => r.task.publisherAgencyId));
    return {
      items: result.items.map((r) => ({ ...listItem(r.task, names), recipientId: r.recipientId, status: r.status, counts: {} })),
      nextCursor: result.nextCursor,
      ...totalField(total),
    };
  }
  const filters: (SQL | undefined)[] = [eq(supervisionTasks.publisherAgencyId, actor.agency.id), kind, q.status ? eq(supervisionTasks.status, q.status) : undefined];
  const [rows, total] = await Promise.all([
    db.select().from(supervisionTasks).where(and(...filters, page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: supervisionTasks.id }).from(supervisionTasks).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  const ids = result.items.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ taskId: supervisionTaskRecipients.taskId, status: supervisionTaskRecipients.status, n: sql<number>`count(*)::int` })
        .from(supervisionTaskRecipients)
        .where(inArray(supervisionTaskRecipients.taskId, ids))
        .groupBy(supervisionTaskRecipients.taskId, supervisionTaskRecipients.status)
    : [];
  const names = await agencyNames(db, [actor.agency.id]);
  return {
    items: result.items.map((t) => ({
      ...listItem(t, names),
      recipientId: null,
      status: t.status,
      counts: Object.fromEntries(counts.filter((c) => c.taskId === t.id).map((c) => [c.status, c.n])),
    })),
    nextCursor: result.nextCursor,
    ...totalField(total),
  };
}

function listItem(t: TaskRow, names: Map<string, string>) {
  return { id: t.id, kind: t.kind as TaskKind, title: t.title, startsOn: t.startsOn, dueOn: t.dueOn, publisherName: names.get(t.publisherAgencyId) ?? '', createdAt: t.createdAt };
}

/** The agencies this actor may send a task of this kind to: the console offers exactly these. */
export async function recipientOptions(db: Executor, actor: AgencyActor, kind: TaskKind) {
  const all = await activeAgenciesWithin(db, actor.jurisdiction);
  return { items: all.filter((a) => canPublishTo(actor, kind, a)) };
}

/** The actor's agency's receipt of a task (an enforcement case opened from a task it received). */
export async function myTaskReceipt(db: Executor, actor: AgencyActor, taskId: string): Promise<{ recipientId: string; kind: string; title: string; regionScope: string }> {
  const [row] = await db
    .select({ recipientId: supervisionTaskRecipients.id, kind: supervisionTasks.kind, title: supervisionTasks.title, regionScope: supervisionTasks.regionScope })
    .from(supervisionTaskRecipients)
    .innerJoin(supervisionTasks, eq(supervisionTasks.id, supervisionTaskRecipients.taskId))
    .where(and(eq(supervisionTaskRecipients.taskId, taskId), eq(supervisionTaskRecipients.agencyId, actor.agency.id)));
  if (row) return row;
  if (await findVisibleTask(db, actor, taskId)) throw tasksError('NOT_A_RECIPIENT');
  throw tasksError('TASK_NOT_FOUND');
}

/**
 * A task's recipients as the actor may see them, for monitoring's summaries: the publisher and the agencies above it
 * every recipient, a recipient its own row (as taskDetail); undefined when the actor may not see the task.
 */
export async function visibleTaskRecipients(db: Executor, actor: AgencyActor, taskId: string) {
  const task = await findVisibleTask(db, actor, taskId);
  if (!task) return undefined;
  const all = await db
    .select({ id: supervisionTaskRecipients.id, agencyId: supervisionTaskRecipients.agencyId, status: supervisionTaskRecipients.status, quota: supervisionTaskRecipients.quota, reportedAt: supervisionTaskRecipients.reportedAt })
    .from(supervisionTaskRecipients)
    .where(eq(supervisionTaskRecipients.taskId, taskId))
    .orderBy(asc(supervisionTaskRecipients.agencyRegion), asc(supervisionTaskRecipients.id));
  const mine = all.find((r) => r.agencyId === actor.agency.id);
  const recipients = task.publisherAgencyId !== actor.agency.id && mine ? [mine] : all;
  return { task: { id: task.id, title: task.title, kind: task.kind, targetCount: task.targetCount, publisherAgencyId: task.publisherAgencyId }, recipients };
}

/** The tasks an enforcement case commissioned from testing agencies, with each lab's status and report. */
export async function tasksOfCase(db: Executor, caseId: string) {
  const rows = await db
    .select({ task: supervisionTasks, r: supervisionTaskRecipients })
    .from(supervisionTasks)
    .innerJoin(supervisionTaskRecipients, eq(supervisionTaskRecipients.taskId, supervisionTasks.id))
    .where(eq(supervisionTasks.caseId, caseId))
    .orderBy(asc(supervisionTasks.createdAt))
    .limit(100);
  const names = await agencyNames(db, rows.map((x) => x.r.agencyId));
  return rows.map(({ task, r }) => ({
    taskId: task.id,
    kind: task.kind as TaskKind,
    title: task.title,
    dueOn: task.dueOn,
    agencyName: names.get(r.agencyId) ?? '',
    status: r.status as TaskStatus,
    report: r.report,
    reportedAt: r.reportedAt,
  }));
}

/** Whom my agency can assign to a task it received: its active accounts. */
export async function assignableStaff(db: Executor, actor: AgencyActor, taskId: string) {
  await myTaskReceipt(db, actor, taskId);
  return { items: await activeMembersOf(db, actor.agency.id) };
}
