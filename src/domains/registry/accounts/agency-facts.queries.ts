import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AgencyKind, AgencyLevel } from '../../../platform/auth/actor.js';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { agencies, subjectBadRecords, subjects, users } from '../schema.js';
import { regionRange } from '../../../platform/auth/visibility.js';

// What the supervision and enforcement domains need to know of agencies, accounts and subjects, without naming
// the registry's tables.

/** `department`: 部门 of a supervision agency (issue 21 §3), 'agriculture' for the general one and every other kind. */
export type AgencyFacts = { id: string; name: string; kind: AgencyKind; level: AgencyLevel; regionCode: string; department: string };

/** Active agencies among these ids (the recipients a publisher chose). */
export async function activeAgencies(db: Executor, ids: string[]): Promise<AgencyFacts[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, department: agencies.department })
    .from(agencies)
    .where(and(inArray(agencies.id, ids), eq(agencies.status, 'active')));
  return rows as AgencyFacts[];
}

/** Active agencies whose region lies under a prefix (the recipients a publisher may choose from), by level. */
export async function activeAgenciesWithin(db: Executor, prefix: string): Promise<AgencyFacts[]> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, department: agencies.department })
    .from(agencies)
    .where(and(eq(agencies.status, 'active'), regionRange(agencies.regionCode, prefix)))
    .orderBy(asc(sql`length(${agencies.regionCode})`), asc(agencies.regionCode), asc(agencies.kind))
    .limit(1000);
  return rows as AgencyFacts[];
}

/** Active enforcement agencies whose jurisdiction covers a region (county, city, province), nearest first. */
export async function enforcementAgenciesOver(db: Executor, regionCode: string): Promise<AgencyFacts[]> {
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, department: agencies.department })
    .from(agencies)
    // The other way round from a jurisdiction (which agencies' prefixes the region starts with): no range applies.
    // eslint-disable-next-line no-restricted-syntax
    .where(and(eq(agencies.status, 'active'), eq(agencies.kind, 'enforcement'), sql`${regionCode}::text LIKE ${agencies.regionCode} || '%'`))
    .orderBy(sql`length(${agencies.regionCode}) DESC`, asc(agencies.name))
    .limit(100);
  return rows as AgencyFacts[];
}

/** Active agencies of these kinds seated exactly in these regions (a county's supervision and enforcement agencies). */
export async function activeAgenciesSeatedIn(db: Executor, regionCodes: string[], kinds: AgencyKind[]): Promise<AgencyFacts[]> {
  if (regionCodes.length === 0 || kinds.length === 0) return [];
  const rows = await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, department: agencies.department })
    .from(agencies)
    .where(and(eq(agencies.status, 'active'), inArray(agencies.regionCode, [...new Set(regionCodes)]), inArray(agencies.kind, kinds)))
    .orderBy(asc(agencies.regionCode), asc(agencies.kind), asc(agencies.name))
    .limit(100);
  return rows as AgencyFacts[];
}

/**
 * The market regulators (市场监督管理, issue 21 §3) nearest each market region: those seated in its county, else its
 * city, else its province — the one that answers for the market.
 */
export async function marketRegulatorsOver(db: Executor, regionCodes: string[]): Promise<AgencyFacts[]> {
  const seats = [...new Set(regionCodes.filter((r) => r.length >= 6).flatMap((r) => [r.slice(0, 6), r.slice(0, 4), r.slice(0, 2)]))];
  if (seats.length === 0) return [];
  const rows = (await db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, level: agencies.level, regionCode: agencies.regionCode, department: agencies.department })
    .from(agencies)
    .where(and(eq(agencies.status, 'active'), eq(agencies.kind, 'market'), inArray(agencies.regionCode, seats)))
    .limit(500)) as AgencyFacts[];
  const chosen = new Map<string, AgencyFacts>();
  for (const region of new Set(regionCodes)) {
    const nearest = [6, 4, 2].map((n) => rows.filter((a) => a.regionCode === region.slice(0, n))).find((found) => found.length > 0) ?? [];
    for (const a of nearest) chosen.set(a.id, a);
  }
  return [...chosen.values()];
}

/** Display names of accounts, for task assignees and histories. */
export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Where each account works — its agency's name, or its subject's — for lists of who did what (the audit log). */
export async function accountAffiliations(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, agency: agencies.name, subject: subjects.name })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(subjects, eq(subjects.id, users.subjectId))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.flatMap((r) => (r.agency ?? r.subject ? [[r.id, (r.agency ?? r.subject)!] as const] : [])));
}

/** Names of agencies, for lists. */
export async function agencyNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(inArray(agencies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The active accounts of one agency among these user ids, with their names (staff assigned to a task). */
export async function agencyMembers(db: Executor, agencyId: string, userIds: string[]): Promise<{ id: string; displayName: string }[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.agencyId, agencyId), eq(users.status, 'active')));
}

/** The active accounts of an agency, by name (whom a task can be assigned to). */
export async function activeMembersOf(db: Executor, agencyId: string): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName))
    .limit(500);
}

/** `department`: the 部门 the subject answers to (issue 21 §3), 'agriculture' for the general bureau. */
export type SubjectFacts = { id: string; name: string; regionCode: string; department: string; status: string; industries: string[]; tempCode: string | null };

/** A subject as an inspection or a case refers to it; registered, suspended or temporary. */
export async function subjectFacts(db: Executor, id: string): Promise<SubjectFacts | undefined> {
  const [row] = await db
    .select({ id: subjects.id, name: subjects.name, regionCode: subjects.regionCode, department: subjects.department, status: subjects.status, industries: subjects.industries, tempCode: subjects.tempCode })
    .from(subjects)
    .where(eq(subjects.id, id));
  return row;
}

/** 不良记录 written by a closed enforcement case with a penalty, in the case's transaction. */
export async function recordCaseBadConduct(tx: Tx, input: { subjectId: string; severity: 'minor' | 'serious' | 'grave'; description: string; occurredOn: string; agencyId: string; recordedBy: string }): Promise<string> {
  const [row] = await tx
    .insert(subjectBadRecords)
    .values({ ...input, source: 'enforcement' })
    .returning({ id: subjectBadRecords.id });
  return row!.id;
}
