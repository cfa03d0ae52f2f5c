/**
 * Every route declares one of these in `config.permission`; the server refuses to start with a route that
 * does not (app.ts). 'public' needs no login, 'authenticated' any logged-in account; the rest are granted by
 * role (registry/policies.ts decides which actor holds which).
 */
export const PERMISSIONS = [
  'agency.read',
  'agency.allocate',
  'user.read',
  'user.manage',
  'audit.read',
  // 数据库备份: the backup runs' results (the ministry's supervision admins, until an operations agency kind exists).
  'backup.read',
  // Agencies: search and open subjects of the jurisdiction; record unregistered subjects met in the field.
  'subject.read',
  'subject.temporary',
  // County supervision: the registration inbox (applications, change requests) and bulk import.
  'subject.approve',
  // Supervision and enforcement: bad-conduct records, suspension, certificate verification.
  'subject.supervise',
  // A subject's own accounts: every account reads its subject; the main account manages it.
  'subject.self',
  'subject.manage',
  // A subject's traceability records (bases, products, batches): every account reads, accounts of an active subject write.
  'trace.read',
  'trace.write',
  // A batch's chain (backward and forward trace): a subject's accounts for batches it holds or sold into, every
  // agency for batches of its jurisdiction (trace-graph.service.ts decides which batch).
  'trace.graph',
  // The recall list of a batch, holders' phones in full (audited): supervision agencies from the county up and enforcement.
  'trace.recall',
  // 监管业务: publishing tasks and notices down the tree (supervision agencies above the township); the inbox of
  // tasks received (every agency); base inspections (supervision agencies, stations included); province checklists.
  'supervision.publish',
  'supervision.task',
  'supervision.inspect',
  'supervision.checklist',
  // Inspections and transfers of the jurisdiction: supervision and enforcement agencies.
  'supervision.read',
  // 执法业务: enforcement agencies run cases; supervision agencies follow the cases of their jurisdiction.
  'enforcement.case',
  'enforcement.read',
  // 监测业务: testing agencies take samples, receive them at the lab and enter results; every agency reads the samples
  // and task summaries of its jurisdiction; supervision and enforcement agencies get the alerts of failed samples.
  'monitoring.sample',
  'monitoring.read',
  'monitoring.alert',
  // 系统优化建议 (issue 14 §5): every signed-in account files; operations handles and 安全中心 confirms (the ministry's
  // supervision accounts until an operations agency kind exists).
  'feedback.file',
  'feedback.handle',
  'feedback.confirm',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type RoutePermission = Permission | 'public' | 'authenticated';
