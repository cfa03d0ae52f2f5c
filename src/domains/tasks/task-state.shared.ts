// The task vocabulary and the recipient's state machine: pure, shared by the server and the console.

export const TASK_KINDS = ['notice', 'base_inspection', 'routine_monitoring', 'special_monitoring', 'supervisory_sampling', 'enforcement'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['published', 'accepted', 'in_progress', 'reported', 'overdue', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskAction = 'accept' | 'assign' | 'progress' | 'report' | 'close' | 'overdue';

/** Statuses the overdue job moves on once the deadline has passed. */
export const OVERDUE_FROM: readonly TaskStatus[] = ['published', 'accepted', 'in_progress'];

/**
 * A recipient's task state machine. Overdue is a state of its own (the publisher sees it at once), yet the
 * recipient may still accept, work and report late: working keeps it overdue, a report ends it. Only the
 * publisher closes. Answers the next status, or null when the action is not allowed now.
 */
export function nextTaskStatus(current: TaskStatus, action: TaskAction, accepted: boolean): TaskStatus | null {
  switch (action) {
    case 'accept':
      if (current === 'published') return 'accepted';
      return current === 'overdue' && !accepted ? 'overdue' : null;
    case 'assign':
      return accepted && (current === 'accepted' || current === 'in_progress' || current === 'overdue') ? current : null;
    case 'progress':
      if (!accepted) return null;
      if (current === 'accepted' || current === 'in_progress') return 'in_progress';
      return current === 'overdue' ? 'overdue' : null;
    case 'report':
      return accepted && (current === 'accepted' || current === 'in_progress' || current === 'overdue') ? 'reported' : null;
    case 'close':
      return current === 'closed' ? null : 'closed';
    case 'overdue':
      return OVERDUE_FROM.includes(current) ? 'overdue' : null;
  }
}
