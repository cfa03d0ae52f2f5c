import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { Incident, IncidentLevel, IncidentState, IncidentSummary, Liaison, Notice, ReportBody, Write } from './incidents.types';

export * from './incidents.types';

const at = (id: string) => `/incidents/${encodeURIComponent(id)}`;

export const incidentsApi = {
  list: (filters: { state?: IncidentState; level?: number }, cursor?: string) => api.get<Page<IncidentSummary>>('/incidents', { ...filters, cursor, limit: 50 }),
  get: (id: string) => api.get<Incident>(at(id)),
  report: (body: ReportBody, key: string) => api.postOnce<Incident>('/incidents', body, key),
  progress: (id: string, note: string) => api.post<Incident>(`${at(id)}/progress`, { note }),
  consent: (id: string, note?: string) => api.post<Incident>(`${at(id)}/consent`, note ? { note } : {}),
  escalate: (id: string, reason: string) => api.post<Incident>(`${at(id)}/escalate`, { reason }),
  askExtension: (id: string, until: string, reason: string) => api.post<Incident>(`${at(id)}/extension`, { until, reason }),
  decideExtension: (id: string, approve: boolean, note?: string) => api.post<Incident>(`${at(id)}/extension/decision`, note ? { approve, note } : { approve }),
  recover: (id: string, notice: string) => api.post<Incident>(`${at(id)}/recover`, { notice }),
  close: (id: string, record: string, assessment?: string) => api.post<Incident>(`${at(id)}/close`, assessment ? { record, assessment } : { record }),
  writes: (id: string, hours: number, cursor?: string) => api.get<Page<Write> & { from: string; to: string; unchecked: number }>(`${at(id)}/writes`, { hours, cursor, limit: 100 }),
  check: (id: string, auditId: number, note?: string) => api.post<{ auditId: number }>(`${at(id)}/writes/${auditId}/check`, note ? { note } : {}),
  myLiaison: () => api.get<{ liaison: Liaison; candidates: { id: string; displayName: string }[] }>('/incidents/liaison'),
  setLiaison: (userId: string) => api.post<Liaison>('/incidents/liaison', { userId }),
  liaisons: () => api.get<{ items: Liaison[] }>('/incidents/liaisons'),
  notices: () => api.get<{ items: Notice[]; unread: number }>('/incidents/notices'),
  readNotice: (id: number) => api.post<{ items: Notice[]; unread: number }>(`/incidents/notices/${id}/read`, {}),
};

export const LEVEL_COLOR: Record<IncidentLevel, string> = { 1: 'gold', 2: 'orange', 3: 'red' };
export const STATE_COLOR: Record<IncidentState, string> = { open: 'processing', recovered: 'green', closed: 'default' };
