import { api } from '../../../app/api';
import type { Out, Page } from '../../../app/contract';
import type { uploadTicketOut } from '../../../../../src/domains/registry/subjects/subject.contracts';
import type { Application, ApplicationCreated, ApplicationListItem, ApplicationRequest, ApplicationStatus, BadRecordRequest, PriorityFlagRequest, ElectronicIdentity, ResubmitRequest, ScannedIdentity, SubjectDetail, SubjectListItem, UploadResult } from './subject.types';

const code = (c: string) => encodeURIComponent(c);

/**
 * The upload ticket of the application in progress in this page: its photos are uploaded under it, and the
 * application cites it (issue 19). A signed-in subject's uploads are its own and need none.
 */
let ticket: Promise<string> | null = null;
function uploadTicket(): Promise<string> {
  ticket ??= api.post<Out<typeof uploadTicketOut>>('/registry/upload-tickets').then(
    (r) => r.ticket,
    (err: unknown) => {
      ticket = null;
      throw err;
    },
  );
  return ticket;
}

export const subjectApi = {
  /** A licence or ID photo (multipart, field `file`) under the page's upload ticket; the CSRF token goes along only if signed in. */
  upload: async (file: Blob, filename: string) => api.upload<UploadResult>('/registry/uploads', file, filename, { 'x-upload-ticket': await uploadTicket() }),
  uploadTicket,
  /** The ticket this page uploaded under, if it uploaded anything (a resubmission that keeps its photos has none). */
  ticketInUse: (): Promise<string> | null => ticket,
  apply: (body: ApplicationRequest) => api.post<ApplicationCreated>('/registry/applications', body),
  track: (trackingCode: string) => api.get<Application>(`/registry/applications/track/${code(trackingCode)}`),
  trackPhotoUrl: (trackingCode: string, fileId: string) => `/api/v1/registry/applications/track/${code(trackingCode)}/photos/${fileId}`,
  subjectPhotoUrl: (subjectId: string, fileId: string) => `/api/v1/registry/subjects/${encodeURIComponent(subjectId)}/photos/${fileId}`,
  myPhotoUrl: (fileId: string) => `/api/v1/registry/my-subject/photos/${fileId}`,
  resubmit: (trackingCode: string, body: ResubmitRequest) => api.post<Application>(`/registry/applications/track/${code(trackingCode)}/resubmit`, body),

  applications: (q: { status?: ApplicationStatus; q?: string; region?: string; from?: string; to?: string; cursor?: string }) => api.get<Page<ApplicationListItem>>('/registry/applications', { limit: 50, ...q }),
  application: (id: string) => api.get<Application>(`/registry/applications/${id}`),
  applicationPhotoUrl: (id: string, fileId: string) => `/api/v1/registry/applications/${id}/photos/${fileId}`,
  approve: (id: string, claimTemporaryId?: string) => api.post<Application>(`/registry/applications/${id}/approve`, claimTemporaryId ? { claimTemporaryId } : {}),
  returnForCorrection: (id: string, opinion: string) => api.post<Application>(`/registry/applications/${id}/return`, { opinion }),
  reject: (id: string, opinion: string) => api.post<Application>(`/registry/applications/${id}/reject`, { opinion }),

  subjects: (q: { q?: string; status?: string; category?: number; priority?: string; regionCode?: string; from?: string; to?: string; cursor?: string }) => api.get<Page<SubjectListItem>>('/registry/subjects', { limit: 50, ...q }),
  subject: (id: string) => api.get<SubjectDetail>(`/registry/subjects/${id}`),
  suspend: (id: string, reason: string) => api.post<SubjectDetail>(`/registry/subjects/${id}/suspend`, { reason }),
  restore: (id: string, reason: string) => api.post<SubjectDetail>(`/registry/subjects/${id}/restore`, { reason }),
  setPriorityFlag: (id: string, body: PriorityFlagRequest) => api.post<SubjectDetail>(`/registry/subjects/${id}/priority-flags`, body),
  addBadRecord: (id: string, body: BadRecordRequest) => api.post<SubjectDetail>(`/registry/subjects/${id}/bad-records`, body),

  mySubject: () => api.get<SubjectDetail>('/registry/my-subject'),
  myIdentity: () => api.get<ElectronicIdentity>('/registry/my-subject/identity'),
  regenerateIdentity: () => api.post<ElectronicIdentity>('/registry/my-subject/identity/regenerate'),
  identityCard: () => api.download('/registry/my-subject/identity/card.pdf'),

  scan: (token: string) => api.get<ScannedIdentity>(`/registry/identities/${code(token)}`),
};
