import { defineGrants } from '../../platform/auth/permissions.js';

export const NOTICES_PERMISSIONS = [
  // 系统公告 (maintenance windows, incident notices): published by operations (运维), who watch backups, jobs and
  // incidents. Every signed-in account reads it.
  'announcement.publish',
  // 通知 to the producers of a jurisdiction (the seed's guide: agencies guide producers online on 注册, 信息采集,
  // 编码使用), with read receipts; sent by supervision agencies of any level, read by the producers' accounts.
  'notice.send',
  'notice.read',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    notices: (typeof NOTICES_PERMISSIONS)[number];
  }
}

export const noticesGrants = defineGrants({
  names: NOTICES_PERMISSIONS,
  agency: ({ kind }) => [kind === 'operations' && 'announcement.publish', kind === 'supervision' && 'notice.send'],
  subject: () => ['notice.read'],
});
