export { integrationRoutes } from './routes.js';
export { createKeyStore, purgeIntegration, type KeyStore } from './key-store.js';
export { integrationPurgeJob } from './purge.job.js';
export { createNatsPublisher, natsJob, pausedWebhooksOf, type NatsPublisher } from './outbound/index.js';

import type { DomainModule } from '../../platform/modules.js';
import { integrationAudit } from './audit-actions.js';
import type { KeyStore as ClientKeys } from './key-store.js';
import { integrationGrants } from './permissions.js';
import { integrationRoutes as integrationRoutesOf } from './routes.js';
import { integrationPurgeJob as purgeJobOf } from './purge.job.js';
import { capturedChainEvents, epcisGrants, epcisRoutes, epcisSubscriptionsJob } from './epcis/index.js';
import { certificationRoutes } from './certification/index.js';
import { documentApplyJob, inboundRoutes } from './inbound/index.js';
import { inboundGrants } from './inbound/permissions.js';
import { deliveryPurgeJob, outboundRoutes, webhookFanoutJob, webhookJob } from './outbound/index.js';

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
  audit: [integrationAudit],
  routes: (ctx) => [integrationRoutesOf({ ...ctx, keyStore: ctx.services.keyStore }), epcisRoutes(ctx), certificationRoutes(ctx), inboundRoutes(ctx), outboundRoutes(ctx)],
  // The outbox's changes become signed webhook deliveries (issue 17 §3).
  jobs: (ctx) => [purgeJobOf(ctx.db), documentApplyJob(ctx), webhookFanoutJob(ctx.db), webhookJob({ db: ctx.db, pii: ctx.pii, log: ctx.logger }), deliveryPurgeJob(ctx.db), epcisSubscriptionsJob(ctx.db, ctx.config)],
  provides: { outsideEvents: capturedChainEvents },
};
