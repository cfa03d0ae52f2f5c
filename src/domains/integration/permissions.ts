import { defineGrants } from '../../platform/auth/permissions.js';

export const INTEGRATION_PERMISSIONS = [
  // 平台对接: the client systems of a jurisdiction, their scope, keys and calls (the supervision agencies of the ministry
  // and the provinces read them; their admins register clients and manage keys).
  'integration.read',
  'integration.manage',
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
  ],
  subject: () => [],
  client: ({ kind }) => ['integration.changes', (kind === 'market' || kind === 'shop') && 'integration.codes'],
});
