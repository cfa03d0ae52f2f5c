import type { AgencyActor, AgencyKind, AgencyLevel, Role } from '../../platform/auth/actor.js';
import type { Permission } from '../../platform/auth/permissions.js';
import { PREFIX_LENGTH } from '../../platform/auth/jurisdiction.js';

/**
 * The account-allocation rules of the seed (技术指南 五(一)), as pure functions:
 *  - the ministry's supervision admin allocates province supervision admins;
 *  - a province / city supervision admin allocates its own level's testing and enforcement admins and the
 *    next level's supervision admins inside its region;
 *  - a county supervision admin allocates its own level's testing and enforcement admins and township
 *    supervision users;
 *  - every agency admin manages its own agency's users.
 */
export type AgencyRef = { id: string; kind: AgencyKind; level: AgencyLevel; regionCode: string; parentId: string | null };

const NEXT_LEVEL: Partial<Record<AgencyLevel, AgencyLevel>> = { ministry: 'province', province: 'city', city: 'county', county: 'township' };
export const REGION_LEVEL: Record<AgencyLevel, number> = { ministry: 0, province: 1, city: 2, county: 3, township: 4 };

export type AllocationOption = { kind: AgencyKind; level: AgencyLevel; regionWithin: string; regionLevel: number; accountRole: Role };

/** What this actor may allocate: the console offers exactly these, and the server accepts nothing else. */
export function allocationOptions(actor: AgencyActor): AllocationOption[] {
  const a = actor.agency;
  if (actor.role !== 'admin' || a.kind !== 'supervision') return [];
  const options: AllocationOption[] = [];
  if (a.level !== 'ministry' && a.level !== 'township') {
    for (const kind of ['testing', 'enforcement'] as const) {
      options.push({ kind, level: a.level, regionWithin: a.regionCode, regionLevel: REGION_LEVEL[a.level], accountRole: 'admin' });
    }
  }
  const next = NEXT_LEVEL[a.level];
  if (next) {
    options.push({
      kind: 'supervision',
      level: next,
      regionWithin: a.regionCode,
      regionLevel: REGION_LEVEL[next],
      // Township stations get user accounts allocated by the county, not an administrator of their own.
      accountRole: next === 'township' ? 'staff' : 'admin',
    });
  }
  return options;
}

export function findAllocationOption(actor: AgencyActor, kind: AgencyKind, level: AgencyLevel): AllocationOption | undefined {
  return allocationOptions(actor).find((o) => o.kind === kind && o.level === level);
}

/** The region code an agency of this level must carry: exactly its level's number of digits. */
export function regionFitsLevel(level: AgencyLevel, regionCode: string): boolean {
  return level === 'ministry' ? regionCode === '' : regionCode.length === PREFIX_LENGTH[level];
}

/**
 * Who manages the accounts of an agency: its own admins (any role), and the supervision agency that
 * allocated it — for its admin accounts, and for all accounts of a township station.
 */
export function manageableRoles(actor: AgencyActor, agency: AgencyRef): Role[] {
  if (actor.role !== 'admin') return [];
  if (agency.id === actor.agency.id) return agency.level === 'township' ? ['staff'] : ['admin', 'staff'];
  if (agency.parentId === actor.agency.id && actor.agency.kind === 'supervision') {
    return agency.level === 'township' ? ['staff'] : ['admin'];
  }
  return [];
}

export function canManageUser(actor: AgencyActor, agency: AgencyRef, userRole: Role): boolean {
  return manageableRoles(actor, agency).includes(userRole);
}

export function canListUsers(actor: AgencyActor, agency: AgencyRef): boolean {
  return manageableRoles(actor, agency).length > 0;
}

/** Permissions by role and agency; routes check these, services check the finer rules above. */
export function permissionsOf(role: Role, kind: AgencyKind, level: AgencyLevel): Set<Permission> {
  const p = new Set<Permission>(['agency.read']);
  if (role === 'admin') {
    p.add('user.read');
    p.add('user.manage');
    if (kind === 'supervision' && level !== 'township') p.add('agency.allocate');
  }
  // Audit of a jurisdiction is for the ministry and the provinces (运行维护: 日志的跟踪、记录及查阅).
  if (kind === 'supervision' && (level === 'ministry' || level === 'province')) p.add('audit.read');
  // 数据库备份 is watched by operations; until an operations agency kind exists, by the ministry's supervision admins.
  if (role === 'admin' && kind === 'supervision' && level === 'ministry') p.add('backup.read');
  p.add('subject.read');
  p.add('subject.temporary');
  // 由县级监管机构审核通过 (技术指南 五(一)六): only the county supervision agency approves registrations.
  if (kind === 'supervision' && level === 'county') p.add('subject.approve');
  if ((kind === 'supervision' && level !== 'township') || kind === 'enforcement') p.add('subject.supervise');
  // Every agency traces a batch of its jurisdiction (stations inspect, labs sample, enforcement investigates);
  // the recall list, with the holders' phones, is for those who order a recall: supervision from the county up, enforcement.
  p.add('trace.graph');
  if ((kind === 'supervision' && level !== 'township') || kind === 'enforcement') p.add('trace.recall');
  // 监管业务 / 执法业务 (seed 五(二), 五(四)): tasks come down the tree to every kind of agency; supervision inspects.
  p.add('supervision.task');
  if (kind === 'supervision' && level !== 'township') p.add('supervision.publish');
  if (kind === 'supervision') p.add('supervision.inspect');
  if (kind === 'supervision' && level === 'province') p.add('supervision.checklist');
  if (kind === 'enforcement') p.add('enforcement.case');
  if (kind === 'enforcement' || kind === 'supervision') {
    p.add('supervision.read');
    p.add('enforcement.read');
    p.add('monitoring.alert');
  }
  if (kind === 'testing') p.add('monitoring.sample');
  p.add('monitoring.read');
  // 系统优化建议: every account files; the ministry's supervision accounts handle and confirm until operations exists.
  p.add('feedback.file');
  if (kind === 'supervision' && level === 'ministry') for (const f of ['feedback.handle', 'feedback.confirm'] as const) p.add(f);
  return p;
}

/**
 * A subject's accounts: all read their own subject and its trace records; while the subject is active all record
 * (staff do the daily work), and the main account manages the subject.
 */
export function subjectPermissions(role: Role, subjectStatus: string): Set<Permission> {
  const p = new Set<Permission>(['subject.self', 'trace.read', 'trace.graph', 'feedback.file']);
  if (subjectStatus === 'active') p.add('trace.write');
  if (role === 'admin' && subjectStatus === 'active') p.add('subject.manage');
  return p;
}

/** Suspending and restoring a subject, and verifying its certificates: supervision agencies from the county up. */
export function canSuspendSubjects(actor: AgencyActor): boolean {
  return actor.agency.kind === 'supervision' && ['ministry', 'province', 'city', 'county'].includes(actor.agency.level);
}
