import { defineGrants } from '../../../platform/auth/permissions.js';

// 数据交换 (issue 17 §2): a provincial platform pushes its subjects, bases, products, batches, trades and market entries.
// The agencies that see a client read its documents with `integration.read` (integration/permissions.ts).
export const INBOUND_PERMISSIONS = ['integration.exchange'] as const;

declare module '../../../platform/auth/permissions.js' {
  interface PermissionNames {
    integrationInbound: (typeof INBOUND_PERMISSIONS)[number];
  }
}

export const inboundGrants = defineGrants({
  names: INBOUND_PERMISSIONS,
  agency: () => [],
  subject: () => [],
  // Only a provincial platform registers subjects as its province approved them (issue 17 §2).
  client: ({ kind }) => [kind === 'provincial_platform' && 'integration.exchange'],
});
