import { manageableRoles as rolesManagedBy, type ManagedAgency } from '../../../../../src/domains/registry/accounts/manage-rules.shared';
import type { Agency, Role, User } from '../registry.types';

/** Which account roles I may manage in an agency: the server's own rule (manage-rules.shared.ts), for my session. */
export function manageableRoles(me: { user: Pick<User, 'role'>; agency: Pick<Agency, 'id' | 'kind'> }, agency: ManagedAgency): Role[] {
  return rolesManagedBy({ role: me.user.role, agency: me.agency }, agency);
}

/** Only supervision agencies above the township allocate sub-agencies, so only they can have children. */
export function mayHaveChildren(agency: Pick<Agency, 'kind' | 'level' | 'childCount'>): boolean {
  return agency.childCount > 0 || (agency.kind === 'supervision' && agency.level !== 'township');
}
