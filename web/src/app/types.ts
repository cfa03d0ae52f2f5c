// Wire types of the API, kept in step with src/domains/*/contracts.ts (the zod schemas). The console declares
// them here rather than importing the contracts, which pull server-only modules (drizzle, node:buffer) into
// the bundle. Dates arrive as ISO strings.

export const AGENCY_KINDS = ['supervision', 'testing', 'enforcement'] as const;
export const AGENCY_LEVELS = ['ministry', 'province', 'city', 'county', 'township'] as const;
export const ROLES = ['admin', 'staff'] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type Role = (typeof ROLES)[number];
export type UserStatus = 'active' | 'disabled';
export type Permission = 'agency.read' | 'agency.allocate' | 'user.read' | 'user.manage' | 'audit.read';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type Agency = {
  id: string;
  name: string;
  kind: AgencyKind;
  level: AgencyLevel;
  regionCode: string;
  regionName: string | null;
  parentId: string | null;
  status: string;
  childCount: number;
  createdAt: string;
};

export type User = {
  id: string;
  username: string;
  displayName: string;
  /** masked by the server */
  phone: string | null;
  role: Role;
  status: UserStatus;
  agencyId: string;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Me = {
  user: User;
  agency: Agency;
  permissions: string[];
  jurisdiction: string;
  csrfToken: string | null;
};

export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; expiresAt: string | null; lastUsedAt?: string | null };
export type ApiTokenCreated = ApiToken & { token: string };

export type AllocationOption = { kind: AgencyKind; level: AgencyLevel; regionWithin: string; regionLevel: number; accountRole: Role };

export type NewAccount = { username: string; displayName: string; phone?: string; password: string };
export type AllocateRequest = { name: string; kind: AgencyKind; level: AgencyLevel; regionCode: string; account: NewAccount };
export type NewUserRequest = NewAccount & { role: Role };
export type UpdateUserRequest = { status?: UserStatus; displayName?: string; phone?: string | null };

export type Region = { code: string; name: string; level: number; parentCode: string | null; hasChildren: boolean };
export type RegionDetail = Region & { path: { code: string; name: string }[] };

export type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  regionCode: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
};

export type ErrorBody = { code: string; message: { zh: string; en: string }; details?: Record<string, unknown> };
