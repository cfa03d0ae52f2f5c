import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of tasks and notices (the `supervision_*` tables it kept). */
const TASKS_ACTIONS = [
  'supervision.task_publish',
  'supervision.task_close',
  'supervision.task_accept',
  'supervision.task_assign',
  'supervision.task_progress',
  'supervision.task_report',
] as const;

/** The kinds of thing they are recorded on. */
const TASKS_TARGETS = [
  'supervision_task',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    tasks: (typeof TASKS_ACTIONS)[number];
  }
  interface AuditTargetNames {
    tasks: (typeof TASKS_TARGETS)[number];
  }
}

export const tasksAudit: DomainAudit = { actions: TASKS_ACTIONS, targets: TASKS_TARGETS };
