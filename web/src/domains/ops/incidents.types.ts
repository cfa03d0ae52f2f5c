import type { In, Out } from '../../app/contract';
import type * as c from '../../../../src/domains/ops/incidents/contracts';

// Incidents (应急响应) as the console reads and sends them: the server's contracts, dates as ISO strings.

export { INCIDENT_STATES, type IncidentState, type IncidentEventKind as EventKind } from '../../../../src/domains/ops/incidents/incident-values.shared';
export type IncidentLevel = Out<typeof c.incidentLevel>;
export type IncidentSummary = Out<typeof c.incidentSummaryOut>;
export type IncidentEvent = Out<typeof c.incidentEventOut>;
export type Incident = Out<typeof c.incidentOut>;
export type ReportBody = In<typeof c.reportIn>;
export type Liaison = Out<typeof c.liaisonOut>;
export type Notice = Out<typeof c.noticeOut>;
export type Write = Out<typeof c.writeOut>;
