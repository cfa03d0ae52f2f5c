/** `operations` (运维): the ministry's 安全中心 and the developer/integrator teams, one agency at ministry level. */
export type AgencyKind = 'supervision' | 'testing' | 'enforcement' | 'operations';
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
  agency: { id: string; name: string; kind: AgencyKind; level: AgencyLevel; regionCode: string };
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
export type CommandContext = { actor: Actor | null; meta: RequestMeta };

/** The region an actor's own writes are filed under (audit streams, uploads). */
export function actorRegion(actor: Actor): string {
  return actor.kind === 'agency' ? actor.agency.regionCode : actor.subject.regionCode;
}
