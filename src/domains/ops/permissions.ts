import { defineGrants } from '../../platform/auth/permissions.js';

export const OPS_PERMISSIONS = [
  'audit.read',
  // 数据库备份: the backup runs' results (the ministry's supervision admins, until an operations agency kind exists).
  'backup.read',
  // 作业队列: the jobs the servers run (overdue checks, purges, backups); a dead one may be sent back to the queue.
  'job.read',
  'job.retry',
  // 系统优化建议: every account files feedback; operations classifies and handles it, 安全中心 confirms (the ministry's
  // supervision accounts hold both until an operations agency kind exists; one person may not classify and confirm).
  'feedback.file',
  'feedback.handle',
  'feedback.confirm',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    ops: (typeof OPS_PERMISSIONS)[number];
  }
}

export const opsGrants = defineGrants({
  names: OPS_PERMISSIONS,
  agency: ({ role, kind, level }) => [
    // Audit of a jurisdiction is for the ministry and the provinces (运行维护: 日志的跟踪、记录及查阅).
    kind === 'supervision' && (level === 'ministry' || level === 'province') && 'audit.read',
    // 数据库备份 is watched by operations; until an operations agency kind exists, by the ministry's supervision admins.
    role === 'admin' && kind === 'supervision' && level === 'ministry' && 'backup.read',
    // The job queue likewise (作业队列); retrying a dead job is audited.
    role === 'admin' && kind === 'supervision' && level === 'ministry' && 'job.read',
    role === 'admin' && kind === 'supervision' && level === 'ministry' && 'job.retry',
    'feedback.file',
    kind === 'supervision' && level === 'ministry' && 'feedback.handle',
    kind === 'supervision' && level === 'ministry' && 'feedback.confirm',
  ],
  subject: () => ['feedback.file'],
});
