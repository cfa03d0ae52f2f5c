import { maskPersonName, NATURAL_PERSON_ORG_FORM } from '../../../platform/pii/pii.js';
import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Actor, CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { subjectActorIn } from '../../../platform/http/context.js';
import { useCjkFont } from '../../../platform/print/cjk-font.js';
import { toCertificateOut } from './certificate.queries.js';
import type { RegistryDeps } from '../deps.js';
import { subjectError } from './subject.errors.js';
import { regionNameOf, regionPaths } from '../../regions/index.js';
import { subjectIdentityCode, toSubjectListItem } from './subject.queries.js';
import { newIdentityToken } from './subject.registration.js';
import { subjectCertificates, subjects } from '../schema.js';
import { subjectVisibility } from '../visibility.js';

export const identityUrl = (deps: RegistryDeps, token: string) => `${deps.config.publicUrl}/e/${token}`;

/** 电子身份标识: the URL its QR carries, and the QR itself as SVG. */
export async function myIdentity(deps: RegistryDeps, actor: SubjectActor) {
  const [s] = await deps.db.select({ eToken: subjects.eToken, issuedAt: subjects.eTokenIssuedAt }).from(subjects).where(eq(subjects.id, actor.subject.id));
  const url = identityUrl(deps, s!.eToken!);
  return { url, token: s!.eToken!, issuedAt: s!.issuedAt!, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

/** A new token: the printed QR stops resolving at once (a lost or copied card is revoked this way). */
export async function regenerateIdentity(deps: RegistryDeps, ctx: CommandContext) {
  const actor = subjectActorIn(ctx);
  await withTransaction(deps.db, ctx, async (tx) => {
    const token = newIdentityToken();
    await tx.update(subjects).set({ eToken: token, eTokenIssuedAt: new Date() }).where(eq(subjects.id, actor.subject.id));
    await recordAudit(tx, ctx, { action: 'subject.identity_regenerate', targetType: 'subject', targetId: actor.subject.id, regionCode: actor.subject.regionCode });
  });
  return myIdentity(deps, actor);
}

/** The card to print: name, category, region, identity code (masked for a person) and the QR. */
export async function identityCardPdf(deps: RegistryDeps, actor: SubjectActor): Promise<Buffer> {
  const [s] = await deps.db.select().from(subjects).where(eq(subjects.id, actor.subject.id));
  const subject = s!;
  const url = identityUrl(deps, subject.eToken!);
  const qr = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 });
  const region = regionNameOf((await regionPaths(deps.db, [subject.regionCode])).get(subject.regionCode)) ?? subject.regionCode;
  const mm = (v: number) => (v * 72) / 25.4;
  const doc = new PDFDocument({ size: [mm(90), mm(130)], margin: mm(6), info: { Title: `电子身份标识 ${subject.name}`, Producer: 'Tracenet' } });
  useCjkFont(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = mm(78);
  doc.fontSize(13).text('农产品生产经营主体电子身份标识', { width, align: 'center' });
  doc.moveDown(0.3).fontSize(8).fillColor('#555').text('Electronic identity of an agricultural producer / trader', { width, align: 'center' });
  doc.image(qr, mm(15), mm(24), { width: mm(60) });
  doc.y = mm(87);
  doc.fillColor('#000').fontSize(12).text(subject.name, { width, align: 'center' });
  doc.moveDown(0.4).fontSize(8).text(`${CATEGORY_ZH[subject.category] ?? ''} · ${ORG_FORM_ZH[subject.orgForm] ?? ''}`, { width, align: 'center' });
  doc.moveDown(0.2).text(region, { width, align: 'center' });
  doc.moveDown(0.2).text(`主体身份码 ${subjectIdentityCode(deps.pii, subject)}`, { width, align: 'center' });
  doc.moveDown(0.2).fillColor('#555').fontSize(7).text(`签发 ${subject.eTokenIssuedAt!.toISOString().slice(0, 10)} · 扫码核验 Scan to verify`, { width, align: 'center' });
  doc.end();
  return done;
}

const CATEGORY_ZH: Record<number, string> = { 0: '生产', 1: '经营', 2: '生产经营', 3: '农资' };
const ORG_FORM_ZH: Record<number, string> = { 0: '企业', 1: '个人', 2: '家庭农场', 3: '合作社' };

/**
 * What a signed-in inspector or trader sees on scanning an identity: who the subject is and its certificates.
 * Officials of the subject's jurisdiction are also told they may open the full record.
 */
export async function resolveIdentity(deps: RegistryDeps, actor: Actor, token: string) {
  const [s] = await deps.db.select().from(subjects).where(eq(subjects.eToken, token));
  if (!s || (s.status !== 'active' && s.status !== 'suspended')) throw subjectError('IDENTITY_TOKEN_NOT_FOUND');
  const certs = await deps.db
    .select()
    .from(subjectCertificates)
    .where(and(eq(subjectCertificates.subjectId, s.id), ne(subjectCertificates.status, 'withdrawn')));
  const region = regionNameOf((await regionPaths(deps.db, [s.regionCode])).get(s.regionCode));
  return {
    subject: toSubjectListItem(deps.pii, s, region),
    // Without the scans' file ids: a look-up tells what a certificate says, and hands out nothing another could cite.
    certificates: certs.map((c) => ({ ...toCertificateOut(c), scanFileId: null })),
    canOpenDetail: actor.kind === 'agency' && actor.permissions.has('subject.read') && subjectVisibility.allows(actor, s),
  };
}

/** For the public `/e/{token}` page: whether the token is live, and the name to show. */
export async function publicIdentity(deps: RegistryDeps, token: string) {
  const [s] = await deps.db
    .select({ id: subjects.id, name: subjects.name, orgForm: subjects.orgForm, status: subjects.status, regionCode: subjects.regionCode })
    .from(subjects)
    .where(eq(subjects.eToken, token));
  if (!s || (s.status !== 'active' && s.status !== 'suspended')) return null;
  // Its certificates are public facts (their numbers are what a buyer checks with the issuing body).
  const certificates = await deps.db
    .select({ kind: subjectCertificates.kind, number: subjectCertificates.number, validTo: subjectCertificates.validTo, validFrom: subjectCertificates.validFrom, status: subjectCertificates.status })
    .from(subjectCertificates)
    .where(and(eq(subjectCertificates.subjectId, s.id), inArray(subjectCertificates.status, ['verified', 'unverified'])));
  const today = new Date().toISOString().slice(0, 10);
  return {
    // A natural person is named on a public page as on the public trace page: by the family name only.
    name: s.orgForm === NATURAL_PERSON_ORG_FORM ? maskPersonName(s.name) : s.name,
    status: s.status,
    region: regionNameOf((await regionPaths(deps.db, [s.regionCode])).get(s.regionCode)),
    certificates: certificates.map((c) => ({ kind: c.kind, number: c.number, validTo: c.validTo, valid: c.validFrom <= today && today <= c.validTo, verified: c.status === 'verified' })),
  };
}

/** The same look-up as subjectOfIdentityToken, as a subquery (column `id`) for a command written as one statement (a sale). */
export function subjectOfIdentityTokenSql(token: string): SQL {
  return sql`SELECT id FROM subjects WHERE e_token = ${token}::text AND status = 'active'`;
}

/** The subject behind a scanned electronic identity, for another domain (a trade's buyer): active ones only. */
export async function subjectOfIdentityToken(deps: Pick<RegistryDeps, 'db'>, token: string) {
  const [s] = await deps.db
    .select({ id: subjects.id, name: subjects.name, regionCode: subjects.regionCode })
    .from(subjects)
    .where(and(eq(subjects.eToken, token), eq(subjects.status, 'active')));
  return s;
}

/**
 * The subject an officer scanned or typed in the field: its electronic identity (the `/e/{token}` link or the token),
 * its 主体临时身份码, or its identity code (`category.ID number.account`, the number in full). Registered, suspended
 * or temporary; undefined when nothing matches.
 */
export async function subjectIdOfIdentity(deps: Pick<RegistryDeps, 'db' | 'pii'>, text: string): Promise<string | undefined> {
  const value = text.trim();
  const inUrl = /\/e\/([A-Za-z0-9_-]{16,40})(?:[/?#]|$)/.exec(value);
  const code = /^[0-3]\.([0-9A-Z]{18})\.\d{5}$/.exec(value.toUpperCase());
  const where = inUrl
    ? eq(subjects.eToken, inUrl[1]!)
    : code
      ? eq(subjects.idHash, deps.pii.hash(code[1]!))
      : /^[A-Za-z0-9_-]{16,40}$/.test(value)
        ? or(eq(subjects.eToken, value), eq(subjects.tempCode, value.toUpperCase()))
        : undefined;
  if (!where) return undefined;
  const [s] = await deps.db.select({ id: subjects.id }).from(subjects).where(and(where, inArray(subjects.status, ['active', 'suspended', 'temporary']))).limit(1);
  return s?.id;
}
