import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of 主体与账号 (agencies, accounts, subjects). */
const REGISTRY_ACTIONS = [
  'agency.create',
  'agency.delete',
  'user.create',
  'user.update',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.change_password',
  'auth.login',
  'auth.login_failed',
  'auth.password_check_failed',
  'auth.lock',
  'token.create',
  'token.revoke',
  'system.seed_demo',
  'application.submit',
  'application.resubmit',
  'application.view_pii',
  'application.approve',
  'application.return',
  'application.reject',
  'subject.register',
  'subject.claim',
  'subject.record_temporary',
  'subject.import',
  'subject.identity_regenerate',
  'subject.change_request',
  'subject.change_approve',
  'subject.change_reject',
  'subject.staff_add',
  'subject.staff_status',
  'subject.account_reset_password',
  'subject.bad_record',
  'subject.suspend',
  'subject.restore',
  // 重点主体 flags (龙头企业, 菜篮子, 规模主体) set and cleared with a reason.
  'subject.priority_set',
  'subject.priority_clear',
  'certificate.add',
  'certificate.verify',
  'certificate.withdraw',
  'auth.password_reset_request',
  'application.recover_code',
  // An export of a list (platform/sheets/list-export.ts): `{list}.export`.
  'registry.subjects.export',
  'registry.users.export',
] as const;

/** The kinds of thing they are recorded on. */
const REGISTRY_TARGETS = [
  'agency',
  'user',
  // A login under a name that is no account: filed under the name typed.
  'username',
  'api_token',
  'system',
  'subject',
  'subject_application',
  'subject_certificate',
  'subject_change_request',
  'subject_import',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    registry: (typeof REGISTRY_ACTIONS)[number];
  }
  interface AuditTargetNames {
    registry: (typeof REGISTRY_TARGETS)[number];
  }
}

export const registryAudit: DomainAudit = { actions: REGISTRY_ACTIONS, targets: REGISTRY_TARGETS };
