import type { epcisZh } from './messages.epcis.zh';

export const epcisEn: Record<keyof typeof epcisZh, string> = {
  'perm.epcis.capture': 'Capture traceability events (GS1 EPCIS 2.0 interface)',
  'perm.epcis.query': 'Query traceability events (GS1 EPCIS 2.0 interface)',
  'action.epcis.capture': 'EPCIS events captured',
  'auditTarget.epcis_capture': 'EPCIS capture',
  'action.epcis.query_save': 'EPCIS named query saved',
  'action.epcis.query_delete': 'EPCIS named query deleted',
  'action.epcis.subscribe': 'EPCIS query subscribed to',
  'action.epcis.unsubscribe': 'EPCIS subscription cancelled',
  'auditTarget.epcis_query': 'EPCIS named query',
  'auditTarget.epcis_subscription': 'EPCIS subscription',
};
