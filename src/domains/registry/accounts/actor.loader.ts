import { eq } from 'drizzle-orm';
import type { Actor, AgencyKind, AgencyLevel, Role } from '../../../platform/auth/actor.js';
import { jurisdictionPrefix } from '../../../platform/auth/jurisdiction.js';
import type { Grants } from '../../../platform/auth/permissions.js';
import type { Db } from '../../../platform/db/client.js';
import { agencies, subjects, users } from '../schema.js';

/**
 * Resolves a user id to the acting person, or null when the account, its agency or its subject is not in
 * use. A suspended subject's accounts still sign in (to see why), but with read-only permissions.
 */
export function actorLoader(db: Db, grants: Grants) {
  return async (userId: string): Promise<Actor | null> => {
    const [row] = await db
      .select({ user: users, agency: agencies, subject: { id: subjects.id, name: subjects.name, regionCode: subjects.regionCode, status: subjects.status } })
      .from(users)
      .leftJoin(agencies, eq(users.agencyId, agencies.id))
      .leftJoin(subjects, eq(users.subjectId, subjects.id))
      .where(eq(users.id, userId));
    if (!row || row.user.status !== 'active') return null;
    const role = row.user.role as Role;
    const base = { userId: row.user.id, username: row.user.username, displayName: row.user.displayName, role, mustChangePassword: row.user.mustChangePassword };
    if (row.agency) {
      if (row.agency.status !== 'active') return null;
      const kind = row.agency.kind as AgencyKind;
      const level = row.agency.level as AgencyLevel;
      return {
        ...base,
        kind: 'agency',
        agency: { id: row.agency.id, name: row.agency.name, kind, level, regionCode: row.agency.regionCode, department: row.agency.department, industries: row.agency.industries },
        jurisdiction: jurisdictionPrefix(level, row.agency.regionCode),
        permissions: grants.ofAgency(role, kind, level),
      };
    }
    if (!row.subject || (row.subject.status !== 'active' && row.subject.status !== 'suspended')) return null;
    return { ...base, kind: 'subject', subject: row.subject, accountNo: row.user.accountNo ?? 1, permissions: grants.ofSubject(role, row.subject.status) };
  };
}
