import type { Out } from '../../app/contract';
import type * as c from '../../../../src/domains/integration/outbound/contracts';

// A client system's webhooks and their delivery log as the console reads them (the server's contracts).

export type WebhookEndpoint = Out<typeof c.endpointOut>;
export type WebhookEndpoints = Out<typeof c.endpointsOut>;
export type WebhookDelivery = Out<typeof c.deliveryOut>;
export type DeliveryPage = Out<typeof c.deliveryPage>;
export type ReplayResult = Out<typeof c.replayOut>;
