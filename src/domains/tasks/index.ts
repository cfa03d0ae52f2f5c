export { tasksRoutes } from './routes.js';
export type { TasksDeps } from './deps.js';
export { overdueJob, markOverdueTasks, OVERDUE_JOB, type OverdueSweep } from './overdue.job.js';
export { fileHeldByTask, myTaskReceipt, tasksOfCase, visibleTaskRecipients } from './task.queries.js';
export { publishTask } from './task.service.js';
export { ENFORCEMENT_COMMISSIONS } from './policies.js';
export type { TaskIn } from './contracts.js';
export { countTaskWork, lockOwnReceipt, lockTaskReceipt, taskFacts, taskIdsOfReceipts, type TaskReceipt } from './task-work.js';
export { taskPublishers } from './schema.js';
export { tasksError } from './errors.js';
export { assertTaskAttachments } from './attachments.js';
export { nextTaskStatus, type TaskStatus } from './task-state.shared.js';
export { tasksGrants } from './permissions.js';

import type { DomainModule } from '../../platform/modules.js';
import { tasksAudit } from './audit-actions.js';
import { tasksGrants as grantsOfTasks } from './permissions.js';
import { tasksRoutes as tasksRoutesOf } from './routes.js';
import { overdueJob as overdueJobOf, type OverdueSweep as Sweep } from './overdue.job.js';

declare module '../../platform/modules.js' {
  interface DomainHooks {
    /** Another domain's deadlines the overdue job sweeps too, by name (supervision's rectifications). */
    overdueSweeps: Record<string, Sweep>;
  }
}

/** 任务与通知: tasks and notices sent down the tree, used by supervision, monitoring and enforcement. */
export const tasksModule: DomainModule = {
  name: 'tasks',
  permissions: [grantsOfTasks],
  audit: [tasksAudit],
  routes: (ctx) => [tasksRoutesOf(ctx)],
  jobs: (ctx) => [overdueJobOf(ctx.db, Object.assign({}, ...(ctx.hooks.overdueSweeps ?? [])))],
};
