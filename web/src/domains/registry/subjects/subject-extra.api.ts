import { api } from '../../../app/api';
import type { Page } from '../../../app/contract';
import type { User, UserStatus } from '../registry.types';
import type { Certificate, CertificateRequest, CertificateVerifyRequest, ChangeRequest, ChangeRequestBody, ChangeRequestStatus, StaffRequest, UploadResult } from './subject.types';

export type SubjectResetRequest = { id: string; userId: string; username: string; displayName: string; subjectId: string; subjectName: string; requestedAt: string };

// A registered subject's staff accounts, certificates and change requests; and what officials do to them.

export const subjectExtraApi = {
  staff: () => api.get<{ items: User[] }>('/registry/my-subject/accounts'),
  addStaff: (body: StaffRequest) => api.post<User>('/registry/my-subject/accounts', body),
  setStaffStatus: (id: string, status: UserStatus) => api.patch<User>(`/registry/my-subject/accounts/${id}`, { status }),
  /** 忘记密码 of my staff: the requests, and the reset that answers one. */
  staffResetRequests: () => api.get<{ items: SubjectResetRequest[] }>('/registry/my-subject/password-reset-requests'),
  resetStaffPassword: (id: string, newPassword: string) => api.post<User>(`/registry/my-subject/accounts/${id}/reset-password`, { newPassword }),
  /** 忘记密码 of my county's main accounts (注册审核). */
  mainResetRequests: () => api.get<{ items: SubjectResetRequest[] }>('/registry/main-account-reset-requests'),
  resetMainPassword: (id: string, newPassword: string) => api.post<User>(`/registry/main-accounts/${id}/reset-password`, { newPassword }),

  /** The scan of a certificate (multipart, field `file`); a signed-in write, so it carries the CSRF token. */
  uploadScan: (file: Blob, filename: string) => api.upload<UploadResult>('/registry/my-subject/uploads', file, filename),
  addCertificate: (body: CertificateRequest) => api.post<Certificate>('/registry/my-subject/certificates', body),
  withdrawCertificate: (id: string) => api.post<Certificate>(`/registry/my-subject/certificates/${id}/withdraw`),
  /** The scan as an image URL (the session cookie goes along): own subject, or officials of its jurisdiction. */
  scanUrl: (id: string) => `/api/v1/registry/certificates/${id}/scan`,
  verifyCertificate: (id: string, body: CertificateVerifyRequest) => api.post<Certificate>(`/registry/certificates/${id}/verify`, body),

  myChangeRequests: (cursor?: string) => api.get<Page<ChangeRequest>>('/registry/my-subject/change-requests', { limit: 10, cursor }),
  requestChange: (body: ChangeRequestBody) => api.post<ChangeRequest>('/registry/my-subject/change-requests', body),
  changeRequests: (q: { status?: ChangeRequestStatus; region?: string; from?: string; to?: string; cursor?: string }) => api.get<Page<ChangeRequest>>('/registry/change-requests', { limit: 20, ...q }),
  approveChange: (id: string, opinion?: string) => api.post<ChangeRequest>(`/registry/change-requests/${id}/approve`, opinion ? { opinion } : {}),
  rejectChange: (id: string, opinion: string) => api.post<ChangeRequest>(`/registry/change-requests/${id}/reject`, { opinion }),
};
