import { api } from '../../app/api';
import type { Page } from '../../app/types';

// Wire types of src/domains/ops/incidents/contracts.ts (dates as ISO strings).
export const INCIDENT_STATES = ['open', 'recovered', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
export type IncidentLevel = 1 | 2 | 3;
export type EventKind = 'report' | 'progress' | 'escalate' | 'consent' | 'notify' | 'extension_request' | 'extension_approve' | 'extension_reject' | 'overdue' | 'recover' | 'record';

export type IncidentSummary = {
  id: string;
  no: string;
  level: IncidentLevel;
  state: IncidentState;
  occurredAt: string;
  place: string;
  phenomenon: string;
  provinces: string[];
  reportedAt: string;
  levelSince: string;
  deadlineAt: string;
  overdue: 'deadline' | 'limit' | null;
  provincesToldAt: string | null;
  extensionUntil: string | null;
  recoveredAt: string | null;
  closedAt: string | null;
};
export type IncidentEvent = { id: number; kind: EventKind; actorId: string | null; actorName: string; fromLevel: number | null; toLevel: number | null; note: string | null; data: Record<string, unknown> | null; at: string };
export type Incident = IncidentSummary & {
  impact: string;
  measures: string;
  expectedRecovery: string;
  consentAt: string | null;
  extensionReason: string | null;
  recoveryNotice: string | null;
  record: string | null;
  assessment: string | null;
  events: IncidentEvent[];
};
export type ReportBody = { level: IncidentLevel; occurredAt: string; place: string; phenomenon: string; impact: string; measures: string; expectedRecovery: string; provinces: string[] };
export type Liaison = { provinceCode: string; userId: string | null; displayName: string | null; setAt: string | null };
export type Notice = { id: number; incidentId: string; incidentNo: string; provinceCode: string; kind: 'report' | 'escalate' | 'recover'; level: number; phenomenon: string; sentAt: string; readAt: string | null };
export type Write = { auditId: number; at: string; actorName: string | null; action: string; targetType: string; targetId: string; regionCode: string; checkedAt: string | null; checkedByName: string | null; note: string | null };

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
