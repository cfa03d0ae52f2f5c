import { defineGrants } from '../../platform/auth/permissions.js';

export const INTEGRATION_PERMISSIONS = [
  // 平台对接: the client systems of a jurisdiction, their scope, keys and calls (the supervision agencies of the ministry
  // and the provinces read them; their admins register clients and manage keys).
  'integration.read',
  'integration.manage',
  // 三品一标 and 追溯挂钩 (issue 17 §4): a certification system reads a holder's standing and pushes its certificates;
  // supervision agencies check lists of subjects and see how many certified holders are on the platform.
  'integration.standing',
  'integration.certificate_push',
  'integration.trace_check',
  'integration.coverage',
  // For client systems only (their scope's operations): the change feed and webhooks of their regions (issue 17 §3),
  // and a market's or shop's code checks and purchases (§5).
  'integration.changes',
  'integration.codes',
] as const;

declare module '../../platform/auth/permissions.js' {
  interface PermissionNames {
    integration: (typeof INTEGRATION_PERMISSIONS)[number];
  }
}

export const integrationGrants = defineGrants({
  names: INTEGRATION_PERMISSIONS,
  // The ministry registers provincial platforms and certification systems, a province its markets and shops (issue 17
  // §1); which kinds each may register is the service's rule (client.rules.ts).
  agency: ({ role, kind, level }) => [
    kind === 'supervision' && (level === 'ministry' || level === 'province') && 'integration.read',
    role === 'admin' && kind === 'supervision' && (level === 'ministry' || level === 'province') && 'integration.manage',
    kind === 'supervision' && 'integration.trace_check',
    kind === 'supervision' && 'integration.coverage',
  ],
  subject: () => [],
  client: ({ kind }) => [
    'integration.changes',
    (kind === 'market' || kind === 'shop') && 'integration.codes',
    kind === 'certification' && 'integration.standing',
    kind === 'certification' && 'integration.certificate_push',
  ],
});
