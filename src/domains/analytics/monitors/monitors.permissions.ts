import { defineGrants } from '../../../platform/auth/permissions.js';

export const MONITORS_PERMISSIONS = [
  // 业务五监控: the seed guide has supervision, testing and enforcement agencies of every level watch the work
  // (运行监控 (一) 业务监控), each over its own jurisdiction.
  'monitor.read',
  // 推广应用目标 and 追溯考核 indicators: set by an upper supervision agency for the regions below it.
  'monitor.target',
  // 责令限期整改: issued by a supervision agency above the township to a lower agency or a producer.
  'rectification.issue',
  // Answered by the agency or producer it is addressed to (a producer's main account).
  'rectification.answer',
] as const;

declare module '../../../platform/auth/permissions.js' {
  interface PermissionNames {
    monitors: (typeof MONITORS_PERMISSIONS)[number];
  }
}

export const monitorsGrants = defineGrants({
  names: MONITORS_PERMISSIONS,
  agency: ({ kind, level }) => [
    // A market regulator (issue 21 §3) is not one of the agriculture tree's monitored agencies.
    kind !== 'operations' && kind !== 'market' && 'monitor.read',
    kind === 'supervision' && level !== 'township' && 'monitor.target',
    kind === 'supervision' && level !== 'township' && 'rectification.issue',
    kind !== 'operations' && kind !== 'market' && level !== 'ministry' && 'rectification.answer',
  ],
  subject: ({ role, status }) => [role === 'admin' && status === 'active' && 'rectification.answer'],
});
