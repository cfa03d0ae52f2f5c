import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { pgErrorCode } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { files } from '../../../platform/files/schema.js';
import { agencyActorIn, subjectActorIn } from '../../../platform/http/context.js';
import { toCertificateOut } from './certificate.queries.js';
import type { RegistryDeps } from '../deps.js';
import { canSuspendSubjects } from '../policies.js';
import type { CertificateOut } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';
import { subjectCertificates, subjects } from '../schema.js';
import { subjectVisibility } from '../visibility.js';

type CertificateInput = { kind: string; number: string; products: string; issuer?: string | undefined; validFrom: string; validTo: string; scanFileId: string };

/** 三品一标 / 承诺达标: the main account attaches a certificate with the scan of it; it starts unverified. */
export async function addCertificate(deps: RegistryDeps, ctx: CommandContext, input: CertificateInput): Promise<CertificateOut> {
  const actor = subjectActorIn(ctx);
  if (input.validTo < input.validFrom) throw subjectError('CERTIFICATE_DATES');
  return withTransaction(deps.db, ctx, async (tx) => {
    const [scan] = await tx
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.id, input.scanFileId), eq(files.purpose, 'certificate'), eq(files.owner, `subject:${actor.subject.id}`)));
    if (!scan) throw subjectError('PHOTO_NOT_FOUND', { fileIds: [input.scanFileId] });
    let row: typeof subjectCertificates.$inferSelect;
    try {
      [row] = (await tx
        .insert(subjectCertificates)
        .values({ subjectId: actor.subject.id, kind: input.kind, number: input.number, products: input.products, issuer: input.issuer ?? null, validFrom: input.validFrom, validTo: input.validTo, scanFileId: input.scanFileId })
        .returning()) as [typeof subjectCertificates.$inferSelect];
    } catch (err) {
      if (pgErrorCode(err) === '23505') throw subjectError('CERTIFICATE_EXISTS', { kind: input.kind, number: input.number });
      throw err;
    }
    await recordAudit(tx, ctx, { action: 'certificate.add', targetType: 'subject_certificate', targetId: row.id, regionCode: actor.subject.regionCode, after: { ...input } });
    return toCertificateOut(row);
  });
}

/** The subject withdraws a certificate it no longer holds; the record stays, marked withdrawn. */
export async function withdrawCertificate(deps: RegistryDeps, ctx: CommandContext, id: string): Promise<CertificateOut> {
  const actor = subjectActorIn(ctx);
  return withTransaction(deps.db, ctx, async (tx) => {
    const [row] = await tx
      .update(subjectCertificates)
      .set({ status: 'withdrawn' })
      .where(and(eq(subjectCertificates.id, id), eq(subjectCertificates.subjectId, actor.subject.id), sql`${subjectCertificates.status} <> 'withdrawn'`))
      .returning();
    if (!row) throw subjectError('CERTIFICATE_NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'certificate.withdraw', targetType: 'subject_certificate', targetId: id, regionCode: actor.subject.regionCode });
    return toCertificateOut(row);
  });
}

/** 核验: a supervision agency of the subject's jurisdiction marks a certificate verified (or not genuine). */
export async function verifyCertificate(deps: RegistryDeps, ctx: CommandContext, id: string, input: { verified: boolean; note?: string | undefined }): Promise<CertificateOut> {
  const actor = agencyActorIn(ctx);
  if (!canSuspendSubjects(actor)) throw subjectError('OUT_OF_JURISDICTION');
  return withTransaction(deps.db, ctx, async (tx) => {
    const [found] = await tx
      .select({ cert: subjectCertificates, regionCode: subjects.regionCode, department: subjects.department })
      .from(subjectCertificates)
      .innerJoin(subjects, eq(subjects.id, subjectCertificates.subjectId))
      .where(eq(subjectCertificates.id, id))
      .for('update');
    if (!found || !subjectVisibility.allows(actor, found)) throw subjectError('CERTIFICATE_NOT_FOUND');
    if (found.cert.status !== 'unverified') throw subjectError('CERTIFICATE_NOT_UNVERIFIED', { status: found.cert.status });
    const status = input.verified ? 'verified' : 'rejected';
    const [row] = await tx
      .update(subjectCertificates)
      .set({ status, verifiedBy: actor.userId, verifiedAt: new Date(), verifyNote: input.note ?? null })
      .where(eq(subjectCertificates.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: 'certificate.verify', targetType: 'subject_certificate', targetId: id, regionCode: found.regionCode, before: { status: 'unverified' }, after: { status, note: input.note ?? null } });
    return toCertificateOut(row!);
  });
}

/** The scan of a certificate: for the subject's own accounts and for officials of its jurisdiction. */
export async function certificateScan(deps: RegistryDeps, actor: Actor, id: string): Promise<string> {
  const [found] = await deps.db
    .select({ scanFileId: subjectCertificates.scanFileId, subjectId: subjects.id, regionCode: subjects.regionCode, department: subjects.department })
    .from(subjectCertificates)
    .innerJoin(subjects, eq(subjects.id, subjectCertificates.subjectId))
    .where(eq(subjectCertificates.id, id));
  const allowed = found && (actor.kind === 'subject' ? actor.subject.id === found.subjectId : subjectVisibility.allows(actor, found));
  if (!found || !allowed || !found.scanFileId) throw subjectError('CERTIFICATE_NOT_FOUND');
  return found.scanFileId;
}
