import type { Agency, AgencyMe, Role } from '../../app/types';

/**
 * Which account roles I may manage in an agency — the server's rule (policies.ts manageableRoles) mirrored
 * so the console offers only what the server will accept: my own agency's accounts, and the accounts of
 * agencies my supervision agency allocated (their administrators; all accounts of a township station).
 */
export function manageableRoles(me: Pick<AgencyMe, 'user' | 'agency'>, agency: Pick<Agency, 'id' | 'level' | 'parentId'>): Role[] {
  if (me.user.role !== 'admin') return [];
  if (agency.id === me.agency.id) return agency.level === 'township' ? ['staff'] : ['admin', 'staff'];
  if (agency.parentId === me.agency.id && me.agency.kind === 'supervision') return agency.level === 'township' ? ['staff'] : ['admin'];
  return [];
}

/** Only supervision agencies above the township allocate sub-agencies, so only they can have children. */
export function mayHaveChildren(agency: Pick<Agency, 'kind' | 'level' | 'childCount'>): boolean {
  return agency.childCount > 0 || (agency.kind === 'supervision' && agency.level !== 'township');
}
