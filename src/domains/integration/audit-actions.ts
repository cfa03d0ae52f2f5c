import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of 平台对接: clients, keys, documents, webhooks, EPCIS, 三品一标 and 追溯挂钩. */
const INTEGRATION_ACTIONS = [
  'integration.client_register',
  'integration.client_update',
  'integration.key_create',
  'integration.key_rotate',
  'integration.key_revoke',
  'integration.document_receive',
  'integration.document_apply',
  'integration.document_refuse',
  'integration.webhook_register',
  'integration.webhook_remove',
  'integration.webhook_replay',
  'integration.webhook_pause',
  'integration.purchase_record',
  'epcis.capture',
  'certification.push',
  'trace_check.create',
  // An export of a list (platform/sheets/list-export.ts): `{list}.export`.
  'integration.trace_checks.export',
  'epcis.query_save',
  'epcis.query_delete',
  'epcis.subscribe',
  'epcis.unsubscribe',
] as const;

/** The kinds of thing they are recorded on. */
const INTEGRATION_TARGETS = [
  // A client system of 平台对接 (its keys are audited on it).
  'integration_client',
  'scheme_certificate',
  'trace_check',
  'exchange_document',
  'epcis_capture',
  'epcis_query',
  'epcis_subscription',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    integration: (typeof INTEGRATION_ACTIONS)[number];
  }
  interface AuditTargetNames {
    integration: (typeof INTEGRATION_TARGETS)[number];
  }
}

export const integrationAudit: DomainAudit = { actions: INTEGRATION_ACTIONS, targets: INTEGRATION_TARGETS };
