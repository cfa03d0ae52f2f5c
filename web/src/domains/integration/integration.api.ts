import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { CallPage, ClientDetail, ClientInput, ClientSummary, KeyCreated, KindOperations, ScopeInput } from './integration.types';

export * from './integration.types';

export const integrationApi = {
  operations: () => api.get<KindOperations>('/integration/operations'),
  clients: (cursor?: string) => api.get<Page<ClientSummary>>('/integration/clients', { cursor, limit: 50 }),
  client: (id: string) => api.get<ClientDetail>(`/integration/clients/${id}`),
  register: (input: ClientInput) => api.post<ClientDetail>('/integration/clients', input),
  updateScope: (id: string, input: ScopeInput) => api.patch<ClientDetail>(`/integration/clients/${id}`, input),
  createKey: (id: string) => api.post<KeyCreated>(`/integration/clients/${id}/keys`),
  rotateKey: (id: string, keyId: string, overlapHours: number) => api.post<KeyCreated>(`/integration/clients/${id}/keys/${keyId}/rotate`, { overlapHours }),
  revokeKey: (id: string, keyId: string) => api.post<ClientDetail>(`/integration/clients/${id}/keys/${keyId}/revoke`),
  calls: (id: string, errors: boolean, cursor?: string) => api.get<CallPage>(`/integration/clients/${id}/calls`, { errors: errors ? 'true' : undefined, cursor, limit: 50 }),
};
