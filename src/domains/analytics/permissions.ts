import { defineGrants } from '../../platform/auth/permissions.js';

export const ANALYTICS_PERMISSIONS = [
  // 大数据应用: statistics of the caller's jurisdiction, for every agency that works in one (operations has none).
  'analytics.statistics',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    analytics: (typeof ANALYTICS_PERMISSIONS)[number];
  }
}

export const analyticsGrants = defineGrants({
  names: ANALYTICS_PERMISSIONS,
  agency: ({ kind }) => [kind !== 'operations' && kind !== 'market' && 'analytics.statistics'],
  subject: () => [],
});
