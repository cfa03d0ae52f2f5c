import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of 运维: the audit log’s export, jobs, feedback and incidents. */
const OPS_ACTIONS = [
  // An export of a list (platform/sheets/list-export.ts): `{list}.export`.
  'ops.audit.export',
  'ops.job_retry',
  'feedback.file',
  'feedback.classify',
  'feedback.confirm',
  'feedback.fix',
  'feedback.decline',
  'feedback.revisit',
  'incident.report',
  'incident.progress',
  'incident.consent',
  'incident.escalate',
  'incident.overdue',
  'incident.extension_request',
  'incident.extension_approve',
  'incident.extension_reject',
  'incident.recover',
  'incident.close',
  'incident.liaison_set',
  'incident.write_check',
] as const;

/** The kinds of thing they are recorded on. */
const OPS_TARGETS = [
  'job',
  'feedback',
  'incident',
  // A province's 联络员 (by province code).
  'incident_liaison',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    ops: (typeof OPS_ACTIONS)[number];
  }
  interface AuditTargetNames {
    ops: (typeof OPS_TARGETS)[number];
  }
}

export const opsAudit: DomainAudit = { actions: OPS_ACTIONS, targets: OPS_TARGETS };
