import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { AdvanceRequest, Case, CaseListItem, CaseListQuery, CaseRequest, CommissionRequest, RecordRequest } from './enforcement.types';

const path = (id: string) => `/enforcement/cases/${encodeURIComponent(id)}`;

export const enforcementApi = {
  cases: (q: Omit<CaseListQuery, 'limit'>) => api.get<Page<CaseListItem>>('/enforcement/cases', { limit: 50, ...q }),
  case: (id: string) => api.get<Case>(path(id)),
  open: (body: CaseRequest, key: string) => api.postOnce<Case>('/enforcement/cases', body, key),
  addRecord: (id: string, body: RecordRequest, key: string) => api.postOnce<Case>(`${path(id)}/records`, body, key),
  commission: (id: string, body: CommissionRequest, key: string) => api.postOnce<Case>(`${path(id)}/commissions`, body, key),
  advance: (id: string, body: AdvanceRequest) => api.post<Case>(`${path(id)}/advance`, body),
};
