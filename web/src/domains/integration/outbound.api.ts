import { api } from '../../app/api';
import type { DeliveryPage, WebhookEndpoints } from './outbound.types';

export * from './outbound.types';

export const outboundApi = {
  webhooks: (clientId: string) => api.get<WebhookEndpoints>(`/integration/clients/${clientId}/webhooks`),
  deliveries: (clientId: string, status: string | undefined, cursor?: string) => api.get<DeliveryPage>(`/integration/clients/${clientId}/deliveries`, { status, cursor, limit: 50 }),
};
