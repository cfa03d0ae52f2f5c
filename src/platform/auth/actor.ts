export type AgencyKind = 'supervision' | 'testing' | 'enforcement';
export type AgencyLevel = 'ministry' | 'province' | 'city' | 'county' | 'township';
export type Role = 'admin' | 'staff';

/** Who is making a request, resolved once per request from the session or bearer token. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  agency: { id: string; name: string; kind: AgencyKind; level: AgencyLevel; regionCode: string };
  /** Region-code prefix of everything this actor may see: '' for the ministry. */
  jurisdiction: string;
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
};

export type RequestMeta = {
  requestId: string;
  ip: string;
  /** Set when a POST carries Idempotency-Key; claimed inside the command's transaction. */
  idempotency?: { scope: string; key: string; requestHash: string; claimed: boolean };
};

/** What every command receives: who acts, and the request facts the audit and idempotency need. */
export type CommandContext = { actor: Actor | null; meta: RequestMeta };
