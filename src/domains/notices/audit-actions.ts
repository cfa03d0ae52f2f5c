import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of 系统公告 and notices to producers. */
const NOTICES_ACTIONS = [
  'announcement.publish',
  'announcement.update',
  'announcement.withdraw',
  'notice.send',
  // An export of a list (platform/sheets/list-export.ts): `{list}.export`.
  'notices.unread.export',
] as const;

/** The kinds of thing they are recorded on. */
const NOTICES_TARGETS = [
  'announcement',
  'producer_notice',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    notices: (typeof NOTICES_ACTIONS)[number];
  }
  interface AuditTargetNames {
    notices: (typeof NOTICES_TARGETS)[number];
  }
}

export const noticesAudit: DomainAudit = { actions: NOTICES_ACTIONS, targets: NOTICES_TARGETS };
