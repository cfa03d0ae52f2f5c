import type { In, Out } from '../../../app/contract';
import type * as imports from '../../../../../src/domains/registry/subjects/import.contracts';
import type * as subject from '../../../../../src/domains/registry/subjects/subject.contracts';
import type {
  APPLICATION_STATUSES,
  BAD_RECORD_SEVERITIES,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CHANGE_REQUEST_STATUSES,
  CHANGEABLE_FIELDS,
  IDENTITY_CLASHES,
  ORG_FORMS,
  SUBJECT_CATEGORIES,
  SUBJECT_STATUSES,
} from '../../../../../src/domains/registry/subjects/subject-values.shared';

// Subject registration, a subject's file, certificates, change requests and the county import as the console reads
// and sends them: the server's contracts (src/domains/registry/subject.contracts.ts and beside it).

export {
  APPLICATION_STATUSES,
  BAD_RECORD_SEVERITIES,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CHANGE_REQUEST_STATUSES,
  CHANGEABLE_FIELDS,
  ID_KINDS,
  INDUSTRIES,
  ORG_FORMS,
  PHOTO_KINDS,
  SUBJECT_CATEGORIES,
  SUBJECT_STATUSES,
} from '../../../../../src/domains/registry/subjects/subject-values.shared';
export type { IdKind, Industry, PhotoKind } from '../../../../../src/domains/registry/subjects/subject-values.shared';
export { PRIORITY_FLAGS, settablePriorityFlags } from '../../../../../src/domains/registry/subjects/priority-flags.shared';
export type { PriorityFlag } from '../../../../../src/domains/registry/subjects/priority-flags.shared';
export { OUTPUT_UNITS, SCALE_UNITS } from '../../../../../src/domains/registry/subjects/subject-units.shared';
export type { OutputUnit, ScaleUnit } from '../../../../../src/domains/registry/subjects/subject-units.shared';

export type SubjectCategory = (typeof SUBJECT_CATEGORIES)[number];
export type OrgForm = (typeof ORG_FORMS)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export type BadRecordSeverity = (typeof BAD_RECORD_SEVERITIES)[number];
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
/** An application's identity number is a registered subject's, or another open application's: the county decides. */
export type IdentityClash = (typeof IDENTITY_CLASHES)[number];

export type PhotoRef = In<typeof subject.photoRef>;
/** What the wizard collects. */
export type SubjectProfileRequest = In<typeof subject.subjectProfileIn>;
/** `uploadTicket`: the ticket the photos were uploaded under (subjectApi.uploadTicket). */
export type ApplicationRequest = In<typeof subject.applicationIn>;
export type ResubmitRequest = In<typeof subject.resubmitIn>;

/** Identity number and phone masked unless `revealed`. */
export type SubjectProfile = Out<typeof subject.subjectProfileOut>;
export type ApplicationEvent = Out<typeof subject.applicationEventOut>;
export type Application = Out<typeof subject.applicationOut>;
export type ClaimCandidate = Application['claimCandidates'][number];
export type ApplicationCreated = Out<typeof subject.applicationCreatedOut>;
export type ApplicationListItem = Out<typeof subject.applicationListItem>;
export type UploadResult = Out<typeof subject.uploadOut>;

export type SubjectListItem = Out<typeof subject.subjectListItem>;
export type SubjectStatusEvent = Out<typeof subject.statusEventOut>;
export type Certificate = Out<typeof subject.certificateOut>;
export type BadRecord = Out<typeof subject.badRecordOut>;
export type SubjectDetail = Out<typeof subject.subjectDetailOut>;
export type BadRecordRequest = In<typeof subject.badRecordIn>;
export type PriorityFlagRequest = In<typeof subject.priorityFlagIn>;
export type ElectronicIdentity = Out<typeof subject.identityOut>;
export type ScannedIdentity = Out<typeof subject.scannedIdentityOut>;
/** An audit entry about a subject, as its file shows it (变更记录). */
export type FileHistoryEntry = Out<typeof subject.subjectHistoryOut>;

export type StaffRequest = In<typeof subject.staffIn>;
export type CertificateRequest = In<typeof subject.certificateIn>;
export type CertificateVerifyRequest = In<typeof subject.certificateVerifyIn>;
export type ChangeRequestBody = In<typeof subject.changeRequestIn>;
export type ProfileChanges = ChangeRequestBody['changes'];
export type ChangeRequest = Out<typeof subject.changeRequestOut>;

/** One reason a row of the file was refused; `field` is the template column's key. */
export type ImportProblem = Out<typeof imports.importProblemOut>;
/** A refused row, by its Excel row number (details.rows of the 422 IMPORT_ROWS_INVALID). */
export type ImportRowReport = Out<typeof imports.importRowReportOut>;
export type ImportRowsInvalidDetails = { rows: ImportRowReport[]; badRowCount: number; rowCount: number };
export type ImportCredential = Out<typeof imports.importCredentialOut>;
export type ImportResult = Out<typeof imports.importResultOut>;
