import { defineGrants } from '../../platform/auth/permissions.js';

// 执法业务: enforcement agencies run cases; supervision agencies follow the cases of their jurisdiction.
export const ENFORCEMENT_PERMISSIONS = ['enforcement.case', 'enforcement.read'] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    enforcement: (typeof ENFORCEMENT_PERMISSIONS)[number];
  }
}

/** 执法业务 (seed 五(四)). */
export const enforcementGrants = defineGrants({
  names: ENFORCEMENT_PERMISSIONS,
  agency: ({ kind }) => [kind === 'enforcement' && 'enforcement.case', (kind === 'enforcement' || kind === 'supervision') && 'enforcement.read'],
  subject: () => [],
});
