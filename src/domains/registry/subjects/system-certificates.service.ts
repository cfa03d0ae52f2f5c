import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor, Tx } from '../../../platform/db/client.js';
import { maskPersonName, NATURAL_PERSON_ORG_FORM } from '../../../platform/pii/pii.js';
import { subjectCertificates, subjects } from '../schema.js';

/** A subject as a certification system may see it (前置条件 for 认证、年检、续展): no phone, a person's name masked. */
export type SubjectStanding = {
  id: string;
  name: string;
  orgForm: number;
  status: string;
  regionCode: string;
  registeredAt: Date | null;
  certificates: { kind: string; number: string; products: string; validFrom: string; validTo: string; status: string; issuedBySystem: string | null }[];
};

/** Registered (or suspended) subjects by the keyed hash of their identity number; temporary ones are not registered. */
export async function subjectStandingsByHash(db: Executor, hashes: readonly string[]): Promise<Map<string, SubjectStanding>> {
  const result = new Map<string, SubjectStanding>();
  if (hashes.length === 0) return result;
  const rows = await db
    .select({ id: subjects.id, hash: subjects.idHash, name: subjects.name, orgForm: subjects.orgForm, status: subjects.status, regionCode: subjects.regionCode, registeredAt: subjects.registeredAt })
    .from(subjects)
    .where(and(inArray(subjects.idHash, [...new Set(hashes)]), inArray(subjects.status, ['active', 'suspended'])));
  if (rows.length === 0) return result;
  const certs = await db.select().from(subjectCertificates).where(and(inArray(subjectCertificates.subjectId, rows.map((r) => r.id)), ne(subjectCertificates.status, 'withdrawn')));
  for (const r of rows) {
    result.set(r.hash!, {
      id: r.id,
      name: r.orgForm === NATURAL_PERSON_ORG_FORM ? maskPersonName(r.name) : r.name,
      orgForm: r.orgForm,
      status: r.status,
      regionCode: r.regionCode,
      registeredAt: r.registeredAt,
      certificates: certs
        .filter((c) => c.subjectId === r.id)
        .map((c) => ({ kind: c.kind, number: c.number, products: c.products, validFrom: c.validFrom, validTo: c.validTo, status: c.status, issuedBySystem: c.issuedBySystem })),
    });
  }
  return result;
}

export type SystemCertificate = { subjectId: string; kind: string; number: string; products: string; validFrom: string; validTo: string; withdrawn: boolean; systemName: string };

/**
 * A certificate its issuing system pushed, on the holder's record: written verified (the system's word is the
 * verification), or withdrawn when the system suspended or revoked it. A certificate the subject attached itself is
 * taken over; one of the same number held by another subject is a clash, reported and left alone.
 */
export async function recordSystemCertificate(tx: Tx, cert: SystemCertificate): Promise<'written' | 'unchanged' | 'clash'> {
  const [existing] = await tx
    .select()
    .from(subjectCertificates)
    .where(and(eq(subjectCertificates.kind, cert.kind), eq(subjectCertificates.number, cert.number), ne(subjectCertificates.status, 'withdrawn')))
    .for('update');
  const status = cert.withdrawn ? 'withdrawn' : 'verified';
  const values = { products: cert.products, validFrom: cert.validFrom, validTo: cert.validTo, status, issuer: cert.systemName, issuedBySystem: cert.systemName, verifyNote: null };
  if (existing) {
    if (existing.subjectId !== cert.subjectId) return 'clash';
    const same = existing.products === values.products && existing.validFrom === values.validFrom && existing.validTo === values.validTo && existing.status === status && existing.issuedBySystem === cert.systemName;
    if (same) return 'unchanged';
    await tx.update(subjectCertificates).set({ ...values, verifiedAt: new Date(), verifiedBy: null }).where(eq(subjectCertificates.id, existing.id));
    return 'written';
  }
  if (cert.withdrawn) return 'unchanged';
  await tx.insert(subjectCertificates).values({ subjectId: cert.subjectId, kind: cert.kind, number: cert.number, ...values, verifiedAt: new Date() });
  return 'written';
}
