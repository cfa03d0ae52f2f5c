import { defineGrants } from '../../platform/auth/permissions.js';

export const OPS_PERMISSIONS = [
  'audit.read',
  // 数据库备份: the backup runs' results, watched by the operations agency (运维).
  'backup.read',
  // 作业队列: the jobs the servers run (overdue checks, purges, backups); a dead one may be sent back to the queue.
  'job.read',
  'job.retry',
  // 系统优化建议: every account files feedback; operations classifies and handles it, 安全中心 confirms (one person may
  // not classify and confirm).
  'feedback.file',
  'feedback.handle',
  'feedback.confirm',
  // 应急响应: the incidents' register. Operations reports and handles them; 安全中心 consents to telling the provinces
  // of a 一级 incident and decides a 二级 extension; the ministry's supervision and the provinces read them (a
  // province once told, and only those concerning it); a province's supervision admin names its 联络员.
  'incident.read',
  'incident.report',
  'incident.consent',
  'incident.liaison',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    ops: (typeof OPS_PERMISSIONS)[number];
  }
}

export const opsGrants = defineGrants({
  names: OPS_PERMISSIONS,
  agency: ({ role, kind, level }) => [
    // Audit of a jurisdiction is for the ministry and the provinces, and for operations (运行维护保障: 日志的跟踪、记录及查阅).
    ((kind === 'supervision' && (level === 'ministry' || level === 'province')) || kind === 'operations') && 'audit.read',
    // 数据库备份 and the job queue (作业队列) are watched by operations (运维); retrying a dead job is audited.
    kind === 'operations' && 'backup.read',
    kind === 'operations' && 'job.read',
    kind === 'operations' && 'job.retry',
    'feedback.file',
    kind === 'operations' && 'feedback.handle',
    // 部安全中心 is the operations agency's admin accounts: it confirms proposals and consents in incidents.
    kind === 'operations' && role === 'admin' && 'feedback.confirm',
    (kind === 'operations' || (kind === 'supervision' && (level === 'ministry' || level === 'province'))) && 'incident.read',
    kind === 'operations' && 'incident.report',
    kind === 'operations' && role === 'admin' && 'incident.consent',
    kind === 'supervision' && level === 'province' && role === 'admin' && 'incident.liaison',
  ],
  subject: () => ['feedback.file'],
});
