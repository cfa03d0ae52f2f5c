import { defineGrants } from '../../platform/auth/permissions.js';

export const REGISTRY_PERMISSIONS = [
  'agency.read',
  'agency.allocate',
  'user.read',
  'user.manage',
  // Agencies: search and open subjects of the jurisdiction; record unregistered subjects met in the field.
  'subject.read',
  'subject.temporary',
  // County supervision: the registration inbox (applications, change requests) and bulk import.
  'subject.approve',
  // Supervision and enforcement: bad-conduct records, suspension, certificate verification.
  'subject.supervise',
  // A subject's own accounts: every account reads its subject; the main account manages it.
  'subject.self',
  'subject.manage',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    registry: (typeof REGISTRY_PERMISSIONS)[number];
  }
}

/** Accounts and agencies (技术指南 五(一)), and the subjects register. */
export const registryGrants = defineGrants({
  names: REGISTRY_PERMISSIONS,
  agency: ({ role, kind, level }) => [
    'agency.read',
    role === 'admin' && 'user.read',
    role === 'admin' && 'user.manage',
    role === 'admin' && kind === 'supervision' && level !== 'township' && 'agency.allocate',
    // A market regulator (市场监督管理, issue 21 §3) reads the markets' vouchers, not the producers' register.
    kind !== 'market' && 'subject.read',
    kind !== 'market' && 'subject.temporary',
    // 由县级监管机构审核通过 (技术指南 五(一)六): only the county supervision agency approves registrations.
    kind === 'supervision' && level === 'county' && 'subject.approve',
    ((kind === 'supervision' && level !== 'township') || kind === 'enforcement') && 'subject.supervise',
  ],
  // A subject's accounts all read their own subject; while it is active the main account manages it.
  subject: ({ role, status }) => ['subject.self', role === 'admin' && status === 'active' && 'subject.manage'],
});
