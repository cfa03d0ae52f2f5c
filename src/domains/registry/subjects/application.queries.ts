import { and, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { AgencyActor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { escapeLike, readsOf } from '../../../platform/db/rows.js';
import { fileError } from '../../../platform/files/storage.js';
import { keyset } from '../../../platform/http/pagination.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { listScopeWhere } from '../../../platform/http/list-scope.js';
import type { ListScope } from '../../../platform/http/list-scope.shared.js';
import { maskIdNumber } from '../../../platform/pii/pii.js';
import { regionRange } from '../../../platform/auth/visibility.js';
import type { RegistryDeps } from '../deps.js';
import type { ApplicationOut, IDENTITY_CLASHES, SubjectProfileIn } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { regionNameOf, regionPaths } from '../../regions/index.js';
import { identityCode, toProfileOut } from './subject.queries.js';
import { subjectApplicationEvents, subjectApplications, subjects } from '../schema.js';
import { applicationVisibility } from '../visibility.js';

// The reads of applications (申请): the inbox, the detail as the applicant and the county see it, identity clashes and
// the temporary subjects an approval may claim. The commands are application.service.ts.

export type ApplicationRow = typeof subjectApplications.$inferSelect;
type IdentityClash = (typeof IDENTITY_CLASHES)[number];
/** The statuses of an application still open (a login or an identity number it holds is taken). */
export const OPEN: readonly string[] = ['pending', 'returned'];
/** The form as stored: everything but the identity number, the phone and the password. */
export type StoredForm = Omit<SubjectProfileIn, 'idNumber' | 'phone'>;

/** For open applications: whether their identity number is a registered subject's, or another open application's. */
export async function identityClashes(db: Executor, rows: readonly { id: string; idHash: string; status: string }[]): Promise<Map<string, IdentityClash>> {
  const open = rows.filter((r) => OPEN.includes(r.status));
  const clashes = new Map<string, IdentityClash>();
  if (open.length === 0) return clashes;
  const hashes = [...new Set(open.map((r) => r.idHash))];
  const [registered, others] = await Promise.all([
    db.select({ idHash: subjects.idHash }).from(subjects).where(and(inArray(subjects.idHash, hashes), inArray(subjects.status, ['active', 'suspended']))),
    db
      .select({ id: subjectApplications.id, idHash: subjectApplications.idHash })
      .from(subjectApplications)
      .where(and(inArray(subjectApplications.idHash, hashes), inArray(subjectApplications.status, [...OPEN]))),
  ]);
  const taken = new Set(registered.map((r) => r.idHash));
  for (const r of open) {
    if (taken.has(r.idHash)) clashes.set(r.id, 'registered');
    else if (others.some((o) => o.idHash === r.idHash && o.id !== r.id)) clashes.set(r.id, 'pending');
  }
  return clashes;
}

export async function applicationByCode(db: Executor, code: string): Promise<ApplicationRow> {
  const [row] = await db.select().from(subjectApplications).where(eq(subjectApplications.trackingCode, code));
  if (!row) throw subjectError('APPLICATION_NOT_FOUND');
  return row;
}

/** What the applicant sees with the tracking code: always masked. */
export async function trackApplication(deps: RegistryDeps, code: string): Promise<ApplicationOut> {
  return toApplicationOut(deps, deps.db, await applicationByCode(deps.db, code), false);
}

/** 审核收件箱: applications of the actor's jurisdiction, oldest pending first. */
export async function listApplications(
  deps: RegistryDeps,
  actor: AgencyActor,
  q: { status?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined } & ListScope,
) {
  const page = keyset({ sort: subjectApplications.submittedAt, id: subjectApplications.id, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const filters: (SQL | undefined)[] = [
    applicationVisibility.filter(actor),
    q.status ? eq(subjectApplications.status, q.status) : undefined,
    q.q ? or(ilike(subjectApplications.name, `%${escapeLike(q.q)}%`), eq(subjectApplications.trackingCode, q.q.toUpperCase())) : undefined,
    ...listScopeWhere(q, subjectApplications.regionCode, subjectApplications.submittedAt),
  ];
  const [rows, total] = await Promise.all([
    deps.db
      .select()
      .from(subjectApplications)
      .where(and(...filters, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    q.cursor ? undefined : countUpTo(deps.db, deps.db.select({ id: subjectApplications.id }).from(subjectApplications).where(and(...filters)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.submittedAt, r.id]);
  const [paths, clashes] = await Promise.all([regionPaths(deps.db, result.items.map((r) => r.regionCode)), identityClashes(deps.db, result.items)]);
  return {
    items: result.items.map((r) => ({
      id: r.id,
      trackingCode: r.trackingCode,
      status: r.status,
      name: r.name,
      category: Number(r.form.category),
      orgForm: Number(r.form.orgForm),
      idKind: r.idKind,
      idNumber: maskIdNumber(deps.pii.decrypt(r.idEnc)),
      regionCode: r.regionCode,
      regionName: regionNameOf(paths.get(r.regionCode)),
      revision: r.revision,
      submittedAt: r.submittedAt,
      clash: clashes.get(r.id) ?? null,
    })),
    nextCursor: result.nextCursor,
    ...(total ? { total } : {}),
  };
}

export function isResponsibleCounty(actor: AgencyActor, app: { regionCode: string; department: string }): boolean {
  return actor.agency.kind === 'supervision' && actor.agency.level === 'county' && applicationVisibility.allows(actor, { regionCode: app.regionCode, department: app.department });
}

export async function visibleApplication(db: Executor, actor: AgencyActor, id: string, lock = false): Promise<ApplicationRow> {
  const query = db
    .select()
    .from(subjectApplications)
    .where(and(eq(subjectApplications.id, id), applicationVisibility.filter(actor)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw subjectError('APPLICATION_NOT_FOUND');
  return row;
}

export async function applicationPhoto(deps: RegistryDeps, actor: AgencyActor | null, ref: { id?: string; code?: string }, fileId: string) {
  const row = ref.code ? await applicationByCode(deps.db, ref.code) : await visibleApplication(deps.db, actor!, ref.id!);
  const photos = (row.form.photos as { fileId: string }[]) ?? [];
  if (!photos.some((p) => p.fileId === fileId)) throw fileError('FILE_NOT_FOUND');
  return fileId;
}

export async function toApplicationOut(deps: RegistryDeps, db: Executor, row: ApplicationRow, reveal: boolean): Promise<ApplicationOut> {
  const form = row.form as StoredForm;
  const [paths, history, candidates, clashes] = await readsOf(db, [
    () => regionPaths(db, [row.regionCode]),
    () => db.select().from(subjectApplicationEvents).where(eq(subjectApplicationEvents.applicationId, row.id)).orderBy(subjectApplicationEvents.at),
    () => (reveal ? claimCandidates(db, row) : Promise.resolve([])),
    () => identityClashes(db, [row]),
  ]);
  const idNumber = deps.pii.decrypt(row.idEnc);
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    status: row.status as ApplicationOut['status'],
    revision: row.revision,
    username: row.username,
    opinion: row.opinion,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    profile: toProfileOut(
      deps.pii,
      { ...form, idKind: row.idKind, idEnc: row.idEnc, legalRepIdEnc: row.legalRepIdEnc, phoneEnc: row.phoneEnc, regionCode: row.regionCode, address: form.address, lat: form.lat, lng: form.lng, photos: form.photos },
      paths.get(row.regionCode) ?? [],
      reveal,
    ),
    revealed: reveal,
    history: history.map((h) => ({ action: h.action, opinion: h.opinion, actorName: h.actorName, at: h.at })),
    subjectId: row.subjectId,
    identityCode: row.status === 'approved' ? identityCode(Number(form.category), row.idKind, idNumber, 0, reveal) : null,
    clash: clashes.get(row.id) ?? null,
    claimCandidates: candidates,
  };
}

/** Temporary subjects of the same county that share the identity number, the phone or the name. */
async function claimCandidates(db: Executor, row: ApplicationRow) {
  const county = row.regionCode.slice(0, 6);
  const rows = await db
    .select({ id: subjects.id, tempCode: subjects.tempCode, name: subjects.name, regionCode: subjects.regionCode, idHash: subjects.idHash, phoneHash: subjects.phoneHash, createdAt: subjects.createdAt })
    .from(subjects)
    .where(
      and(
        eq(subjects.status, 'temporary'),
        regionRange(subjects.regionCode, county),
        or(eq(subjects.idHash, row.idHash), eq(subjects.phoneHash, row.phoneHash), eq(subjects.name, row.name)),
      ),
    )
    .orderBy(desc(subjects.createdAt))
    .limit(10);
  return rows.map((r) => ({
    id: r.id,
    tempCode: r.tempCode ?? '',
    name: r.name,
    regionCode: r.regionCode,
    matchedBy: r.idHash === row.idHash ? 'identity' : r.phoneHash === row.phoneHash ? 'phone' : 'name',
    createdAt: r.createdAt,
  }));
}
