import { defineGrants } from '../../platform/auth/permissions.js';

export const SUPERVISION_PERMISSIONS = [
  // 监管业务: publishing tasks and notices down the tree (supervision agencies above the township); the inbox of
  // tasks received (every agency); base inspections (supervision agencies, stations included); province checklists.
  'supervision.publish',
  'supervision.task',
  'supervision.inspect',
  'supervision.checklist',
  // Inspections and transfers of the jurisdiction: supervision and enforcement agencies.
  'supervision.read',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    supervision: (typeof SUPERVISION_PERMISSIONS)[number];
  }
}

/** 监管业务 (seed 五(二)): tasks come down the tree to every kind of agency; supervision inspects. */
export const supervisionGrants = defineGrants({
  names: SUPERVISION_PERMISSIONS,
  agency: ({ kind, level }) => [
    'supervision.task',
    kind === 'supervision' && level !== 'township' && 'supervision.publish',
    kind === 'supervision' && 'supervision.inspect',
    kind === 'supervision' && level === 'province' && 'supervision.checklist',
    (kind === 'enforcement' || kind === 'supervision') && 'supervision.read',
  ],
  subject: () => [],
});
