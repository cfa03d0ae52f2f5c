import { api } from '../../app/api';
import { ApiError, isErrorBody, networkError } from '../../app/api-error';
import type {
  Application,
  ApplicationCreated,
  ApplicationListItem,
  ApplicationRequest,
  ApplicationStatus,
  BadRecordRequest,
  ElectronicIdentity,
  Page,
  ResubmitRequest,
  ScannedIdentity,
  SubjectDetail,
  SubjectListItem,
  UploadResult,
} from '../../app/types';

const code = (c: string) => encodeURIComponent(c);

/** A request whose answer is not JSON (a file upload, a PDF): errors still arrive as the one error body. */
async function raw(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw networkError(0, '');
  }
  if (response.ok) return response;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    /* not JSON */
  }
  throw isErrorBody(body) ? new ApiError(response.status, body) : networkError(response.status, response.statusText);
}

export const subjectApi = {
  /** A licence or ID photo (multipart, field `file`); public, so no CSRF token is needed. */
  upload: async (file: Blob, filename: string) => {
    const form = new FormData();
    form.append('file', file, filename);
    const response = await raw('/registry/uploads', { method: 'POST', body: form, headers: { accept: 'application/json' } });
    return (await response.json()) as UploadResult;
  },
  apply: (body: ApplicationRequest) => api.post<ApplicationCreated>('/registry/applications', body),
  track: (trackingCode: string) => api.get<Application>(`/registry/applications/track/${code(trackingCode)}`),
  trackPhotoUrl: (trackingCode: string, fileId: string) => `/api/v1/registry/applications/track/${code(trackingCode)}/photos/${fileId}`,
  subjectPhotoUrl: (subjectId: string, fileId: string) => `/api/v1/registry/subjects/${encodeURIComponent(subjectId)}/photos/${fileId}`,
  myPhotoUrl: (fileId: string) => `/api/v1/registry/my-subject/photos/${fileId}`,
  resubmit: (trackingCode: string, body: ResubmitRequest) => api.post<Application>(`/registry/applications/track/${code(trackingCode)}/resubmit`, body),

  applications: (q: { status?: ApplicationStatus; q?: string; cursor?: string }) => api.get<Page<ApplicationListItem>>('/registry/applications', { limit: 50, ...q }),
  application: (id: string) => api.get<Application>(`/registry/applications/${id}`),
  applicationPhotoUrl: (id: string, fileId: string) => `/api/v1/registry/applications/${id}/photos/${fileId}`,
  approve: (id: string, claimTemporaryId?: string) => api.post<Application>(`/registry/applications/${id}/approve`, claimTemporaryId ? { claimTemporaryId } : {}),
  returnForCorrection: (id: string, opinion: string) => api.post<Application>(`/registry/applications/${id}/return`, { opinion }),
  reject: (id: string, opinion: string) => api.post<Application>(`/registry/applications/${id}/reject`, { opinion }),

  subjects: (q: { q?: string; status?: string; category?: number; cursor?: string }) => api.get<Page<SubjectListItem>>('/registry/subjects', { limit: 50, ...q }),
  subject: (id: string) => api.get<SubjectDetail>(`/registry/subjects/${id}`),
  suspend: (id: string, reason: string) => api.post<SubjectDetail>(`/registry/subjects/${id}/suspend`, { reason }),
  restore: (id: string, reason: string) => api.post<SubjectDetail>(`/registry/subjects/${id}/restore`, { reason }),
  addBadRecord: (id: string, body: BadRecordRequest) => api.post<SubjectDetail>(`/registry/subjects/${id}/bad-records`, body),

  mySubject: () => api.get<SubjectDetail>('/registry/my-subject'),
  myIdentity: () => api.get<ElectronicIdentity>('/registry/my-subject/identity'),
  regenerateIdentity: () => api.post<ElectronicIdentity>('/registry/my-subject/identity/regenerate'),
  identityCard: async () => (await raw('/registry/my-subject/identity/card.pdf', { method: 'GET', headers: { accept: 'application/pdf' } })).blob(),

  scan: (token: string) => api.get<ScannedIdentity>(`/registry/identities/${code(token)}`),
};

/** Saves a blob as a file through a temporary link (the browser's own download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
