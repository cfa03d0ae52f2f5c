import { defineGrants } from '../../platform/auth/permissions.js';

// The names keep their supervision prefix: they are stored nowhere, but the console, the access matrix and every
// client already speak them, and the domain that grants them moving does not change what they mean.
export const TASKS_PERMISSIONS = [
  // Publishing tasks and notices down the tree (supervision agencies above the township; an enforcement agency
  // commissions through its cases instead); the inbox of tasks received (every agency).
  'supervision.publish',
  'supervision.task',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    tasks: (typeof TASKS_PERMISSIONS)[number];
  }
}

/** 监管业务 (seed 五(二)): tasks come down the tree to every kind of agency. */
export const tasksGrants = defineGrants({
  names: TASKS_PERMISSIONS,
  // A market regulator is outside the agriculture tree's tasks (issue 21 §3): nothing is sent to it.
  agency: ({ kind, level }) => [kind !== 'market' && 'supervision.task', kind === 'supervision' && level !== 'township' && 'supervision.publish'],
  subject: () => [],
});
