// Who manages which accounts of an agency, one rule for both sides: the server refuses the rest, and the console
// offers exactly what the server will accept.

type AccountRole = 'admin' | 'staff';
/** The administrator asking: its role and its agency. */
export type Manager = { role: AccountRole; agency: { id: string; kind: string } };
/** The agency whose accounts are in question. */
export type ManagedAgency = { id: string; level: string; parentId: string | null };

/**
 * An agency's own admins manage its accounts (a township station has no admin: staff only); the supervision
 * agency that allocated it manages its administrators, and all accounts of a township station.
 */
export function manageableRoles(manager: Manager, agency: ManagedAgency): AccountRole[] {
  if (manager.role !== 'admin') return [];
  if (agency.id === manager.agency.id) return agency.level === 'township' ? ['staff'] : ['admin', 'staff'];
  if (agency.parentId === manager.agency.id && manager.agency.kind === 'supervision') {
    return agency.level === 'township' ? ['staff'] : ['admin'];
  }
  return [];
}
