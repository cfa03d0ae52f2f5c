import { defineGrants } from '../../../platform/auth/permissions.js';

// GS1 EPCIS 2.0 capture and query (issue 18). The ministry's and the provinces' agencies exchange events with outside
// traceability systems and read those of their jurisdiction; a producer or trader captures and reads its own events.
// Integration clients (the provincial exchange) are connected to these permissions where those clients are built.
export const EPCIS_PERMISSIONS = ['epcis.capture', 'epcis.query'] as const;

declare module '../../../platform/auth/permissions.js' {
  interface PermissionNames {
    epcis: (typeof EPCIS_PERMISSIONS)[number];
  }
}

export const epcisGrants = defineGrants({
  names: EPCIS_PERMISSIONS,
  // A market regulator is read-only (issue 21 §3): it captures nothing.
  agency: ({ kind, level }) => (kind !== 'market' && (level === 'ministry' || level === 'province') ? ['epcis.capture', 'epcis.query'] : []),
  // A suspended subject keeps reading what it captured but captures no more, as with its traceability records.
  subject: ({ status }) => ['epcis.query', status === 'active' && 'epcis.capture'],
});
