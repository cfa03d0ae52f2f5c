import { and, arrayContains, count, desc, eq, ilike, ne, or, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/client.js';
import { escapeLike } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { fileError } from '../../../platform/files/storage.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import type { RegistryDeps } from '../deps.js';
import { canSuspendSubjects } from '../policies.js';
import { toCertificateOut } from './certificate.queries.js';
import type { SubjectDetailOut } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { regionNameOf, regionPaths } from '../../regions/index.js';
import { lockSubject, subjectIdentityCode, toProfileOut, toSubjectListItem, type SubjectRow } from './subject.queries.js';
import { agencies, subjectBadRecords, subjectCertificates, subjectChangeRequests, subjects, subjectStatusEvents, users } from '../schema.js';
import { subjectVisibility } from '../visibility.js';
import { regionRange } from '../../../platform/auth/visibility.js';
import { chinaDayRange } from '../../../platform/china-time.js';

/** The subject a subject account acts for, as `GET /auth/me` shows it. */
export async function subjectOfAccount(deps: RegistryDeps, actor: SubjectActor) {
  const [s] = await deps.db.select().from(subjects).where(eq(subjects.id, actor.subject.id));
  return { id: s!.id, name: s!.name, status: s!.status, identityCode: subjectIdentityCode(deps.pii, s!), regionCode: s!.regionCode, accountNo: actor.accountNo };
}

/** 主体查询: subjects of the actor's jurisdiction, by name or by identity number/code. */
export async function listSubjects(
  deps: RegistryDeps,
  actor: AgencyActor,
  q: { q?: string | undefined; status?: string | undefined; priority?: string | undefined; category?: number | undefined; regionCode?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const page = keyset({ sort: subjects.regionCode, id: subjects.id, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    subjectVisibility.filter(actor),
    q.status ? eq(subjects.status, q.status) : undefined,
    q.priority ? arrayContains(subjects.priorityFlags, [q.priority]) : undefined,
    q.category !== undefined ? eq(subjects.category, q.category) : undefined,
    q.regionCode ? regionRange(subjects.regionCode, q.regionCode) : undefined,
    ...chinaDayRange(subjects.createdAt, q.from, q.to),
    q.q ? searchFilter(deps, q.q) : undefined,
    page.where,
  ];
  const [rows, total] = await Promise.all([
    deps.db
      .select()
      .from(subjects)
      .where(and(...filters))
      .orderBy(...page.orderBy)
      .limit(page.take),
    // The total of the same filter without the page's own condition, on the first page only.
    q.cursor ? undefined : countUpTo(deps.db, deps.db.select({ id: subjects.id }).from(subjects).where(and(...filters.slice(0, -1))).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.regionCode, r.id]);
  const paths = await regionPaths(deps.db, result.items.map((r) => r.regionCode));
  return { items: result.items.map((r) => toSubjectListItem(deps.pii, r, regionNameOf(paths.get(r.regionCode)))), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

/** A typed identity number or identity code is found through its keyed hash; anything else by name. */
function searchFilter(deps: RegistryDeps, text: string): SQL {
  const m = /^(?:\d\.)?0*([0-9A-Z]{15,18})(?:\.\d{5})?$/i.exec(text.trim());
  const byName = ilike(subjects.name, `%${escapeLike(text)}%`);
  const byTemp = eq(subjects.tempCode, text.trim().toUpperCase());
  if (!m) return or(byName, byTemp)!;
  return or(byName, byTemp, eq(subjects.idHash, deps.pii.hash(m[1]!)))!;
}

export async function visibleSubject(db: Executor, actor: AgencyActor, id: string): Promise<SubjectRow> {
  const [row] = await db
    .select()
    .from(subjects)
    .where(and(eq(subjects.id, id), subjectVisibility.filter(actor)));
  if (!row) throw subjectError('SUBJECT_NOT_FOUND');
  return row;
}

export async function subjectDetail(deps: RegistryDeps, actor: AgencyActor, id: string): Promise<SubjectDetailOut> {
  return detailOf(deps, await visibleSubject(deps.db, actor, id));
}

export async function mySubject(deps: RegistryDeps, actor: SubjectActor): Promise<SubjectDetailOut> {
  const [row] = await deps.db.select().from(subjects).where(eq(subjects.id, actor.subject.id));
  return detailOf(deps, row!);
}

async function detailOf(deps: RegistryDeps, s: SubjectRow): Promise<SubjectDetailOut> {
  const db = deps.db;
  const [paths, certs, bad, history, accounts, pending] = await Promise.all([
    regionPaths(db, [s.regionCode]),
    db.select().from(subjectCertificates).where(and(eq(subjectCertificates.subjectId, s.id), ne(subjectCertificates.status, 'withdrawn'))).orderBy(desc(subjectCertificates.createdAt)),
    db
      .select({ r: subjectBadRecords, agencyName: agencies.name, recordedByName: users.displayName })
      .from(subjectBadRecords)
      .leftJoin(agencies, eq(agencies.id, subjectBadRecords.agencyId))
      .leftJoin(users, eq(users.id, subjectBadRecords.recordedBy))
      .where(eq(subjectBadRecords.subjectId, s.id))
      .orderBy(desc(subjectBadRecords.createdAt))
      .limit(100),
    db.select().from(subjectStatusEvents).where(eq(subjectStatusEvents.subjectId, s.id)).orderBy(desc(subjectStatusEvents.at)).limit(100),
    db.select({ n: count() }).from(users).where(eq(users.subjectId, s.id)),
    db.select({ id: subjectChangeRequests.id }).from(subjectChangeRequests).where(and(eq(subjectChangeRequests.subjectId, s.id), eq(subjectChangeRequests.status, 'pending'))),
  ]);
  const path = paths.get(s.regionCode) ?? [];
  return {
    ...toSubjectListItem(deps.pii, s, regionNameOf(path)),
    profile: toProfileOut(deps.pii, s, path, false),
    tempCode: s.tempCode,
    certificates: certs.map((c) => toCertificateOut(c)),
    badRecords: bad.map(({ r, agencyName, recordedByName }) => ({
      id: r.id,
      severity: r.severity as 'minor' | 'serious' | 'grave',
      description: r.description,
      occurredOn: r.occurredOn,
      source: r.source,
      agencyName,
      recordedByName,
      createdAt: r.createdAt,
    })),
    statusHistory: history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, reason: h.reason, actorName: h.actorName, at: h.at })),
    accountCount: accounts[0]?.n ?? 0,
    pendingChange: pending.length > 0,
  };
}

/** A licence or ID photo of a subject: for officials of its jurisdiction, or for the subject's own accounts. */
export async function subjectPhoto(deps: RegistryDeps, actor: AgencyActor | SubjectActor, subjectId: string, fileId: string): Promise<string> {
  const s = actor.kind === 'agency' ? await visibleSubject(deps.db, actor, subjectId) : (await deps.db.select().from(subjects).where(eq(subjects.id, actor.subject.id)))[0]!;
  if (!s.photos.some((p) => p.fileId === fileId)) throw fileError('FILE_NOT_FOUND');
  return fileId;
}

/** 暂停 / 恢复: a supervision agency of the subject's jurisdiction stops or restores its accounts' writing. */
export async function setSubjectStatus(deps: RegistryDeps, ctx: CommandContext, id: string, to: 'active' | 'suspended', reason: string): Promise<SubjectDetailOut> {
  const actor = agencyActorIn(ctx);
  if (!canSuspendSubjects(actor)) throw subjectError('OUT_OF_JURISDICTION');
  await withTransaction(deps.db, ctx, async (tx) => {
    const s = await lockSubject(tx, id);
    if (!s || !subjectVisibility.allows(actor, s)) throw subjectError('SUBJECT_NOT_FOUND');
    const from = to === 'suspended' ? 'active' : 'suspended';
    if (s.status !== from) throw subjectError('SUBJECT_STATUS_CONFLICT', { status: s.status });
    await tx.update(subjects).set({ status: to, updatedAt: new Date() }).where(eq(subjects.id, id));
    await tx.insert(subjectStatusEvents).values({ subjectId: id, fromStatus: from, toStatus: to, reason, actorId: actor.userId, actorName: actor.displayName, agencyId: actor.agency.id });
    await recordAudit(tx, ctx, { action: to === 'suspended' ? 'subject.suspend' : 'subject.restore', targetType: 'subject', targetId: id, regionCode: s.regionCode, before: { status: from }, after: { status: to, reason } });
  });
  return subjectDetail(deps, actor, id);
}

/** 不良记录: recorded by a supervision or enforcement agency of the subject's jurisdiction. */
export async function addBadRecord(deps: RegistryDeps, ctx: CommandContext, id: string, input: { severity: string; description: string; occurredOn: string }): Promise<SubjectDetailOut> {
  const actor = agencyActorIn(ctx);
  if (input.occurredOn > new Date().toISOString().slice(0, 10)) throw subjectError('BAD_RECORD_FUTURE');
  await withTransaction(deps.db, ctx, async (tx) => {
    const s = await visibleSubject(tx, actor, id);
    const [row] = await tx
      .insert(subjectBadRecords)
      .values({ subjectId: id, severity: input.severity, description: input.description, occurredOn: input.occurredOn, agencyId: actor.agency.id, recordedBy: actor.userId })
      .returning({ id: subjectBadRecords.id });
    await recordAudit(tx, ctx, { action: 'subject.bad_record', targetType: 'subject', targetId: id, regionCode: s.regionCode, after: { recordId: row!.id, ...input } });
  });
  return subjectDetail(deps, actor, id);
}
