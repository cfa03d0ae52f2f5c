import { defineGrants } from '../../platform/auth/permissions.js';

export const SUPERVISION_PERMISSIONS = [
  // 监管业务: base inspections (supervision agencies, stations included); province checklists. Publishing and
  // receiving tasks are the tasks domain's (tasks/permissions.ts).
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

/** 监管业务 (seed 五(二)): supervision inspects; enforcement reads what it is handed. */
export const supervisionGrants = defineGrants({
  names: SUPERVISION_PERMISSIONS,
  agency: ({ kind, level }) => [
    kind === 'supervision' && 'supervision.inspect',
    kind === 'supervision' && level === 'province' && 'supervision.checklist',
    (kind === 'enforcement' || kind === 'supervision') && 'supervision.read',
  ],
  subject: () => [],
});
