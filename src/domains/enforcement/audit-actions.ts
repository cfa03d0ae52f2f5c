import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of cases, stage by stage. */
const ENFORCEMENT_ACTIONS = [
  'enforcement.case_open',
  'enforcement.case_record',
  'enforcement.case_filed',
  'enforcement.case_investigation',
  'enforcement.case_decision',
  'enforcement.case_closed',
] as const;

/** The kinds of thing they are recorded on. */
const ENFORCEMENT_TARGETS = [
  'enforcement_case',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    enforcement: (typeof ENFORCEMENT_ACTIONS)[number];
  }
  interface AuditTargetNames {
    enforcement: (typeof ENFORCEMENT_TARGETS)[number];
  }
}

export const enforcementAudit: DomainAudit = { actions: ENFORCEMENT_ACTIONS, targets: ENFORCEMENT_TARGETS };
