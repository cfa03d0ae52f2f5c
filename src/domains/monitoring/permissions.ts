import { defineGrants } from '../../platform/auth/permissions.js';

// 监测业务: testing agencies take samples, receive them at the lab and enter results; every agency reads the samples
// and task summaries of its jurisdiction; supervision and enforcement agencies get the alerts of failed samples.
// A lab and a province add analytes and limits to the reference set (检测参照数据, issue 21 §2).
// `monitoring.alert_read` is the alert inbox alone: a market regulator reads the alerts of lots that entered its markets
// and acts on none (issue 21 §3); `monitoring.alert` also orders recalls and releases holds.
export const MONITORING_PERMISSIONS = ['monitoring.sample', 'monitoring.read', 'monitoring.alert', 'monitoring.alert_read', 'monitoring.reference'] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    monitoring: (typeof MONITORING_PERMISSIONS)[number];
  }
}

/** 监测业务 (seed 五(三)). */
export const monitoringGrants = defineGrants({
  names: MONITORING_PERMISSIONS,
  agency: ({ kind, level }) => [
    kind === 'testing' && 'monitoring.sample',
    kind !== 'market' && 'monitoring.read',
    (kind === 'enforcement' || kind === 'supervision') && 'monitoring.alert',
    // A market regulator receives the alerts of failed lots that entered its markets (issue 21 §3).
    (kind === 'enforcement' || kind === 'supervision' || kind === 'market') && 'monitoring.alert_read',
    (kind === 'testing' || (kind === 'supervision' && level === 'province')) && 'monitoring.reference',
  ],
  subject: () => [],
});
