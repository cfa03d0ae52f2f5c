import { api } from '../../app/api';
import type { DeliveryPage, ReplayResult, WebhookEndpoints } from './outbound.types';

export * from './outbound.types';

export const outboundApi = {
  webhooks: (clientId: string) => api.get<WebhookEndpoints>(`/integration/clients/${clientId}/webhooks`),
  resume: (clientId: string, endpointId: string) => api.post<ReplayResult>(`/integration/clients/${clientId}/webhooks/${endpointId}/resume`, {}),
  deliveries: (clientId: string, status: string | undefined, cursor?: string) => api.get<DeliveryPage>(`/integration/clients/${clientId}/deliveries`, { status, cursor, limit: 50 }),
};
