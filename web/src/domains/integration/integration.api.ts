import { api } from '../../app/api';
import type { Page } from '../../app/types';
import type { CertificationScheme, ClientKindName, ClientStatus, KeyState } from '../../../../src/domains/integration/integration.shared';

// Wire types of src/domains/integration/contracts.ts (dates as ISO strings).

export type ClientKey = { id: string; state: KeyState; createdAt: string; expiresAt: string | null; revokedAt: string | null; lastUsedAt: string | null };
export type ClientSummary = {
  id: string;
  name: string;
  kind: ClientKindName;
  scheme: CertificationScheme | null;
  regionCode: string;
  regions: { code: string; name: string | null }[];
  operations: string[];
  contact: string | null;
  status: ClientStatus;
  createdAt: string;
  manageable: boolean;
};
export type ClientDetail = ClientSummary & { keys: ClientKey[] };
export type KeyCreated = { key: ClientKey; secret: string; previous: ClientKey | null };
export type ClientCall = { id: number; at: string; keyId: string; method: string; path: string; status: number; code: string | null };
export type CallPage = Page<ClientCall> & { last24h: { calls: number; errors: number } };
export type KindOperations = { kinds: { kind: ClientKindName; operations: string[]; registrable: boolean }[] };
export type ClientInput = { name: string; kind: ClientKindName; scheme?: CertificationScheme; regions: string[]; operations: string[]; contact?: string };

export const integrationApi = {
  operations: () => api.get<KindOperations>('/integration/operations'),
  clients: (cursor?: string) => api.get<Page<ClientSummary>>('/integration/clients', { cursor, limit: 50 }),
  client: (id: string) => api.get<ClientDetail>(`/integration/clients/${id}`),
  register: (input: ClientInput) => api.post<ClientDetail>('/integration/clients', input),
  updateScope: (id: string, input: { regions: string[]; operations: string[]; status?: ClientStatus }) => api.patch<ClientDetail>(`/integration/clients/${id}`, input),
  createKey: (id: string) => api.post<KeyCreated>(`/integration/clients/${id}/keys`),
  rotateKey: (id: string, keyId: string, overlapHours: number) => api.post<KeyCreated>(`/integration/clients/${id}/keys/${keyId}/rotate`, { overlapHours }),
  revokeKey: (id: string, keyId: string) => api.post<ClientDetail>(`/integration/clients/${id}/keys/${keyId}/revoke`),
  calls: (id: string, errors: boolean, cursor?: string) => api.get<CallPage>(`/integration/clients/${id}/calls`, { errors: errors ? 'true' : undefined, cursor, limit: 50 }),
};
