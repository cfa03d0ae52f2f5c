import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of inspections, transfers and checklists. */
const SUPERVISION_ACTIONS = [
  'supervision.inspect',
  'supervision.transfer',
  'supervision.checklist_save',
] as const;

/** The kinds of thing they are recorded on. */
const SUPERVISION_TARGETS = [
  'inspection',
  'checklist',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    supervision: (typeof SUPERVISION_ACTIONS)[number];
  }
  interface AuditTargetNames {
    supervision: (typeof SUPERVISION_TARGETS)[number];
  }
}

export const supervisionAudit: DomainAudit = { actions: SUPERVISION_ACTIONS, targets: SUPERVISION_TARGETS };
