export { integrationRoutes } from './routes.js';
export { createKeyStore, purgeIntegration, type KeyStore } from './key-store.js';
export { integrationPurgeJob } from './purge.job.js';

import type { DomainModule } from '../../platform/modules.js';
import type { KeyStore as ClientKeys } from './key-store.js';
import { integrationGrants } from './permissions.js';
import { integrationRoutes as integrationRoutesOf } from './routes.js';
import { integrationPurgeJob as purgeJobOf } from './purge.job.js';
import { epcisGrants, epcisRoutes } from './epcis/index.js';
import { certificationRoutes } from './certification/index.js';
import { documentApplyJob, inboundRoutes } from './inbound/index.js';
import { inboundGrants } from './inbound/permissions.js';

declare module '../../platform/modules.js' {
  interface DomainServices {
    /** Client systems' keys, which authentication checks signed requests against (平台对接). */
    keyStore: ClientKeys;
  }
}

/** 平台对接: client systems, their keys, and the EPCIS interface. */
export const integrationModule: DomainModule = {
  name: 'integration',
  permissions: [integrationGrants, epcisGrants, inboundGrants],
  routes: (ctx) => [integrationRoutesOf({ ...ctx, keyStore: ctx.services.keyStore }), epcisRoutes(ctx), certificationRoutes(ctx), inboundRoutes(ctx)],
  jobs: (ctx) => [purgeJobOf(ctx.db), documentApplyJob(ctx)],
};
