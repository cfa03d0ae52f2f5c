import type { Grants } from '../platform/auth/permissions.js';
import { domainGrants, type DomainModule } from '../platform/modules.js';
import { analyticsModule } from './analytics/index.js';
import { enforcementModule } from './enforcement/index.js';
import { integrationModule } from './integration/index.js';
import { monitoringModule } from './monitoring/index.js';
import { noticesModule } from './notices/index.js';
import { opsModule } from './ops/index.js';
import { regionsModule } from './regions/index.js';
import { registryModule } from './registry/index.js';
import { supervisionModule } from './supervision/index.js';
import { tasksModule } from './tasks/index.js';
import { traceModule } from './trace/index.js';

/**
 * Every business domain, lower before higher: app.ts registers their routes and jobs in this order. A function, not
 * a constant, so that a list read while a domain's index is still being evaluated never holds an unset module.
 */
export function allDomains(): readonly DomainModule[] {
  return [regionsModule, registryModule, opsModule, traceModule, tasksModule, supervisionModule, enforcementModule, monitoringModule, noticesModule, integrationModule, analyticsModule];
}

/** Who holds which permission, read from the domains above (the composition root hands it to the domains' code). */
export function allGrants(): Grants {
  return domainGrants(allDomains());
}
