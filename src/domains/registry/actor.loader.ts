import { and, eq } from 'drizzle-orm';
import type { Actor, AgencyKind, AgencyLevel, Role } from '../../platform/auth/actor.js';
import { jurisdictionPrefix } from '../../platform/auth/jurisdiction.js';
import type { Db } from '../../platform/db/client.js';
import { permissionsOf } from './policies.js';
import { agencies, users } from './schema.js';

/** Resolves a user id to the acting person, or null when the account or its agency is not active. */
export function actorLoader(db: Db) {
  return async (userId: string): Promise<Actor | null> => {
    const [row] = await db
      .select({ user: users, agency: agencies })
      .from(users)
      .innerJoin(agencies, eq(users.agencyId, agencies.id))
      .where(and(eq(users.id, userId), eq(users.status, 'active'), eq(agencies.status, 'active')));
    if (!row) return null;
    const kind = row.agency.kind as AgencyKind;
    const level = row.agency.level as AgencyLevel;
    const role = row.user.role as Role;
    return {
      userId: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      role,
      agency: { id: row.agency.id, name: row.agency.name, kind, level, regionCode: row.agency.regionCode },
      jurisdiction: jurisdictionPrefix(level, row.agency.regionCode),
      permissions: permissionsOf(role, kind, level),
      mustChangePassword: row.user.mustChangePassword,
    };
  };
}
