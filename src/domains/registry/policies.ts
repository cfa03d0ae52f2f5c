import type { AgencyActor, AgencyKind, AgencyLevel, Role } from '../../platform/auth/actor.js';
import { PREFIX_LENGTH } from '../../platform/auth/jurisdiction.js';
import { manageableRoles } from './accounts/manage-rules.shared.js';
import { settablePriorityFlags, type PriorityFlag } from './subjects/priority-flags.shared.js';

// manageableRoles is the console's too (manage-rules.shared.ts).
export { manageableRoles };

/**
 * The account-allocation rules of the seed (技术指南 五(一)), as pure functions:
 *  - the ministry's supervision admin allocates province supervision admins and the operations agency (运维);
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
  // 运维: the ministry's admin appoints the operations agency (安全中心 and the developer/integrator teams).
  if (a.level === 'ministry') options.push({ kind: 'operations', level: 'ministry', regionWithin: '', regionLevel: 0, accountRole: 'admin' });
  if (a.level !== 'ministry' && a.level !== 'township') {
    // 市场监督管理 (issue 21 §3) is registered at its level like a lab or an enforcement agency.
    for (const kind of ['testing', 'enforcement', 'market'] as const) {
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

export function canManageUser(actor: AgencyActor, agency: AgencyRef, userRole: Role): boolean {
  return manageableRoles(actor, agency).includes(userRole);
}

export function canListUsers(actor: AgencyActor, agency: AgencyRef): boolean {
  return manageableRoles(actor, agency).length > 0;
}

/** Suspending and restoring a subject, and verifying its certificates: supervision agencies from the county up. */
export function canSuspendSubjects(actor: AgencyActor): boolean {
  return actor.agency.kind === 'supervision' && ['ministry', 'province', 'city', 'county'].includes(actor.agency.level);
}

/**
 * 重点主体 flags: the supervision level that recognises each (priority-flags.shared.ts) sets and clears it on
 * subjects of its jurisdiction; a county's department agency only on the subjects of its department (a 渔业 bureau
 * flags its fish farms, the general 农业 agency any subject of the county).
 */
export function canSetPriorityFlag(actor: AgencyActor, flag: PriorityFlag, subject: { department: string }): boolean {
  if (!settablePriorityFlags(actor.agency).includes(flag)) return false;
  if (actor.agency.level !== 'county') return true;
  const department = actor.agency.department ?? 'agriculture';
  return department === 'agriculture' || department === subject.department;
}
