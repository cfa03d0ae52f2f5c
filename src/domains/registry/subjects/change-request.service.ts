import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AgencyActor, CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Executor } from '../../../platform/db/client.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { files } from '../../../platform/files/schema.js';
import { agencyActorIn, subjectActorIn } from '../../../platform/http/context.js';
import { keyset } from '../../../platform/http/pagination.js';
import { countUpTo } from '../../../platform/http/list-total.js';
import { listScopeWhere } from '../../../platform/http/list-scope.js';
import type { ListScope } from '../../../platform/http/list-scope.shared.js';
import { maskPhone } from '../../../platform/pii/pii.js';
import type { RegistryDeps } from '../deps.js';
import type { ChangeRequestIn } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { findSubject, loadRegionFacts, lockSubject, type SubjectRow } from './subject.queries.js';
import { assertProfile } from './subject.rules.js';
import { subjectChangeRequests, subjects, subjectStatusEvents } from '../schema.js';
import { changeRequestVisibility } from '../visibility.js';

type ChangeRow = typeof subjectChangeRequests.$inferSelect;

/** The registered data in the shape of the wizard's fields (phone in plain, for comparison only). */
function currentFields(deps: RegistryDeps, s: SubjectRow): Record<string, unknown> {
  return {
    category: s.category,
    orgForm: s.orgForm,
    name: s.name,
    industries: s.industries,
    scale: s.scale,
    scaleUnit: s.scaleUnit,
    annualOutput: s.annualOutput,
    outputUnit: s.outputUnit,
    legalRep: s.legalRep,
    phone: s.phoneEnc ? deps.pii.decrypt(s.phoneEnc) : null,
    photos: s.photos,
    townshipCode: s.regionCode,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** 变更申请: the main account proposes new registration data; the county approves it again (DESIGN.md §2). */
export async function requestChange(deps: RegistryDeps, ctx: CommandContext, input: ChangeRequestIn) {
  const actor = subjectActorIn(ctx);
  const subject = (await findSubject(deps.db, actor.subject.id))!;
  const current = currentFields(deps, subject);
  const changed = Object.entries(input.changes).filter(([k, v]) => !same(current[k], v));
  if (changed.length === 0) throw subjectError('NOTHING_CHANGED');
  const merged = { ...current, ...input.changes } as Record<string, unknown>;
  const county = subject.regionCode.slice(0, 6);
  // The whole record after the change must pass the wizard's rules; identity and county stay as they are.
  assertProfile(
    {
      ...(merged as Parameters<typeof assertProfile>[0]),
      idKind: subject.idKind as 'uscc' | 'resident_id',
      idNumber: deps.pii.decrypt(subject.idEnc!),
      provinceCode: county.slice(0, 2),
      countyCode: county,
      townshipCode: String(merged.townshipCode),
    },
    await loadRegionFacts(deps.db, [county, String(merged.townshipCode)]),
  );
  if (input.changes.photos) {
    const ids = [...new Set(input.changes.photos.map((p) => p.fileId))];
    // Only photos this subject uploaded itself, or that it already holds: another's file id is no photo of its own.
    const known = await deps.db
      .select({ id: files.id })
      .from(files)
      .where(and(inArray(files.id, ids), eq(files.purpose, 'application'), eq(files.owner, `subject:${subject.id}`)));
    const missing = ids.filter((id) => !known.some((k) => k.id === id) && !subject.photos.some((p) => p.fileId === id));
    if (missing.length) throw subjectError('PHOTO_NOT_FOUND', { fileIds: missing });
  }
  const show = (k: string, v: unknown) => (k === 'phone' && typeof v === 'string' ? maskPhone(v) : v);
  const before = Object.fromEntries(changed.map(([k]) => [k, show(k, current[k])]));
  const after = Object.fromEntries(changed.map(([k, v]) => [k, show(k, v)]));
  const secret = input.changes.phone && changed.some(([k]) => k === 'phone') ? { phone: deps.pii.encrypt(input.changes.phone) } : null;
  return withTransaction(deps.db, ctx, async (tx) => {
    let row: ChangeRow;
    try {
      [row] = (await tx
        .insert(subjectChangeRequests)
        .values({ subjectId: subject.id, regionCode: subject.regionCode, status: 'pending', before, after, secret, reason: input.reason, requestedBy: actor.userId })
        .returning()) as [ChangeRow];
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw subjectError('CHANGE_PENDING');
      throw err;
    }
    await recordAudit(tx, ctx, { action: 'subject.change_request', targetType: 'subject_change_request', targetId: row.id, regionCode: subject.regionCode, before, after });
    return toChangeOut(row, subject.name);
  });
}

function toChangeOut(r: ChangeRow, subjectName: string) {
  return {
    id: r.id,
    subjectId: r.subjectId,
    subjectName,
    status: r.status as 'pending' | 'approved' | 'rejected' | 'withdrawn',
    before: r.before,
    after: r.after,
    reason: r.reason,
    opinion: r.opinion,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

async function listChanges(db: Executor, where: (SQL | undefined)[], q: { status?: string | undefined; limit: number; cursor?: string | undefined }) {
  const page = keyset({ sort: subjectChangeRequests.createdAt, id: subjectChangeRequests.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const filter = and(...where, q.status ? eq(subjectChangeRequests.status, q.status) : undefined);
  const [rows, total] = await Promise.all([
    db
      .select({ r: subjectChangeRequests, name: subjects.name })
      .from(subjectChangeRequests)
      .innerJoin(subjects, eq(subjects.id, subjectChangeRequests.subjectId))
      .where(and(filter, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    q.cursor ? undefined : countUpTo(db, db.select({ id: subjectChangeRequests.id }).from(subjectChangeRequests).where(filter).$dynamic()),
  ]);
  const result = page.page(rows, (x) => [x.r.createdAt, x.r.id]);
  return { items: result.items.map((x) => toChangeOut(x.r, x.name)), nextCursor: result.nextCursor, ...(total ? { total } : {}) };
}

export function myChangeRequests(deps: RegistryDeps, actor: SubjectActor, q: { status?: string | undefined; limit: number; cursor?: string | undefined }) {
  return listChanges(deps.db, [eq(subjectChangeRequests.subjectId, actor.subject.id)], q);
}

/** The county's inbox of change requests (officials above it may look, only the county decides). */
export function changeRequestInbox(deps: RegistryDeps, actor: AgencyActor, q: { status?: string | undefined; subjectId?: string | undefined; limit: number; cursor?: string | undefined } & ListScope) {
  const scope = listScopeWhere(q, subjectChangeRequests.regionCode, subjectChangeRequests.createdAt);
  return listChanges(deps.db, [changeRequestVisibility.filter(actor), q.subjectId ? eq(subjectChangeRequests.subjectId, q.subjectId) : undefined, ...scope], q);
}

/** Approve (the changes apply to the subject at once) or reject (with an opinion). */
export async function decideChange(deps: RegistryDeps, ctx: CommandContext, id: string, approve: boolean, opinion: string | undefined) {
  const actor = agencyActorIn(ctx);
  if (!approve && !opinion) throw subjectError('OPINION_REQUIRED');
  return withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(subjectChangeRequests)
      .where(and(eq(subjectChangeRequests.id, id), changeRequestVisibility.filter(actor)))
      .for('update');
    if (!row) throw subjectError('CHANGE_NOT_FOUND');
    if (!(actor.agency.kind === 'supervision' && actor.agency.level === 'county')) throw subjectError('NOT_RESPONSIBLE_COUNTY');
    if (row.status !== 'pending') throw subjectError('APPLICATION_NOT_PENDING', { status: row.status });
    const subject = (await lockSubject(tx, row.subjectId))!;
    if (approve) {
      const a = row.after as Record<string, unknown>;
      const set: Partial<typeof subjects.$inferInsert> = { updatedAt: new Date() };
      for (const key of ['category', 'orgForm', 'name', 'industries', 'scale', 'scaleUnit', 'annualOutput', 'outputUnit', 'legalRep', 'photos', 'address', 'lat', 'lng'] as const) {
        if (key in a) (set as Record<string, unknown>)[key] = a[key];
      }
      if ('townshipCode' in a) set.regionCode = String(a.townshipCode);
      if (row.secret?.phone) {
        const phone = deps.pii.decrypt(row.secret.phone);
        set.phoneEnc = deps.pii.encrypt(phone);
        set.phoneHash = deps.pii.hash(phone);
      }
      await tx.update(subjects).set(set).where(eq(subjects.id, subject.id));
      if ('townshipCode' in a) {
        await tx.insert(subjectStatusEvents).values({ subjectId: subject.id, fromStatus: subject.status, toStatus: subject.status, reason: `region ${subject.regionCode} → ${String(a.townshipCode)}`, actorId: actor.userId, actorName: actor.displayName, agencyId: actor.agency.id });
      }
    }
    const status = approve ? 'approved' : 'rejected';
    const [updated] = await tx
      .update(subjectChangeRequests)
      .set({ status, opinion: opinion ?? null, decidedBy: actor.userId, decidedAt: new Date(), secret: null })
      .where(eq(subjectChangeRequests.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: approve ? 'subject.change_approve' : 'subject.change_reject',
      targetType: 'subject',
      targetId: subject.id,
      regionCode: subject.regionCode,
      before: row.before,
      after: approve ? row.after : { status, opinion },
    });
    return toChangeOut(updated!, subject.name);
  });
}
