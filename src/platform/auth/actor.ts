/**
 * `operations` (运维): the ministry's 安全中心 and the developer/integrator teams, one agency at ministry level.
 * `market` (市场监督管理, issue 21 §3): a market regulator, read-only over the markets of its region.
 */
export type AgencyKind = 'supervision' | 'testing' | 'enforcement' | 'operations' | 'market';
export type AgencyLevel = 'ministry' | 'province' | 'city' | 'county' | 'township';
export type Role = 'admin' | 'staff';

type ActorBase = {
  userId: string;
  username: string;
  displayName: string;
  /** For a subject: 'admin' is its main account (.00001), 'staff' the accounts it added. */
  role: Role;
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
};

/** An official of an agency: sees agency-side data of a region-code prefix. */
export type AgencyActor = ActorBase & {
  kind: 'agency';
  agency: {
    id: string;
    name: string;
    kind: AgencyKind;
    level: AgencyLevel;
    regionCode: string;
    /** 部门 (registry agencies.department); absent is the general agriculture agency. */
    department?: string;
    /** The subject industries a department's agency answers for; absent or null is all. */
    industries?: readonly string[] | null;
  };
  /** Region-code prefix of everything this actor may see: '' for the ministry. */
  jurisdiction: string;
};

/**
 * A producer's or trader's account (生产经营主体用户): sees only its own subject's data, so it carries no
 * jurisdiction at all — jurisdictionFilter does not accept it, which keeps a subject user out of agency lists.
 */
export type SubjectActor = ActorBase & {
  kind: 'subject';
  subject: { id: string; name: string; regionCode: string; status: string };
  /** The user's number under the subject's identity code: 1 for the main account, 2 upward for staff. */
  accountNo: number;
};

/** Who is making a request, resolved once per request from the session or bearer token. */
export type Actor = AgencyActor | SubjectActor;

/** 平台对接: a provincial platform, a certification system (绿色/有机/地理标志, 农垦), a market or an online shop. */
export type ClientKind = 'provincial_platform' | 'certification' | 'market' | 'shop';

/**
 * Another system calling with a signed request (integration domain, DESIGN.md §6): never a person, so it is not an
 * `Actor` — routes written for people (which read `request.actor`) never see one; a route that serves clients says
 * so (`config.clients`) and reads `request.client`. Its permissions are the operations of its scope, its reach the
 * region prefixes of its scope ('' for the whole country).
 */
export type ClientActor = {
  kind: 'client';
  /** The client's id: what the audit log and idempotency keys file its acts under. */
  userId: string;
  /** The client's name, as the audit log shows it. */
  username: string;
  displayName: string;
  client: { id: string; kind: ClientKind; name: string; regionCode: string };
  /** Region-code prefixes the client may read or write in. */
  regions: readonly string[];
  permissions: ReadonlySet<string>;
  keyId: string;
};

/** Anyone a request may come from: a person, or a client system. */
export type Caller = Actor | ClientActor;

export type RequestMeta = {
  requestId: string;
  ip: string;
  /** Set when a POST carries Idempotency-Key; claimed inside the command's transaction. */
  idempotency?: {
    scope: string;
    key: string;
    requestHash: string;
    claimed: boolean;
    /** Top-level fields of the answer that are secrets (a new token): never written to the replay storage. */
    secrets?: readonly string[];
    /**
     * The stored result of this key's command, which committed while its answer was never saved (the server died
     * in between): the command is not run again, its answer is rebuilt from this and the committed rows.
     */
    replay?: unknown;
  };
};

/** What every command receives: who acts, and the request facts the audit and idempotency need. */
export type CommandContext = { actor: Actor | null; meta: RequestMeta; client?: ClientActor | null };

/** The region an actor's own writes are filed under (audit streams, uploads). */
export function actorRegion(actor: Caller): string {
  return actor.kind === 'agency' ? actor.agency.regionCode : actor.kind === 'client' ? actor.client.regionCode : actor.subject.regionCode;
}
