import type { CertificateOut } from './subject.contracts.js';
import type { subjectCertificates } from '../schema.js';

export function toCertificateOut(c: typeof subjectCertificates.$inferSelect, today: string = new Date().toISOString().slice(0, 10)): CertificateOut {
  return {
    id: c.id,
    subjectId: c.subjectId,
    kind: c.kind as CertificateOut['kind'],
    number: c.number,
    products: c.products,
    issuer: c.issuer,
    validFrom: c.validFrom,
    validTo: c.validTo,
    scanFileId: c.scanFileId,
    status: c.status as CertificateOut['status'],
    valid: c.validFrom <= today && today <= c.validTo,
    verifiedAt: c.verifiedAt,
    verifyNote: c.verifyNote,
    issuedBySystem: c.issuedBySystem,
    createdAt: c.createdAt,
  };
}
