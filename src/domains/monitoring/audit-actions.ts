import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of samples, results, limits, alerts and recalls. */
const MONITORING_ACTIONS = [
  'monitoring.sample',
  'monitoring.receive',
  'monitoring.results',
  'monitoring.correct',
  'monitoring.review',
  'monitoring.approve',
  'monitoring.return',
  'monitoring.lab_settings',
  'monitoring.analyte_add',
  'monitoring.limit_add',
  'monitoring.limit_retire',
  'monitoring.alert_read',
  'monitoring.alert_case',
  'monitoring.recall_order',
  'monitoring.recall_ack',
  'monitoring.recall_report',
  'monitoring.release',
] as const;

/** The kinds of thing they are recorded on. */
const MONITORING_TARGETS = [
  'batch_hold',
  'sample',
  'analyte',
  'residue_limit',
  'monitoring_alert',
  'recall_order',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    monitoring: (typeof MONITORING_ACTIONS)[number];
  }
  interface AuditTargetNames {
    monitoring: (typeof MONITORING_TARGETS)[number];
  }
}

export const monitoringAudit: DomainAudit = { actions: MONITORING_ACTIONS, targets: MONITORING_TARGETS };
