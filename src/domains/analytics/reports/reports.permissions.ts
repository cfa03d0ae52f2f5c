import { defineGrants } from '../../../platform/auth/permissions.js';

export const REPORTS_PERMISSIONS = [
  // 信息调度 and 总结报告: the seed guide has the province's supervision agency report monthly and half-yearly to the
  // ministry (部安全中心), and provinces submit their 实施方案 and progress reports.
  'report.write',
  // Reading them: the province its own, the ministry every province's submissions.
  'report.read',
  // The ministry acknowledges what a province submitted.
  'report.acknowledge',
] as const;

declare module '../../../platform/auth/permissions.js' {
  interface PermissionNames {
    reports: (typeof REPORTS_PERMISSIONS)[number];
  }
}

export const reportsGrants = defineGrants({
  names: REPORTS_PERMISSIONS,
  agency: ({ kind, level }) => [
    kind === 'supervision' && level === 'province' && 'report.write',
    kind === 'supervision' && (level === 'province' || level === 'ministry') && 'report.read',
    kind === 'supervision' && level === 'ministry' && 'report.acknowledge',
  ],
  subject: () => [],
});
