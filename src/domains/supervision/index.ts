export { supervisionRoutes } from './routes.js';
export type { PhotoHolder, SupervisionDeps } from './deps.js';
export { overdueJob, markOverdueRectifications, markOverdueTasks, OVERDUE_JOB } from './overdue.job.js';
export { takeTransfer, transferById } from './transfer.service.js';
export { myTaskReceipt, tasksOfCase, visibleTaskRecipients } from './task.queries.js';
export { publishTask } from './task.service.js';
export { ENFORCEMENT_COMMISSIONS } from './policies.js';
export type { TaskIn } from './contracts.js';
export { countTaskWork, lockTaskReceipt, publishedByAgencySql, taskFacts, type TaskReceipt } from './task-work.js';
