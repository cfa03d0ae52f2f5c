// The fixed values of an incident (应急响应), read by the server's schema and contracts and by the console.

export const INCIDENT_STATES = ['open', 'recovered', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
/** 超时: a 三级 incident past its 12 h (`deadline`), then past the 24 h it may never exceed (`limit`). */
export const OVERDUE_MARKS = ['deadline', 'limit'] as const;
export type OverdueMark = (typeof OVERDUE_MARKS)[number];

export const INCIDENT_EVENT_KINDS = [
  'report',
  'progress',
  'escalate',
  'consent',
  'notify',
  'extension_request',
  'extension_approve',
  'extension_reject',
  'overdue',
  'recover',
  'record',
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];
