import type { AgencyKind, AgencyLevel, ClientKind, Role } from './actor.js';

/**
 * Every route declares a permission in `config.permission`; the server refuses to start with a route that does not
 * (app.ts). 'public' needs no login, 'authenticated' any logged-in account; the rest are granted by role.
 *
 * Each domain names its own permissions and says who holds them, in its permissions.ts: it adds its names to
 * PermissionNames below (declaration merging, `declare module`), and exports its DomainGrants. The composition root
 * (platform/modules.ts domainGrants, over the list of domains) hands their grants to assembleGrants; the platform keeps
 * no table of any domain's rights.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each domain's permissions.ts
export interface PermissionNames {}

export type Permission = PermissionNames[keyof PermissionNames];
export type RoutePermission = Permission | 'public' | 'authenticated';

/** An official's standing, which decides the official's permissions. */
export type AgencyStanding = { role: Role; kind: AgencyKind; level: AgencyLevel };
/** A subject account's standing: its role (main account or staff) and the subject's status. */
export type SubjectStanding = { role: Role; status: string };

/** A client system's standing: its kind. */
export type ClientStanding = { kind: ClientKind };

/** One domain's grants: which of its permissions an official, a subject's account and a client system may hold. */
export type DomainGrants<P extends Permission = Permission> = {
  names: readonly P[];
  agency: (who: AgencyStanding) => readonly (P | false)[];
  subject: (who: SubjectStanding) => readonly (P | false)[];
  /** What a client of this kind may be given in its scope (none when absent): the registrar picks among these. */
  client?: (who: ClientStanding) => readonly (P | false)[];
};

/** Declares a domain's grants (a typed identity: the names must be the domain's own). */
export function defineGrants<P extends Permission>(grants: DomainGrants<P>): DomainGrants<P> {
  return grants;
}

export type Grants = {
  names: ReadonlySet<Permission>;
  ofAgency: (role: Role, kind: AgencyKind, level: AgencyLevel) => Set<Permission>;
  ofSubject: (role: Role, status: string) => Set<Permission>;
  ofClient: (kind: ClientKind) => Set<Permission>;
};

/** The union of the domains' grants; a name declared by two domains is a mistake caught at start. */
export function assembleGrants(domains: readonly DomainGrants[]): Grants {
  const names = new Set<Permission>();
  for (const d of domains) {
    for (const n of d.names) {
      if (names.has(n)) throw new Error(`permission ${n} is declared by two domains`);
      names.add(n);
    }
  }
  const collect = (picks: (d: DomainGrants) => readonly (Permission | false)[]) => {
    const out = new Set<Permission>();
    for (const d of domains) {
      for (const p of picks(d)) {
        if (p === false) continue;
        if (!d.names.includes(p)) throw new Error(`a domain grants ${p}, which it does not declare`);
        out.add(p);
      }
    }
    return out;
  };
  return {
    names,
    ofAgency: (role, kind, level) => collect((d) => d.agency({ role, kind, level })),
    ofSubject: (role, status) => collect((d) => d.subject({ role, status })),
    ofClient: (kind) => collect((d) => d.client?.({ kind }) ?? []),
  };
}
