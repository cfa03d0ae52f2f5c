import type { DomainAudit } from '../../platform/audit/catalog.js';

/** The audit actions of 追溯 (bases, products, batches, their corrections and exports). */
const TRACE_ACTIONS = [
  'trace.base_add',
  'trace.product_add',
  'trace.product_showcase',
  'trace.recall',
  'trace.batch_correct',
  'trace.batch_void',
  'trace.product_correct',
  'trace.product_void',
  'trace.base_correct',
  'trace.base_void',
  // An export of a list (platform/sheets/list-export.ts): `{list}.export`.
  'trace.batches.export',
  'trace.trades.export',
  'trace.fsma204.export',
] as const;

/** The kinds of thing they are recorded on. */
const TRACE_TARGETS = [
  'production_base',
  'product',
  'batch',
] as const;

declare module '../../platform/audit/catalog.js' {
  interface AuditActionNames {
    trace: (typeof TRACE_ACTIONS)[number];
  }
  interface AuditTargetNames {
    trace: (typeof TRACE_TARGETS)[number];
  }
}

export const traceAudit: DomainAudit = { actions: TRACE_ACTIONS, targets: TRACE_TARGETS };
