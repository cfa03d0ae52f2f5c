import { randomInt } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { hashPassword } from '../../../platform/auth/password.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { files } from '../../../platform/files/schema.js';
import { agencyActorIn } from '../../../platform/http/context.js';
import type { RegistryDeps } from '../deps.js';
import type { ApplicationIn, ApplicationOut, ResubmitIn, SubjectProfileIn } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { loadRegionFacts, shownIdNumber } from './subject.queries.js';
import { routeDepartment } from '../departments.js';
import { identityProblem } from './subject.rules.js';
import { applicationByCode, isResponsibleCounty, OPEN, toApplicationOut, visibleApplication, type ApplicationRow, type StoredForm } from './application.queries.js';
import { registerSubject } from './subject.registration.js';
import { assertProfile } from './subject.rules.js';
import { subjectApplicationEvents, subjectApplications, users } from '../schema.js';
import { createUploadTickets } from './upload-ticket.js';
import { assertStrongPassword } from '../accounts/user.service.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/**
 * Checks everything a submission must satisfy; the database checks come after the cheap pure rules. Its photos must
 * be uploads of this applicant (`owner`, the upload ticket's binding) or photos the application already holds. The
 * identity number is not checked against other subjects and applications here: an anonymous answer that said so
 * would tell anyone whether a number is registered (issue 19). A clash is shown to the county, which decides.
 */
async function checkSubmission(db: Executor, input: SubjectProfileIn, owner: string | null, kept: readonly string[] = []): Promise<void> {
  assertProfile(input, await loadRegionFacts(db, [input.countyCode, input.townshipCode]));
  const fileIds = [...new Set(input.photos.map((p) => p.fileId))].filter((id) => !kept.includes(id));
  if (fileIds.length === 0) return;
  const found = owner
    ? await db
        .select({ id: files.id })
        .from(files)
        .where(and(inArray(files.id, fileIds), eq(files.purpose, 'application'), eq(files.owner, owner)))
    : [];
  if (found.length !== fileIds.length) throw subjectError('PHOTO_NOT_FOUND', { fileIds: fileIds.filter((id) => !found.some((f) => f.id === id)) });
}

/** The columns a submission fills: the form without the identity number and phone, which go encrypted beside their keyed hashes. */
function submittedColumns(deps: RegistryDeps, input: SubjectProfileIn & { username?: string; password?: string | undefined; uploadTicket?: string | undefined; privacyConsent?: string; legalRepIdNumber?: string | undefined }) {
  // Named, not spread: the body also carries the login and the password, which must never land in the form.
  const { idNumber, phone, legalRepIdNumber, username: _login, password: _secret, uploadTicket: _ticket, privacyConsent: _consent, ...form } = input;
  const stored: StoredForm = form;
  return {
    form: stored,
    name: input.name,
    idKind: input.idKind,
    idEnc: deps.pii.encrypt(idNumber),
    idHash: deps.pii.hash(idNumber),
    phoneEnc: deps.pii.encrypt(phone),
    phoneHash: deps.pii.hash(phone),
    legalRepIdEnc: legalRepIdNumber ? deps.pii.encrypt(legalRepIdNumber) : null,
    regionCode: input.townshipCode,
  };
}

/** A legal representative's ID number is a company's or co-operative's (credit code) and a valid resident ID. */
function assertLegalRepId(input: { idKind: string; legalRepIdNumber?: string | undefined }) {
  if (!input.legalRepIdNumber) return;
  if (input.idKind !== 'uscc') throw subjectError('LEGAL_REP_ID_FOR_ORGANISATION');
  const problem = identityProblem('resident_id', input.legalRepIdNumber, new Date());
  if (problem) throw subjectError(problem.code, { idKind: 'resident_id', field: 'legalRepIdNumber' });
}

async function addEvent(tx: Tx, ctx: CommandContext, applicationId: string, action: string, opinion: string | null = null) {
  await tx.insert(subjectApplicationEvents).values({ applicationId, action, opinion, actorId: ctx.actor?.userId ?? null, actorName: ctx.actor?.displayName ?? null });
}

/** 在线入网登记申请: anyone may apply; the application lands in the inbox of the applicant's county. */
export async function submitApplication(deps: RegistryDeps, ctx: CommandContext, input: ApplicationIn) {
  // The account's own fields first: a refusal for them says nothing of the identity number.
  assertStrongPassword(input.password, input.username);
  assertLegalRepId(input);
  const login = input.username.toLowerCase();
  const [[taken], [openWithLogin]] = await Promise.all([
    deps.db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${login}`),
    deps.db
      .select({ id: subjectApplications.id })
      .from(subjectApplications)
      .where(and(sql`lower(${subjectApplications.username}) = ${login}`, inArray(subjectApplications.status, [...OPEN]))),
  ]);
  if (taken || openWithLogin) throw subjectError('USERNAME_TAKEN', { username: input.username });
  const owner = createUploadTickets(deps.config.secretKey).ownerOf(input.uploadTicket);
  await checkSubmission(deps.db, input, owner);
  const passwordHash = await hashPassword(input.password);
  const trackingCode = newTrackingCode();
  const row = await withTransaction(deps.db, ctx, async (tx) => {
    let inserted: ApplicationRow;
    try {
      [inserted] = (await tx
        .insert(subjectApplications)
        .values({
          trackingCode,
          status: 'pending',
          ...submittedColumns(deps, input),
          department: await routeDepartment(tx, input.townshipCode, input.industries),
          username: input.username,
          passwordHash,
          privacyConsentVersion: input.privacyConsent,
          privacyConsentAt: new Date(),
        })
        .returning()) as [ApplicationRow];
    } catch (err) {
      // The partial unique index on the login decides a race between two submissions of one username.
      if (pgErrorCode(err) === '23505') throw subjectError('USERNAME_TAKEN', { username: input.username });
      throw err;
    }
    await addEvent(tx, ctx, inserted.id, 'submit');
    await recordAudit(tx, ctx, {
      action: 'application.submit',
      targetType: 'subject_application',
      targetId: inserted.id,
      regionCode: input.townshipCode,
      after: { name: input.name, idNumber: shownIdNumber(input.idKind, input.idNumber, false), username: input.username, privacyConsent: input.privacyConsent },
    });
    return inserted;
  });
  return { id: row.id, trackingCode: row.trackingCode, status: row.status, statusUrl: `${deps.config.publicUrl}/register/status/${row.trackingCode}` };
}

/** The applicant corrects a returned application and sends it back to the same inbox. */
export async function resubmitApplication(deps: RegistryDeps, ctx: CommandContext, code: string, input: ResubmitIn): Promise<ApplicationOut> {
  const current = await applicationByCode(deps.db, code);
  if (current.status !== 'returned') throw subjectError('APPLICATION_NOT_RETURNED', { status: current.status });
  if (input.password) assertStrongPassword(input.password, current.username);
  assertLegalRepId(input);
  const owner = input.uploadTicket ? createUploadTickets(deps.config.secretKey).ownerOf(input.uploadTicket) : null;
  await checkSubmission(deps.db, input, owner, ((current.form.photos as { fileId: string }[]) ?? []).map((p) => p.fileId));
  const passwordHash = input.password ? await hashPassword(input.password) : current.passwordHash;
  const row = await withTransaction(deps.db, ctx, async (tx) => {
    const [updated] = await tx
      .update(subjectApplications)
      .set({
        status: 'pending',
        ...submittedColumns(deps, input),
        // The industries may have changed: the application goes to the department that now answers for them.
        department: await routeDepartment(tx, input.townshipCode, input.industries),
        passwordHash,
        revision: sql`${subjectApplications.revision} + 1`,
        submittedAt: new Date(),
        // The opinion stays visible in the history; the application as now submitted is undecided.
        decidedAt: null,
        decidedBy: null,
      })
      // Guarded on the status: two resubmissions racing, only one moves it.
      .where(and(eq(subjectApplications.id, current.id), eq(subjectApplications.status, 'returned')))
      .returning();
    if (!updated) throw subjectError('APPLICATION_NOT_RETURNED', { status: 'pending' });
    await addEvent(tx, ctx, updated.id, 'resubmit');
    await recordAudit(tx, ctx, {
      action: 'application.resubmit',
      targetType: 'subject_application',
      targetId: updated.id,
      regionCode: updated.regionCode,
      before: { regionCode: current.regionCode, revision: current.revision },
      after: { name: updated.name, regionCode: updated.regionCode, revision: updated.revision },
    });
    return updated;
  });
  return toApplicationOut(deps, deps.db, row, false);
}

/**
 * The approval view. The responsible county sees the identity number and phone in full to check them against
 * the photos; that viewing is itself audited. Everyone else sees them masked.
 */
export async function applicationDetail(deps: RegistryDeps, ctx: CommandContext, id: string): Promise<ApplicationOut> {
  const actor = agencyActorIn(ctx);
  const row = await visibleApplication(deps.db, actor, id);
  const reveal = isResponsibleCounty(actor, row) && (row.status === 'pending' || row.status === 'returned');
  if (!reveal) return toApplicationOut(deps, deps.db, row, false);
  return withTransaction(deps.db, null, async (tx) => {
    await recordAudit(tx, ctx, { action: 'application.view_pii', targetType: 'subject_application', targetId: row.id, regionCode: row.regionCode });
    return toApplicationOut(deps, tx, row, true);
  });
}

type Decision = { action: 'approve'; claimTemporaryId?: string | undefined } | { action: 'return' | 'reject'; opinion: string };

/** 审核: approve (the subject and its main account come to life), return for correction, or reject. */
export async function decideApplication(deps: RegistryDeps, ctx: CommandContext, id: string, decision: Decision): Promise<ApplicationOut> {
  const actor = agencyActorIn(ctx);
  const row = await withTransaction(deps.db, ctx, async (tx) => {
    const app = await visibleApplication(tx, actor, id, true);
    if (!isResponsibleCounty(actor, app)) throw subjectError('NOT_RESPONSIBLE_COUNTY');
    if (app.status !== 'pending') throw subjectError('APPLICATION_NOT_PENDING', { status: app.status });
    let subjectId: string | null = null;
    if (decision.action === 'approve') {
      const form = app.form as StoredForm;
      const registered = await registerSubject(
        tx,
        deps.pii,
        ctx,
        {
          ...form,
          idNumber: deps.pii.decrypt(app.idEnc),
          phone: deps.pii.decrypt(app.phoneEnc),
          legalRepIdNumber: app.legalRepIdEnc ? deps.pii.decrypt(app.legalRepIdEnc) : undefined,
        },
        { username: app.username, passwordHash: app.passwordHash, mustChangePassword: false },
        { claimTemporaryId: decision.claimTemporaryId, via: 'application', applicationId: app.id, department: app.department },
      );
      subjectId = registered.subjectId;
    }
    const status = decision.action === 'approve' ? 'approved' : decision.action === 'return' ? 'returned' : 'rejected';
    const opinion = decision.action === 'approve' ? null : decision.opinion;
    const [updated] = await tx
      .update(subjectApplications)
      .set({ status, opinion, decidedAt: new Date(), decidedBy: actor.userId, subjectId })
      .where(eq(subjectApplications.id, app.id))
      .returning();
    await addEvent(tx, ctx, app.id, decision.action, opinion);
    await recordAudit(tx, ctx, {
      action: `application.${decision.action}`,
      targetType: 'subject_application',
      targetId: app.id,
      regionCode: app.regionCode,
      before: { status: app.status },
      after: { status, opinion, subjectId },
    });
    return updated!;
  });
  return toApplicationOut(deps, deps.db, row, false);
}

