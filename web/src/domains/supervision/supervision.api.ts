import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { AgencyOption, AttachmentUploadResult, Checklist, ChecklistItem, Industry, Inspection, InspectionListItem, InspectionRequest, Task, TaskKind, TaskListItem, TaskListQuery, TaskRequest, Transfer, UploadResult } from './supervision.types';

const task = (id: string) => `/supervision/tasks/${encodeURIComponent(id)}`;

export const supervisionApi = {
  tasks: (q: Omit<TaskListQuery, 'limit'>) => api.get<Page<TaskListItem>>('/supervision/tasks', { limit: 50, ...q }),
  task: (id: string) => api.get<Task>(task(id)),
  recipientOptions: (kind: TaskKind) => api.get<{ items: AgencyOption[] }>('/supervision/recipient-options', { kind }),
  publish: (body: TaskRequest, key: string) => api.postOnce<Task>('/supervision/tasks', body, key),
  accept: (id: string) => api.post<Task>(`${task(id)}/accept`, {}),
  assignable: (id: string) => api.get<{ items: { id: string; displayName: string }[] }>(`${task(id)}/assignable`),
  assign: (id: string, userIds: string[]) => api.post<Task>(`${task(id)}/assign`, { userIds }),
  saveChecklist: (industry: Industry, items: ChecklistItem[]) => api.put<Checklist>(`/supervision/checklists/${industry}`, { items }),
  progress: (id: string, done: number, note?: string) => api.post<Task>(`${task(id)}/progress`, { done, ...(note ? { note } : {}) }),
  report: (id: string, report: string, done?: number) => api.post<Task>(`${task(id)}/report`, { report, ...(done !== undefined ? { done } : {}) }),
  close: (id: string, agencyId?: string) => api.post<Task>(`${task(id)}/close`, agencyId ? { agencyId } : {}),
  progressSheet: (id: string) => api.download(`${task(id)}/progress.xlsx`),
  uploadAttachment: (file: Blob, filename: string) => api.upload<AttachmentUploadResult>('/supervision/attachments', file, filename),
  attachmentUrl: (fileId: string) => `/api/v1/supervision/attachments/${encodeURIComponent(fileId)}`,

  checklist: (industry: Industry) => api.get<Checklist>('/supervision/checklists', { industry }),
  uploadPhoto: (file: Blob, filename: string) => api.upload<UploadResult>('/supervision/photos', file, filename),
  photoUrl: (fileId: string) => `/api/v1/supervision/photos/${encodeURIComponent(fileId)}`,
  inspect: (body: InspectionRequest, key: string) => api.postOnce<Inspection>('/supervision/inspections', body, key),
  inspections: (q: { subjectId?: string; conclusion?: string; rectification?: string; region?: string; from?: string; to?: string; periodOf?: 'inspected' | 'due'; cursor?: string }) => api.get<Page<InspectionListItem>>('/supervision/inspections', { limit: 50, ...q }),
  inspection: (id: string) => api.get<Inspection>(`/supervision/inspections/${encodeURIComponent(id)}`),
  inspectionsSheet: (from: string, to: string) => api.download('/supervision/inspections.xlsx', { from, to }),
  transferOptions: (id: string) => api.get<{ items: AgencyOption[] }>(`/supervision/inspections/${encodeURIComponent(id)}/transfer-options`),
  transfer: (id: string, toAgencyId: string, reason: string) => api.post<Inspection>(`/supervision/inspections/${encodeURIComponent(id)}/transfer`, { toAgencyId, reason }),
  transfers: (q: { status?: string; box?: 'inbox' | 'jurisdiction'; region?: string; from?: string; to?: string; cursor?: string }) => api.get<Page<Transfer>>('/supervision/transfers', { limit: 50, ...q }),
};
