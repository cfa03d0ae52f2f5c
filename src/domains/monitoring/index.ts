export { monitoringRoutes } from './routes.js';
export type { MonitoringDeps } from './deps.js';
export { loadResidueLimits } from './limits.loader.js';
export { publicSampleResults } from './public-results.queries.js';
export { labReportsAwaiting } from './lab-work.queries.js';

import type { DomainModule } from '../../platform/modules.js';
import { monitoringAudit } from './audit-actions.js';
import { monitoringGrants } from './permissions.js';
import { monitoringRoutes as monitoringRoutesOf } from './routes.js';
import { publicSampleResults as sampleResults } from './public-results.queries.js';

/** 检测监测: samples, results, reviews, alerts and recalls. */
export const monitoringModule: DomainModule = {
  name: 'monitoring',
  permissions: [monitoringGrants],
  audit: [monitoringAudit],
  routes: (ctx) => [monitoringRoutesOf(ctx)],
  provides: { monitoringResults: sampleResults },
};
