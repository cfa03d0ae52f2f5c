import { api } from '../../../app/api';
import type { Page } from '../../../app/contract';
import type { DocumentInput, DocumentUpload, GenerateInput, Report, ReportDetail, ReportDocument, Submissions } from './reports.types';

export * from './reports.types';

const id = (v: string) => encodeURIComponent(v);

export const reportsApi = {
  generate: (body: GenerateInput, key: string) => api.postOnce<ReportDetail>('/reports/periodic', body, key),
  list: (cursor?: string) => api.get<Page<Report>>('/reports/periodic', { cursor, limit: 50 }),
  detail: (rid: string) => api.get<ReportDetail>(`/reports/periodic/${id(rid)}`),
  xlsx: (rid: string) => api.download(`/reports/periodic/${id(rid)}/report.xlsx`),
  pdf: (rid: string) => api.download(`/reports/periodic/${id(rid)}/report.pdf`),
  submit: (rid: string) => api.post<ReportDetail>(`/reports/periodic/${id(rid)}/submit`, {}),
  acknowledge: (rid: string) => api.post<ReportDetail>(`/reports/periodic/${id(rid)}/acknowledge`, {}),
  submissions: () => api.get<Submissions>('/reports/submissions'),
  upload: (file: Blob, filename: string) => api.upload<DocumentUpload>('/reports/documents/attachments', file, filename),
  submitDocument: (body: DocumentInput, key: string) => api.postOnce<ReportDocument>('/reports/documents', body, key),
  documents: (cursor?: string) => api.get<Page<ReportDocument>>('/reports/documents', { cursor, limit: 50 }),
  attachmentUrl: (docId: string, fileId: string) => `/api/v1/reports/documents/${id(docId)}/attachments/${id(fileId)}`,
};
