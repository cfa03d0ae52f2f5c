import { and, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { subjectApplications, subjects, users } from '../schema.js';
import { OPEN as OPEN_APPLICATION } from './application.queries.js';

/**
 * What the database already holds of an import's rows: identity numbers (keyed hashes) of registered subjects and of
 * open applications, and logins taken by an account or waited for by an open application.
 */
export async function takenIdentitiesAndLogins(db: Executor, hashes: string[], names: string[]): Promise<{ registered: Set<string | null>; pending: Set<string>; takenLogins: Set<string> }> {
  const [registeredRows, pendingRows, takenUsers, wantedUsers] = await Promise.all([
    hashes.length
      ? db
          .select({ h: subjects.idHash })
          .from(subjects)
          .where(and(inArray(subjects.idHash, hashes), inArray(subjects.status, ['active', 'suspended'])))
      : [],
    hashes.length
      ? db
          .select({ h: subjectApplications.idHash })
          .from(subjectApplications)
          .where(and(inArray(subjectApplications.idHash, hashes), inArray(subjectApplications.status, [...OPEN_APPLICATION])))
      : [],
    names.length ? db.select({ u: sql<string>`lower(${users.username})` }).from(users).where(inArray(sql`lower(${users.username})`, names)) : [],
    // A login an open application waits for would make that application's approval fail later.
    names.length
      ? db
          .select({ u: sql<string>`lower(${subjectApplications.username})` })
          .from(subjectApplications)
          .where(and(inArray(sql`lower(${subjectApplications.username})`, names), inArray(subjectApplications.status, [...OPEN_APPLICATION])))
      : [],
  ]);
  const registered = new Set(registeredRows.map((r) => r.h));
  const pending = new Set(pendingRows.map((r) => r.h));
  const takenLogins = new Set([...takenUsers, ...wantedUsers].map((r) => r.u));
  return { registered, pending, takenLogins };
}
