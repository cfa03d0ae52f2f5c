import { defineGrants } from '../../platform/auth/permissions.js';

export const TRACE_PERMISSIONS = [
  // A subject's traceability records (bases, products, batches): every account reads, accounts of an active subject write.
  'trace.read',
  'trace.write',
  // A batch's chain (backward and forward trace): a subject's accounts for batches it holds or sold into, every
  // agency for batches of its jurisdiction (trace-graph.service.ts decides which batch).
  'trace.graph',
  // The recall list of a batch, holders' phones in full (audited): supervision agencies from the county up and enforcement.
  'trace.recall',
  // 市场监督管理 (issue 21 §3): the market-entry vouchers of the markets of its region, and codes verified in bulk.
  'trace.market',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    trace: (typeof TRACE_PERMISSIONS)[number];
  }
}

export const traceGrants = defineGrants({
  names: TRACE_PERMISSIONS,
  // Every agency traces a batch of its jurisdiction (stations inspect, labs sample, enforcement investigates);
  // the recall list, with the holders' phones, is for those who order a recall: supervision from the county up, enforcement.
  agency: ({ kind, level }) => ['trace.graph', ((kind === 'supervision' && level !== 'township') || kind === 'enforcement') && 'trace.recall', kind === 'market' && 'trace.market'],
  // A subject's accounts all read their records; while the subject is active all record (staff do the daily work).
  subject: ({ status }) => ['trace.read', 'trace.graph', status === 'active' && 'trace.write'],
  // Every kind of client system may be given the trace of batches in its regions: a province's platform, a
  // certification system checking its holders, a market or shop verifying the codes of goods it buys.
  client: () => ['trace.graph'],
});
