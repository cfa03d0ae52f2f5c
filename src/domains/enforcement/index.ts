export { enforcementRoutes } from './routes.js';
export type { EnforcementDeps } from './deps.js';
export { photoHeldByCase } from './case.queries.js';
export { openCase, type CaseOpening } from './case.service.js';
export type { CaseIn, CaseOut } from './contracts.js';

import type { DomainModule } from '../../platform/modules.js';
import { enforcementAudit } from './audit-actions.js';
import { enforcementGrants } from './permissions.js';
import { enforcementRoutes as enforcementRoutesOf } from './routes.js';
import { photoHeldByCase as heldByCase } from './case.queries.js';

/** 执法: cases opened from transfers or on the agency's own finding. */
export const enforcementModule: DomainModule = {
  name: 'enforcement',
  permissions: [enforcementGrants],
  audit: [enforcementAudit],
  routes: (ctx) => [enforcementRoutesOf(ctx)],
  provides: { photoHolders: heldByCase },
};
