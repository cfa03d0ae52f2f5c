import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of 业务五监控, 责令限期整改, 追溯考核 and 信息调度. */
const ANALYTICS_ACTIONS = [
  'monitor.target_set',
  'rectification.issue',
  'rectification.answer',
  'rectification.close',
  'assessment.indicators_set',
  'assessment.export',
  'report.generate',
  'report.submit',
  'report.acknowledge',
  'report.document_submit',
] as const;

/** The kinds of thing they are recorded on. */
const ANALYTICS_TARGETS = [
  'monitor_target',
  'rectification_notice',
  'assessment',
  'periodic_report',
  'report_document',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    analytics: (typeof ANALYTICS_ACTIONS)[number];
  }
  interface AuditTargetNames {
    analytics: (typeof ANALYTICS_TARGETS)[number];
  }
}

export const analyticsAudit: DomainAudit = { actions: ANALYTICS_ACTIONS, targets: ANALYTICS_TARGETS };
