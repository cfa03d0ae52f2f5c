import type { Department } from '../../../../src/domains/registry/accounts/agency-values.shared';
import { api } from '../../app/api';
import type { Page } from '../../app/contract';
import type { Agency, AllocateRequest, AllocationOption, ApiTokenList, ApiTokenCreated, NewUserRequest, Region, RegionDetail, UpdateUserRequest, User, UserStatus } from './registry.types';

export const registryApi = {
  regions: (parent?: string, cursor?: string) => api.get<Page<Region>>('/regions', { parent, cursor, limit: 200 }),
  region: (code: string) => api.get<RegionDetail>(`/regions/${encodeURIComponent(code)}`),

  agencies: (q: { parentId?: string; kind?: string; level?: string; department?: Department; q?: string; cursor?: string; limit?: number }) =>
    api.get<Page<Agency>>('/agencies', { limit: 200, ...q }),
  agency: (id: string) => api.get<Agency>(`/agencies/${id}`),
  allocationOptions: () => api.get<{ items: AllocationOption[] }>('/agencies/allocation-options'),
  allocate: (body: AllocateRequest) => api.post<{ agency: Agency; account: User }>('/agencies', body),

  users: (agencyId: string, q: { q?: string; status?: UserStatus; cursor?: string }) =>
    api.get<Page<User>>(`/agencies/${agencyId}/users`, { limit: 50, ...q }),
  createUser: (agencyId: string, body: NewUserRequest) => api.post<User>(`/agencies/${agencyId}/users`, body),
  updateUser: (id: string, body: UpdateUserRequest) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: string, newPassword: string) => api.post<User>(`/users/${id}/reset-password`, { newPassword }),

  changePassword: (currentPassword: string, newPassword: string) => api.post<void>('/auth/password', { currentPassword, newPassword }),
  tokens: () => api.get<ApiTokenList>('/auth/tokens'),
  /** The account's password is asked again: a token outlives the session that makes it. */
  createToken: (name: string, password: string, expiresInDays?: number) => api.post<ApiTokenCreated>('/auth/tokens', expiresInDays ? { name, password, expiresInDays } : { name, password }),
  revokeToken: (id: string) => api.delete(`/auth/tokens/${id}`),
};

/** Every page of a list (children of one node are few; the bound keeps a runaway loop impossible). */
export async function allPages<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}
