import { api } from '../../app/api';
import type { Page } from '../../app/types';
import type { AdvanceRequest, Case, CaseListItem, CaseStage, CommissionRequest, RecordRequest } from './enforcement.types';

const path = (id: string) => `/enforcement/cases/${encodeURIComponent(id)}`;

export const enforcementApi = {
  cases: (q: { stage?: CaseStage; cursor?: string }) => api.get<Page<CaseListItem>>('/enforcement/cases', { limit: 50, ...q }),
  case: (id: string) => api.get<Case>(path(id)),
  open: (body: { transferId?: string; taskId?: string; subjectId?: string; title: string; summary: string }, key: string) => api.postOnce<Case>('/enforcement/cases', body, key),
  addRecord: (id: string, body: RecordRequest, key: string) => api.postOnce<Case>(`${path(id)}/records`, body, key),
  commission: (id: string, body: CommissionRequest, key: string) => api.postOnce<Case>(`${path(id)}/commissions`, body, key),
  advance: (id: string, body: AdvanceRequest) => api.post<Case>(`${path(id)}/advance`, body),
};
