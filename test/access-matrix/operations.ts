import type { RoutePermission } from '../../src/platform/auth/permissions.js';
import { randomUUID } from 'node:crypto';
import { epcisDocument, MATRIX_USCC, type Fixtures, type Side } from './fixtures.js';
import { DEFAULT_REGION, inJurisdiction, scope, scopes, type Obj, type Role, type Scope } from './rules.js';

/** EPCIS named queries are their organisation's own: the coop's `matrix-q` (fixtures) is not found for anyone else. */
const coopsNamedQuery = scope('an EPCIS named query is its organisation’s own; another organisation’s is not found', (r) => (r.login === 'sg-coop' || r.login === '+mx-coop-staff' ? 'ok' : '404'));
const nobodysNamedQuery = scope('an EPCIS named query or subscription nobody holds is not found', () => '404');

/**
 * The committed table of expected outcomes: one row per operation of openapi.json, naming the route's permission,
 * the rule of DESIGN.md that decides who gets through, the objects it is called on and how to call it. The roles
 * and the grants are in rules.ts; the outcome of each (operation, role, object) follows from the row's rule.
 * A route in openapi.json without a row here fails the test.
 */

export type Call = {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A file upload (multipart, field `file`). */
  file?: { bytes: Buffer; name: string; mime: string };
  /** A live stream: only the status line is read. */
  stream?: boolean;
};

export type Row = {
  op: string;
  permission: RoutePermission;
  scope: Scope;
  /** The objects called on; each object's region where the rule looks at one (defaults in rules.ts). */
  objects: Obj[];
  region?: Partial<Record<Obj, string>>;
  call: (fx: Fixtures, o: Obj, r: Role) => Call;
  /** Runs after every other row: it changes what other rows rely on ('session': it ends the caller's session, the very last). */
  last?: true | 'session';
  /** The route serves client systems too (config.clients): the client-system role gets through within its regions. */
  clients?: true;
};

const side = (fx: Fixtures, o: Obj): Side => (o === 'sc' ? fx.sc : fx.sd);
const SD_SC: Obj[] = ['sd', 'sc'];
const NONE: Obj[] = ['none'];
const PNG_FILE = { bytes: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'), name: 'p.png', mime: 'image/png' };
const PDF_FILE = { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), name: 'n.pdf', mime: 'application/pdf' };
const STRONG = 'Matrix#Pass2026';
/** A unique suffix per call (usernames, certificate numbers), so that a repeated create is not a conflict by accident. */
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

// ---- 平台对接 ------------------------------------------------------------------------------------------------------

/** Where each side's client system is filed: the province that registered it. */
const CLIENT_HOME = { sd: '37', sc: '51' } as const;
const side2 = (o: Obj): 'sd' | 'sc' => (o === 'sc' ? 'sc' : 'sd');
const marketManager = scope('a market is changed by the supervision of its province: another province does not find it, the ministry (which registers other kinds) is refused', (r, _o, region) =>
  !inJurisdiction(r, region) ? '404' : r.level === 'province' ? 'ok' : '403',
);
const clientsOnly = scope('a client system’s own route: a person is refused (403)', (r) => (r.kind === 'anonymous' ? '401' : '403'));

// ---- scopes of one domain each ---------------------------------------------------------------------------------

const COUNTY = { sd: '370783', sc: '510117' } as const;
const countyOf = (o: Obj) => (o === 'sc' ? COUNTY.sc : COUNTY.sd);
/**
 * The roles that belong to the 寿光 county bureau (the publisher of the sd task, the owner of its staff and
 * applications); the revoked token's owner is a staff member of it (what the token would reach if it still worked).
 */
const SG_BUREAU = ['sg-admin', 'sg-staff', 'revoked-token'];

/** DESIGN.md §12 Tasks: the publisher, its recipients and the agencies above the publisher; not other agencies of its region. */
const taskReaders = (r: Role, o: Obj) =>
  (o === 'sd' && (SG_BUREAU.includes(r.name) || r.name === 'sg-lab-admin')) || (r.kind === 'agency' && countyOf(o).startsWith(r.jurisdiction) && r.jurisdiction.length < 6);

const tasks = {
  read: scope('§12: publisher, recipients and the agencies above the publisher read a task; nobody else finds it', (r, o) => (taskReaders(r, o) ? 'ok' : '404')),
  recipientWork: scope('§12 + seed 五(二): only a recipient (the sd task went to 寿光 lab) works on it; other readers are refused, others do not find it', (r, o) =>
    o === 'sd' && r.name === 'sg-lab-admin' ? 'ok' : taskReaders(r, o) ? '403' : '404',
  ),
  publisherWork: scope('§12 + seed 五(二): only the publisher closes its task; other readers are refused, others do not find it', (r, o) =>
    o === 'sd' && SG_BUREAU.includes(r.name) ? 'ok' : taskReaders(r, o) ? '403' : '404',
  ),
};

/** 系统优化建议: a feedback is read by the account that filed it (sg-coop) and by the handlers (operations). */
const feedbackReaders = scope('feedback: its filer and the handlers read it; anyone else does not find it', (r) => (r.name === 'sg-coop' || r.agencyKind === 'operations' ? 'ok' : '404'));

/** 应急响应: a 一级 incident 安全中心 has not consented to tell is seen by operations and the ministry only, no province. */
const untoldIncident = scope('一级 not yet consented: operations and the ministry see it, no province finds it', (r) => (r.jurisdiction === '' ? 'ok' : '404'));
/** A notice to 山东 is read (receipted) by 山东's liaison (sd-admin in the fixtures); nobody else finds it. */
const sdLiaison = scope('a notice to a province: its liaison marks it read; anyone else does not find it', (r) => (r.name === 'sd-admin' ? 'ok' : '404'));

/** A sent notice (通知) is read by its sender (寿光's bureau) and the agencies above it, as tasks are; nobody else finds it. */
const noticeReaders = scope('notices: the sending bureau and the agencies above it read a sent notice and its receipts; nobody else finds it', (r) =>
  SG_BUREAU.includes(r.name) || (r.kind === 'agency' && COUNTY.sd.startsWith(r.jurisdiction) && r.jurisdiction.length < 6) ? 'ok' : '404',
);

/** 责令整改 to a producer: the producer's own accounts read it; officials use the agency routes (403). */
const producerOwn = scope('a producer reads the notices addressed to it; officials are refused (agency routes)', (r, o) => (r.kind !== 'subject' ? '403' : o === 'sc' ? '404' : 'ok'));
/** Only the addressee answers (the sd notice went to sg-coop's subject); to anyone else it is not found. */
const rectAddressee = scope('the addressee (sg-coop for the sd notice) answers; to anyone else it is not found', (r, o) => (o === 'sd' && r.name === 'sg-coop' ? 'ok' : '404'));
/** Only the issuing bureau accepts or returns an answer (寿光's for the sd notice). */
const rectIssuer = scope('the issuing agency (寿光’s bureau for the sd notice) accepts or returns; to anyone else it is not found', (r, o) => (o === 'sd' && SG_BUREAU.includes(r.name) ? 'ok' : '404'));
/** A province reads its own reports; the ministry those submitted (the sd report), never a draft (the sc one). */
const reportReaders = scope('a province its own reports, the ministry those submitted; a draft of another province is not found', (r, o) => (o === 'sd' ? 'ok' : '404'));
/** Documents: a province its own, the ministry every province's. */
const documentReaders = scope('a province its own documents, the ministry every province’s; another province does not find them', (r, o) => (o === 'sd' || r.jurisdiction === '' ? 'ok' : '404'));
const side3 = (o: Obj): 'sd' | 'sc' => (o === 'sc' ? 'sc' : 'sd');

/** DESIGN.md §2: only the county supervision bureau of the producer's region handles its registration. */
const countyBureau = scope("§2: the county bureau of the applicant's region handles it; another county does not find it", (r, o) => (o === 'sd' && SG_BUREAU.includes(r.name) ? 'ok' : '404'));

/** registry/policies.ts canSuspendSubjects: suspending, restoring and verifying certificates is for supervision from the county up. */
const suspenders = scope('policies.ts: supervision from the county up (enforcement is refused), within its jurisdiction', (r, _o, region) =>
  r.agencyKind !== 'supervision' ? '403' : inJurisdiction(r, region) ? 'ok' : '404',
);

/** registry/policies.ts canSetPriorityFlag: each role asks for its level's flag (the ministry national, a province provincial, a county 规模主体). */
const PRIORITY_FLAG_OF: Record<string, string> = { ministry: 'national_leading', province: 'provincial_leading', county: 'scale' };
const prioritySet = new Set<string>();
const prioritySetters = scope('policies.ts canSetPriorityFlag: the supervision level that recognises the flag, within its jurisdiction; other agencies are refused', (r, _o, region) =>
  !inJurisdiction(r, region) ? '404' : r.agencyKind === 'supervision' && r.level !== undefined && r.level in PRIORITY_FLAG_OF ? 'ok' : '403',
);

/**
 * registry/policies.ts manageableRoles: an agency's own admins manage its users; the supervision agency that allocated
 * it, its admin accounts. Other admins are refused an agency they can see (403); a user beyond their management is
 * not found (404), whether or not it lies in their jurisdiction.
 */
const userManagers = (what: 'agency' | 'user', accountRole: 'staff' | 'admin') =>
  scope(
    what === 'agency'
      ? "policies.ts: the agency's own admins and the supervision agency that allocated it manage its admin accounts; other admins are refused an agency of their jurisdiction, outside it do not find it"
      : "policies.ts: only the agency's own admins manage its staff accounts; to everyone else the user is not found",
    (r, o) => {
      if (o === 'sd' && (r.name === 'sg-admin' || (accountRole === 'admin' && r.name === 'wf-admin'))) return 'ok';
      if (what === 'user') return '404';
      return inJurisdiction(r, countyOf(o)) ? '403' : '404';
    },
  );

/** Alerts go to one agency (the sd alert to the 寿光 county bureau): only that agency reads and acts on it. */
const alertOwner = scope('monitoring: an alert is read by the agency it was sent to', (r, o) => (o === 'sd' && SG_BUREAU.includes(r.name) ? 'ok' : '404'));

/**
 * monitoring/policies.ts: a sample is read by the lab that took it, the agency that published its task, and the
 * supervision and enforcement agencies of its jurisdiction (other labs keep to their own samples).
 */
const sampleReader = (r: Role, o: Obj, region: string) =>
  (o === 'sd' && (r.name === 'sg-lab-admin' || SG_BUREAU.includes(r.name))) || ((r.agencyKind === 'supervision' || r.agencyKind === 'enforcement') && inJurisdiction(r, region));
const samples = {
  read: scope('monitoring policies: the sampling lab, the task’s publisher, supervision and enforcement of the jurisdiction; nobody else finds it', (r, o, region) =>
    sampleReader(r, o, region) ? 'ok' : '404',
  ),
  labWork: scope('monitoring: the lab that took the sample (寿光 lab for sd) receives it and enters results; other labs do not find it', (r, o, region) =>
    o === 'sd' && r.name === 'sg-lab-admin' ? 'ok' : sampleReader(r, o, region) ? '403' : '404',
  ),
};

/**
 * monitoring recall.queries.ts readableOrder: the issuing county bureau, the agencies alerted for the sample, and the
 * supervision and enforcement agencies whose jurisdiction holds the issuer's county; nobody else finds it.
 */
const recallOrderReader = scope('recall orders: supervision and enforcement whose jurisdiction holds the issuing county; nobody else finds it', (r, _o, region) =>
  inJurisdiction(r, region) ? 'ok' : '404',
);

/** A case is run by the enforcement agency that opened it; others of the jurisdiction are refused. */
const caseOwner = scope('enforcement: the agency that opened the case (寿光 enforcement for sd) runs it; other enforcement of the jurisdiction is refused', (r, o, region) =>
  o === 'sd' && r.name === 'sg-law-admin' ? 'ok' : inJurisdiction(r, region) ? '403' : '404',
);

/** A trade is seen by its seller and its buyer. */
const tradeParty = scopes.ownSubject;

// ---- the rows ----------------------------------------------------------------------------------------------

const id = (v: string) => ({ params: { id: v } });

export const ROWS: Row[] = [
  // Accounts and sessions (registry/auth.routes.ts)
  { op: 'POST /api/v1/auth/login', permission: 'public', scope: scopes.any, objects: NONE, call: (fx) => ({ body: fx.loginUser }) },
  { op: 'POST /api/v1/auth/logout', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({ body: {} }), last: 'session' },
  { op: 'GET /api/v1/auth/me', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({}) },
  // A wrong current password: refused for the body (400), nothing changes.
  { op: 'POST /api/v1/auth/password', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({ body: { currentPassword: 'not-the-password', newPassword: 'Changed#Pass2027' } }) },
  { op: 'GET /api/v1/auth/tokens', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/auth/tokens', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({ body: { name: 'matrix', expiresInDays: 1 } }) },
  // `own` is a token the caller mints just before; `foreign` one of 郫都's bureau.
  { op: 'DELETE /api/v1/auth/tokens/{id}', permission: 'authenticated', scope: scopes.own, objects: ['own', 'foreign'], call: (fx, o) => (o === 'foreign' ? id(fx.foreignToken) : id('$own-token')) },

  // Getting in when one cannot (registry/recovery.routes.ts, issue 15 §7)
  { op: 'GET /api/v1/public/login-options', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/auth/password-reset-requests', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({ body: { username: 'matrix-nobody' } }) },
  // Each administrator lists only the requests of the accounts it manages (recovery.test.ts); the list itself is open to every holder of user.manage.
  { op: 'GET /api/v1/password-reset-requests', permission: 'user.manage', scope: scopes.any, objects: NONE, call: () => ({}) },
  // A producer's forgotten passwords (subject-password-reset.test.ts): staff by their main account, main accounts by the county bureau.
  { op: 'GET /api/v1/registry/my-subject/password-reset-requests', permission: 'subject.manage', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/registry/my-subject/accounts/{id}/reset-password', permission: 'subject.manage', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).mainStaffAccount), body: { newPassword: STRONG } }) },
  { op: 'GET /api/v1/registry/main-account-reset-requests', permission: 'subject.approve', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/registry/main-accounts/{id}/reset-password', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).victimMainAccount), body: { newPassword: STRONG } }) },
  { op: 'POST /api/v1/registry/applications/recover', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({ body: { idNumber: '370783199001010000', phone: '13900000000' } }) },

  // Regions and agencies
  { op: 'POST /api/v1/public/identity-check', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({ body: { idKind: 'uscc', idNumber: MATRIX_USCC } }) },
  { op: 'GET /api/v1/regions', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({ query: 'parent=37' }) },
  { op: 'GET /api/v1/regions/{code}', permission: 'public', scope: scopes.any, objects: SD_SC, call: (_fx, o) => ({ params: { code: countyOf(o) } }) },
  { op: 'GET /api/v1/agencies', permission: 'agency.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  // Allocation: each admin asks for an agency its level may allocate, in its own region (taken already: 409) or in 四川.
  {
    op: 'POST /api/v1/agencies',
    permission: 'agency.allocate',
    scope: scope('seed 五(一): each admin allocates in its own region (here: what exists already, 409); in another province it is refused (403)', (r, o) =>
      o === 'sd' || r.jurisdiction === '' ? 'ok' : '403',
    ),
    objects: SD_SC,
    call: (_fx, o, r) => {
      const region = r.level === 'ministry' ? (o === 'sc' ? '51' : '37') : o === 'sc' ? { province: '51', city: '5101', county: '510117' }[r.level as 'province']! : r.jurisdiction;
      const kind = r.level === 'ministry' ? 'supervision' : 'testing';
      const level = r.level === 'ministry' ? 'province' : r.level;
      return { body: { name: '矩阵测试机构', kind, level, regionCode: region, account: { username: `mx-alloc-${uniq()}`, displayName: '矩阵', password: STRONG } } };
    },
  },
  { op: 'GET /api/v1/agencies/allocation-options', permission: 'agency.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/agencies/{id}', permission: 'agency.read', scope: scopes.jurisdiction, objects: SD_SC, region: COUNTY, call: (fx, o) => id(side(fx, o).countyAgency) },
  { op: 'GET /api/v1/agencies/{id}/users', permission: 'user.read', scope: userManagers('agency', 'admin'), objects: SD_SC, call: (fx, o) => id(side(fx, o).countyAgency) },
  { op: 'GET /api/v1/agencies/{id}/users.xlsx', permission: 'user.read', scope: userManagers('agency', 'admin'), objects: SD_SC, call: (fx, o) => id(side(fx, o).countyAgency) },
  {
    op: 'POST /api/v1/agencies/{id}/users',
    permission: 'user.manage',
    scope: userManagers('agency', 'admin'),
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).countyAgency), body: { username: `mx-user-${uniq()}`, displayName: '矩阵管理员', password: STRONG, role: 'admin' } }),
  },
  { op: 'PATCH /api/v1/users/{id}', permission: 'user.manage', scope: userManagers('user', 'staff'), objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).targetUser), body: { displayName: '矩阵目标' } }) },
  { op: 'POST /api/v1/users/{id}/reset-password', permission: 'user.manage', scope: userManagers('user', 'staff'), objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).targetUser), body: { newPassword: STRONG } }) },

  // Registration (anonymous applicants, the county bureau's inbox)
  // An applicant's upload ticket: anyone may ask for one (its uploads then belong to it: issue 19, findings 7 and 11).
  { op: 'POST /api/v1/registry/upload-tickets', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/registry/uploads', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({ file: PNG_FILE }) },
  // An application whose photos were never uploaded: refused for the body, whoever sends it.
  {
    op: 'POST /api/v1/registry/applications',
    permission: 'public',
    scope: scopes.any,
    objects: NONE,
    call: (fx) => ({ body: { ...fx.sd.returnedApplication.body, username: `mx-app-${uniq()}`, password: STRONG, photos: [{ kind: 'id_front', fileId: '00000000-0000-4000-8000-000000000000' }] } }),
  },
  { op: 'GET /api/v1/registry/applications', permission: 'subject.approve', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/registry/applications/track/{code}', permission: 'public', scope: scopes.any, objects: SD_SC, call: (fx, o) => ({ params: { code: side(fx, o).application.trackingCode } }) },
  {
    op: 'GET /api/v1/registry/applications/track/{code}/photos/{fileId}',
    permission: 'public',
    scope: scopes.any,
    objects: SD_SC,
    call: (fx, o) => ({ params: { code: side(fx, o).application.trackingCode, fileId: side(fx, o).application.photo } }),
  },
  {
    op: 'POST /api/v1/registry/applications/track/{code}/resubmit',
    permission: 'public',
    scope: scopes.any,
    objects: SD_SC,
    call: (fx, o) => ({ params: { code: side(fx, o).returnedApplication.trackingCode }, body: side(fx, o).returnedApplication.body }),
  },
  { op: 'GET /api/v1/registry/applications/{id}', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => id(side(fx, o).application.id) },
  {
    op: 'GET /api/v1/registry/applications/{id}/photos/{fileId}',
    permission: 'subject.approve',
    scope: countyBureau,
    objects: SD_SC,
    call: (fx, o) => ({ params: { id: side(fx, o).application.id, fileId: side(fx, o).application.photo } }),
  },
  { op: 'POST /api/v1/registry/applications/{id}/approve', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).applicationToApprove), body: {} }) },
  { op: 'POST /api/v1/registry/applications/{id}/return', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).applicationToReturn), body: { opinion: '矩阵测试退回' } }) },
  { op: 'POST /api/v1/registry/applications/{id}/reject', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).applicationToReject), body: { opinion: '矩阵测试驳回' } }) },

  // Subjects as agencies see them
  { op: 'GET /api/v1/registry/subjects', permission: 'subject.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/registry/subjects.xlsx', permission: 'subject.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/registry/subjects/{id}', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).otherSubject) },
  { op: 'GET /api/v1/registry/subjects/{id}/history', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).otherSubject) },
  {
    op: 'GET /api/v1/registry/subjects/{id}/photos/{fileId}',
    permission: 'subject.read',
    scope: scopes.jurisdiction,
    objects: SD_SC,
    call: (fx, o) => ({ params: { id: side(fx, o).otherSubject, fileId: side(fx, o).otherSubjectPhoto } }),
  },
  { op: 'POST /api/v1/registry/subjects/{id}/suspend', permission: 'subject.supervise', scope: suspenders, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).otherSubject), body: { reason: '矩阵测试暂停' } }) },
  { op: 'POST /api/v1/registry/subjects/{id}/restore', permission: 'subject.supervise', scope: suspenders, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).otherSubject), body: { reason: '矩阵测试恢复' } }) },
  {
    op: 'POST /api/v1/registry/subjects/{id}/priority-flags',
    permission: 'subject.supervise',
    scope: prioritySetters,
    objects: SD_SC,
    call: (fx, o, r) => {
      // Each role asks for its own level's flag; a call that succeeds toggles it, so the next one is no repeat (409).
      const flag = PRIORITY_FLAG_OF[r.level ?? ''] ?? 'scale';
      const key = `${side(fx, o).otherSubject}:${flag}`;
      const set = !prioritySet.has(key);
      if (prioritySetters.decide(r, o, DEFAULT_REGION[o === 'sc' ? 'sc' : 'sd']) === 'ok') {
        if (set) prioritySet.add(key);
        else prioritySet.delete(key);
      }
      return { ...id(side(fx, o).otherSubject), body: { flag, set, reason: '矩阵测试重点主体' } };
    },
  },
  {
    op: 'POST /api/v1/registry/subjects/{id}/bad-records',
    permission: 'subject.supervise',
    scope: scopes.jurisdiction,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).otherSubject), body: { severity: 'minor', description: '矩阵测试记录', occurredOn: '2026-11-01' } }),
  },
  {
    op: 'POST /api/v1/registry/temporary-subjects',
    permission: 'subject.temporary',
    scope: scopes.targetInJurisdiction,
    objects: SD_SC,
    call: (_fx, o) => ({ body: { category: 0, orgForm: 1, name: `矩阵临时主体${uniq()}`, industries: ['planting'], regionCode: o === 'sc' ? '510117104' : '370783100' } }),
  },
  { op: 'GET /api/v1/registry/change-requests', permission: 'subject.approve', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/registry/change-requests/{id}/approve', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).changeRequestToApprove), body: {} }) },
  { op: 'POST /api/v1/registry/change-requests/{id}/reject', permission: 'subject.approve', scope: countyBureau, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).changeRequestToReject), body: { opinion: '矩阵测试驳回' } }) },
  { op: 'POST /api/v1/registry/certificates/{id}/verify', permission: 'subject.supervise', scope: suspenders, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).otherCertificate), body: { verified: true } }) },
  // §3: an electronic identity is what inspectors and buyers scan: any logged-in account looks it up, anywhere.
  { op: 'GET /api/v1/registry/identities/{token}', permission: 'authenticated', scope: scopes.any, objects: SD_SC, call: (fx, o) => ({ params: { token: side(fx, o).mainIdentityToken } }) },
  { op: 'GET /api/v1/registry/imports/template.xlsx', permission: 'subject.approve', scope: scopes.any, objects: NONE, call: () => ({}) },
  // Not a workbook: refused for the body by the county bureau, for the permission by everyone else.
  { op: 'POST /api/v1/registry/imports', permission: 'subject.approve', scope: scopes.any, objects: NONE, call: () => ({ file: PNG_FILE }) },

  // A producer's own subject (registry/my-subject.routes.ts)
  { op: 'POST /api/v1/registry/my-subject/uploads', permission: 'subject.manage', scope: scopes.any, objects: NONE, call: () => ({ file: PNG_FILE }) },
  { op: 'GET /api/v1/registry/my-subject', permission: 'subject.self', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/registry/my-subject/identity', permission: 'subject.self', scope: scopes.any, objects: NONE, call: () => ({}) },
  // Last: a new token would orphan the one the other rows scan.
  { op: 'POST /api/v1/registry/my-subject/identity/regenerate', permission: 'subject.manage', scope: scopes.any, objects: NONE, call: () => ({ body: {} }), last: true },
  { op: 'GET /api/v1/registry/my-subject/identity/card.pdf', permission: 'subject.self', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/registry/my-subject/photos/{fileId}', permission: 'subject.self', scope: scopes.ownSubject, objects: ['sd', 'sc'], call: (fx, o) => ({ params: { fileId: side(fx, o).mainPhoto } }) },
  { op: 'GET /api/v1/registry/my-subject/accounts', permission: 'subject.manage', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/registry/my-subject/accounts', permission: 'subject.manage', scope: scopes.any, objects: NONE, call: () => ({ body: { username: `mx-clerk-${uniq()}`, displayName: '矩阵员工', password: STRONG } }) },
  { op: 'PATCH /api/v1/registry/my-subject/accounts/{id}', permission: 'subject.manage', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).mainStaffAccount), body: { status: 'active' } }) },
  {
    op: 'POST /api/v1/registry/my-subject/certificates',
    permission: 'subject.manage',
    scope: scopes.any,
    objects: NONE,
    call: (fx) => ({ body: { kind: 'organic', number: `MX-${uniq()}`, products: '葡萄', validFrom: '2026-01-01', validTo: '2028-12-31', scanFileId: fx.sd.mainFreshScan } }),
  },
  { op: 'POST /api/v1/registry/my-subject/certificates/{id}/withdraw', permission: 'subject.manage', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).mainCertificate), body: {} }), last: true },
  // A certificate's scan: agencies of the jurisdiction, the subject's own accounts.
  {
    op: 'GET /api/v1/registry/certificates/{id}/scan',
    permission: 'authenticated',
    scope: scopes.jurisdictionOrOwnSubject,
    objects: ['sd', 'sd-other', 'sc'],
    call: (fx, o) => id(o === 'sd-other' ? fx.sd.otherCertificate : side(fx, o).mainCertificate),
  },
  { op: 'GET /api/v1/registry/my-subject/change-requests', permission: 'subject.self', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/registry/my-subject/change-requests', permission: 'subject.manage', scope: scopes.any, objects: NONE, call: () => ({ body: { changes: { scale: 88 }, reason: '矩阵测试变更' } }) },

  // Audit
  { op: 'GET /api/v1/audit', permission: 'audit.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/audit.xlsx', permission: 'audit.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/ops/backups', permission: 'backup.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/ops/jobs', permission: 'job.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/ops/jobs/{id}/retry', permission: 'job.retry', scope: scopes.any, objects: NONE, call: (fx) => ({ ...id(String(fx.queuedJob)), body: {} }) },

  // Feedback (系统优化建议): every account files and reads its own; the ministry's supervision accounts handle all.
  { op: 'POST /api/v1/feedback/screenshots', permission: 'feedback.file', scope: scopes.any, objects: NONE, call: () => ({ file: PNG_FILE }) },
  { op: 'POST /api/v1/feedback', permission: 'feedback.file', scope: scopes.any, objects: NONE, call: () => ({ body: { kind: 'network', text: '矩阵：网络很慢' } }) },
  { op: 'GET /api/v1/feedback/mine', permission: 'feedback.file', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/feedback', permission: 'feedback.handle', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/feedback.xlsx', permission: 'feedback.handle', scope: scopes.any, objects: NONE, call: () => ({ query: 'from=2026-01-01&to=2026-06-30' }) },
  { op: 'GET /api/v1/feedback/stats', permission: 'feedback.handle', scope: scopes.any, objects: NONE, call: () => ({ query: 'from=2026-01-01&to=2026-06-30' }) },
  { op: 'GET /api/v1/feedback/{id}', permission: 'feedback.file', scope: feedbackReaders, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id } }) },
  { op: 'GET /api/v1/feedback/{id}/screenshots/{fileId}', permission: 'feedback.file', scope: feedbackReaders, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id, fileId: fx.feedback.screenshot } }) },
  // The steps answer 200 or 409 (the state moved on, or the classifier confirming): both are past access.
  { op: 'POST /api/v1/feedback/{id}/classify', permission: 'feedback.handle', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id }, body: { kind: 'experience', proposal: '矩阵方案' } }) },
  { op: 'POST /api/v1/feedback/{id}/confirm', permission: 'feedback.confirm', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id }, body: {} }) },
  { op: 'POST /api/v1/feedback/{id}/fix', permission: 'feedback.handle', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id }, body: { resolution: '矩阵处理' } }) },
  { op: 'POST /api/v1/feedback/{id}/decline', permission: 'feedback.handle', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id }, body: { reason: '矩阵理由' } }) },
  { op: 'POST /api/v1/feedback/{id}/revisit', permission: 'feedback.handle', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.feedback.id }, body: { satisfaction: 'satisfied', note: '矩阵回访' } }) },
  // 统计分析: a region node of the jurisdiction (the township of each side); outside it is not found.
  { op: 'GET /api/v1/analytics/statistics', permission: 'analytics.statistics', scope: scopes.jurisdiction, objects: SD_SC, call: (_fx, o) => ({ query: `period=year&region=${DEFAULT_REGION[o as 'sd' | 'sc']}` }) },
  { op: 'GET /api/v1/analytics/statistics.xlsx', permission: 'analytics.statistics', scope: scopes.jurisdiction, objects: SD_SC, call: (_fx, o) => ({ query: `period=month&region=${DEFAULT_REGION[o as 'sd' | 'sc']}` }) },
  { op: 'GET /api/v1/analytics/home', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/shell/notices', permission: 'authenticated', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/announcements', permission: 'announcement.publish', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/announcements', permission: 'announcement.publish', scope: scopes.any, objects: NONE, call: () => ({ body: { level: 'info', textZh: '矩阵：今晚维护', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() } }) },
  { op: 'PUT /api/v1/announcements/{id}', permission: 'announcement.publish', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.announcement.id }, body: { level: 'warning', textZh: '矩阵：维护延长', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() } }) },
  { op: 'POST /api/v1/announcements/{id}/dismiss', permission: 'authenticated', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.announcement.id }, body: { version: 1 } }) },
  { op: 'POST /api/v1/announcements/{id}/withdraw', permission: 'announcement.publish', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.announcement.id } }), last: true },
  { op: 'POST /api/v1/notices/attachments', permission: 'notice.send', scope: scopes.any, objects: NONE, call: () => ({ file: PDF_FILE }) },
  { op: 'POST /api/v1/notices/audience', permission: 'notice.send', scope: scopes.any, objects: NONE, call: () => ({ body: {} }) },
  { op: 'POST /api/v1/notices', permission: 'notice.send', scope: scopes.any, objects: NONE, call: () => ({ body: { title: '矩阵：通知', body: '矩阵：通知正文', audience: {} } }) },
  { op: 'GET /api/v1/notices', permission: 'notice.send', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/notices/{id}', permission: 'notice.send', scope: noticeReaders, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id } }) },
  { op: 'GET /api/v1/notices/{id}/recipients', permission: 'notice.send', scope: noticeReaders, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id } }) },
  { op: 'GET /api/v1/notices/{id}/unread.xlsx', permission: 'notice.send', scope: noticeReaders, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id } }) },
  { op: 'GET /api/v1/notices/{id}/attachments/{fileId}', permission: 'notice.send', scope: noticeReaders, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id, fileId: fx.notice.attachment } }) },
  { op: 'GET /api/v1/inbox/notices', permission: 'notice.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/inbox/notices/{id}', permission: 'notice.read', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id } }) },
  { op: 'POST /api/v1/inbox/notices/{id}/read', permission: 'notice.read', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id } }) },
  { op: 'GET /api/v1/inbox/notices/{id}/attachments/{fileId}', permission: 'notice.read', scope: scopes.any, objects: ['sd'], call: (fx) => ({ params: { id: fx.notice.id, fileId: fx.notice.attachment } }) },

  // Incidents (应急响应): operations reports and handles; 安全中心 consents; the ministry and the provinces told read.
  { op: 'GET /api/v1/incidents', permission: 'incident.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/incidents', permission: 'incident.report', scope: scopes.any, objects: NONE, call: () => ({ body: { level: 1, occurredAt: new Date().toISOString(), place: '矩阵机房', phenomenon: '矩阵现象', impact: '矩阵影响', measures: '矩阵措施', expectedRecovery: '矩阵预期', provinces: ['51'] } }) },
  { op: 'GET /api/v1/incidents/liaisons', permission: 'incident.report', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/incidents/liaison', permission: 'incident.liaison', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/incidents/liaison', permission: 'incident.liaison', scope: scopes.any, objects: NONE, call: (fx) => ({ body: { userId: fx.incident.liaison } }) },
  { op: 'GET /api/v1/incidents/notices', permission: 'incident.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/incidents/notices/{id}/read', permission: 'incident.read', scope: sdLiaison, objects: ['sd'], call: (fx) => ({ ...id(String(fx.incident.notice)), body: {} }) },
  { op: 'GET /api/v1/incidents/{id}', permission: 'incident.read', scope: untoldIncident, objects: ['sd'], call: (fx) => id(fx.incident.untold) },
  // The steps run on an incident of 四川 of their own; each answers 200, 400 or 409 (the state moved on): past access.
  { op: 'POST /api/v1/incidents/{id}/progress', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: { note: '矩阵进度' } }) },
  { op: 'POST /api/v1/incidents/{id}/consent', permission: 'incident.consent', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: {} }) },
  { op: 'POST /api/v1/incidents/{id}/escalate', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: { reason: '矩阵升级' } }) },
  { op: 'POST /api/v1/incidents/{id}/extension', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: { until: new Date(Date.now() + 10 * 3_600_000).toISOString(), reason: '矩阵延期' } }) },
  { op: 'POST /api/v1/incidents/{id}/extension/decision', permission: 'incident.consent', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: { approve: false } }) },
  { op: 'GET /api/v1/incidents/{id}/writes', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => id(fx.incident.work) },
  { op: 'POST /api/v1/incidents/{id}/writes/{auditId}/check', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => ({ params: { id: fx.incident.work, auditId: '1' }, body: {} }) },
  { op: 'POST /api/v1/incidents/{id}/recover', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: { notice: '矩阵恢复' } }), last: true },
  { op: 'POST /api/v1/incidents/{id}/close', permission: 'incident.report', scope: scopes.any, objects: ['sc'], call: (fx) => ({ ...id(fx.incident.work), body: { record: '矩阵记录', assessment: '矩阵评估' } }), last: true },

  // Trace: public look-ups and reference data
  { op: 'GET /api/v1/trace/codes/{code}', permission: 'public', scope: scopes.any, objects: SD_SC, call: (fx, o) => ({ params: { code: side(fx, o).batchCode } }) },
  { op: 'GET /api/v1/trace/product-classes', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/public/trace/{code}', permission: 'public', scope: scopes.any, objects: SD_SC, call: (fx, o) => ({ params: { code: side(fx, o).batchCode } }) },
  { op: 'POST /api/v1/public/trace/verify', permission: 'public', scope: scopes.any, objects: NONE, call: (fx) => ({ body: { codes: [fx.sd.batchCode, fx.sc.batchCode] } }) },

  // Trace: a producer's own records (DESIGN.md §2: a subject's users see their own subject's data)
  { op: 'GET /api/v1/trace/bases', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  {
    op: 'POST /api/v1/trace/bases',
    permission: 'trace.write',
    scope: scopes.any,
    objects: NONE,
    call: () => ({ body: { name: `矩阵基地${uniq()}`, regionCode: '370783100', address: '化龙镇矩阵村', lat: 36.88, lng: 118.74 } }),
  },
  { op: 'GET /api/v1/trace/products', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/trace/products', permission: 'trace.write', scope: scopes.any, objects: NONE, call: () => ({ body: { name: `矩阵产品${uniq()}`, classCode: '0504010101', spec: '散装', unit: 'kg' } }) },
  { op: 'GET /api/v1/trace/batches', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/trace/batches.xlsx', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  {
    op: 'POST /api/v1/trace/batches',
    permission: 'trace.write',
    scope: scopes.ownSubject,
    objects: SD_SC,
    call: (fx, o) => ({ body: { productId: side(fx, o).product, quantity: 10, unit: 'kg', harvestDate: '2026-11-20', selfCheck: { result: 'pass' } } }),
  },
  { op: 'GET /api/v1/trace/batches/{id}', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => id(side(fx, o).batch) },
  { op: 'GET /api/v1/trace/trades', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/trace/trades.xlsx', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  {
    op: 'POST /api/v1/trace/trades',
    permission: 'trace.write',
    scope: scopes.ownSubject,
    objects: SD_SC,
    call: (fx, o) => ({ body: { batchId: side(fx, o).batch, quantity: 1, unit: 'kg', buyer: { name: '矩阵饭店', phone: '13966660001', address: '寿光市矩阵街 1 号' } } }),
  },
  { op: 'GET /api/v1/trace/trades/{id}', permission: 'trace.read', scope: tradeParty, objects: SD_SC, call: (fx, o) => id(side(fx, o).tradeToConfirm) },
  { op: 'POST /api/v1/trace/trades/{id}/confirm', permission: 'trace.write', scope: tradeParty, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).tradeToConfirm), body: {} }) },
  { op: 'POST /api/v1/trace/trades/{id}/reject', permission: 'trace.write', scope: tradeParty, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).tradeToReject), body: { reason: '矩阵测试拒收' } }) },
  { op: 'POST /api/v1/trace/trades/{id}/cancel', permission: 'trace.write', scope: tradeParty, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).tradeToCancel), body: { reason: '矩阵测试撤销' } }) },
  {
    op: 'POST /api/v1/trace/market-entries',
    permission: 'trace.write',
    scope: scopes.ownSubject,
    objects: SD_SC,
    call: (fx, o) => ({ body: { batchId: side(fx, o).batch, quantity: 1, unit: 'kg', market: { kind: 'retail', name: '矩阵超市' } } }),
  },
  { op: 'POST /api/v1/trace/returns', permission: 'trace.write', scope: tradeParty, objects: SD_SC, call: (fx, o) => ({ body: { tradeId: side(fx, o).confirmedPurchase, quantity: 1, reason: '矩阵测试退货' } }) },
  {
    op: 'POST /api/v1/trace/transformations',
    permission: 'trace.write',
    scope: scopes.ownSubject,
    objects: SD_SC,
    call: (fx, o) => ({ body: { inputs: [{ batchId: side(fx, o).batch, quantity: 1 }], output: { productId: fx.sd.product, quantity: 1, unit: 'kg', productionDate: '2026-11-21' } } }),
  },
  { op: 'POST /api/v1/trace/batches/{id}/split', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).batch), body: { parts: [{ quantity: 1 }, { quantity: 1 }] } }) },
  { op: 'POST /api/v1/trace/batches/merge', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ body: { batchIds: side(fx, o).mergeBatches } }) },
  // 更正与作废 (issue 15 §5): corrections that change nothing (the value it has) and voids refused or run last.
  { op: 'POST /api/v1/trace/batches/{id}/corrections', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).batch), body: { harvestDate: '2026-11-20', reason: '矩阵测试更正' } }) },
  { op: 'POST /api/v1/trace/batches/{id}/void', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).batch), body: { reason: '矩阵测试作废（有去向，被拒）' } }) },
  { op: 'GET /api/v1/trace/batches/{id}/corrections', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => id(side(fx, o).batch) },
  { op: 'POST /api/v1/trace/products/{id}/corrections', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).product), body: { spec: '散装', reason: '矩阵测试更正' } }) },
  { op: 'POST /api/v1/trace/products/{id}/void', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, last: true, call: (fx, o) => ({ ...id(side(fx, o).product), body: { reason: '矩阵测试作废' } }) },
  { op: 'POST /api/v1/trace/products/{id}/showcase', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).product), body: { shown: true } }) },
  { op: 'GET /api/v1/public/showcase', permission: 'public', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/trace/products/{id}/corrections', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => id(side(fx, o).product) },
  { op: 'POST /api/v1/trace/bases/{id}/corrections', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).base), body: { address: '矩阵村', reason: '矩阵测试更正' } }) },
  { op: 'POST /api/v1/trace/bases/{id}/void', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, last: true, call: (fx, o) => ({ ...id(side(fx, o).base), body: { reason: '矩阵测试作废' } }) },
  { op: 'GET /api/v1/trace/bases/{id}/corrections', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => id(side(fx, o).base) },
  { op: 'GET /api/v1/trace/notifications/stream', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({ stream: true }) },
  { op: 'GET /api/v1/trace/batches/{id}/label', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).batch), query: 'format=svg' }) },
  { op: 'GET /api/v1/trace/batches/{id}/certificate', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).batch), query: 'format=svg' }) },
  // 承诺达标合格证 as records (issue 21 §4): the holder issues and lists, the issuer prints copies, anyone checks a number.
  { op: 'POST /api/v1/trace/batches/{id}/certificates', permission: 'trace.write', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).batch), body: { basis: 'self_commitment', quantity: 1 } }) },
  { op: 'GET /api/v1/trace/batches/{id}/certificates', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => id(side(fx, o).batch) },
  { op: 'GET /api/v1/trace/certificates/{number}/file', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ params: { number: side(fx, o).certificateNumber }, query: 'format=svg' }) },
  { op: 'GET /api/v1/public/certificates/{number}', permission: 'public', scope: scopes.any, objects: SD_SC, call: (fx, o) => ({ params: { number: side(fx, o).certificateNumber } }) },
  // 市场监督管理 (issue 21 §3): the regulator reads the vouchers of its region's markets (a market not on the platform
  // lies in the seller's region); another region's voucher is not found; the bulk check reads only.
  { op: 'GET /api/v1/market/vouchers', permission: 'trace.market', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/market/vouchers/{id}', permission: 'trace.market', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).marketVoucher) },
  { op: 'POST /api/v1/market/verify', permission: 'trace.market', scope: scopes.any, objects: NONE, call: (fx) => ({ body: { codes: [fx.sd.batchCode] } }) },
  { op: 'GET /api/v1/trace/market-entries/{id}/voucher', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).marketEntry), query: 'format=svg' }) },
  // A batch's chain: agencies within their jurisdiction, a producer its own batches (trace.graph).
  { op: 'GET /api/v1/trace/batches/by-code/{code}', permission: 'trace.graph', scope: scopes.jurisdictionOrOwnSubject, clients: true, objects: SD_SC, call: (fx, o) => ({ params: { code: side(fx, o).batchCode } }) },
  {
    op: 'GET /api/v1/trace/batches/{id}/trace',
    permission: 'trace.graph',
    scope: scopes.jurisdictionOrOwnSubject,
    clients: true,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).batch), query: 'direction=forward' }),
  },
  { op: 'GET /api/v1/trace/batches/{id}/fsma204', permission: 'trace.graph', scope: scopes.jurisdictionOrOwnSubject, objects: SD_SC, call: (fx, o) => id(side(fx, o).batch) },
  { op: 'GET /api/v1/trace/fsma204', permission: 'trace.graph', scope: scopes.any, objects: NONE, call: () => ({ query: 'classCode=04&from=2026-11-01&to=2026-11-30&format=csv' }) },
  { op: 'GET /api/v1/trace/batches/{id}/recall', permission: 'trace.recall', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).batch) },
  { op: 'GET /api/v1/trace/batches/{id}/recall.xlsx', permission: 'trace.recall', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).batch) },
  { op: 'GET /api/v1/trace/subjects/{id}/records', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).mainSubject) },
  { op: 'GET /api/v1/trace/subjects/{id}/bases', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).mainSubject) },
  { op: 'GET /api/v1/trace/subjects/{id}/products', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).mainSubject) },
  { op: 'GET /api/v1/trace/subjects/{id}/batches', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).mainSubject) },
  { op: 'GET /api/v1/trace/subjects/{id}/trades', permission: 'subject.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).mainSubject) },

  // Supervision: tasks (DESIGN.md §12 Tasks)
  { op: 'POST /api/v1/supervision/attachments', permission: 'supervision.publish', scope: scopes.any, objects: NONE, call: () => ({ file: PDF_FILE }) },
  { op: 'GET /api/v1/supervision/attachments/{id}', permission: 'supervision.task', scope: tasks.read, objects: SD_SC, call: (fx, o) => id(side(fx, o).attachment) },
  { op: 'GET /api/v1/supervision/recipient-options', permission: 'supervision.task', scope: scopes.any, objects: NONE, call: () => ({ query: 'kind=notice' }) },
  {
    op: 'POST /api/v1/supervision/tasks',
    permission: 'supervision.publish',
    scope: scope('seed 五(二): a task goes down the tree inside the publisher’s jurisdiction; a recipient outside it is refused (403)', (r, o) =>
      // 寿光's lab is below every publisher of 山东 but the county bureau, for which it is its own level's peer (allowed too).
      inJurisdiction(r, countyOf(o)) ? 'ok' : '403',
    ),
    objects: SD_SC,
    call: (fx, o) => ({
      body: { kind: 'notice', title: '矩阵通知', content: '矩阵测试', startsOn: '2026-11-01', dueOn: '2026-12-31', recipients: [{ agencyId: side(fx, o).labAgency }] },
    }),
  },
  { op: 'GET /api/v1/supervision/tasks', permission: 'supervision.task', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/supervision/tasks/{id}', permission: 'supervision.task', scope: tasks.read, objects: SD_SC, call: (fx, o) => id(side(fx, o).task) },
  { op: 'GET /api/v1/supervision/tasks/{id}/progress.xlsx', permission: 'supervision.task', scope: tasks.read, objects: SD_SC, call: (fx, o) => id(side(fx, o).task) },
  { op: 'POST /api/v1/supervision/tasks/{id}/accept', permission: 'supervision.task', scope: tasks.recipientWork, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).taskToAccept), body: {} }) },
  { op: 'GET /api/v1/supervision/tasks/{id}/assignable', permission: 'supervision.task', scope: tasks.recipientWork, objects: SD_SC, call: (fx, o) => id(side(fx, o).task) },
  // The caller assigns itself ($me: a member of its own agency, whoever it is).
  { op: 'POST /api/v1/supervision/tasks/{id}/assign', permission: 'supervision.task', scope: tasks.recipientWork, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).task), body: { userIds: ['$me'] } }) },
  { op: 'POST /api/v1/supervision/tasks/{id}/progress', permission: 'supervision.task', scope: tasks.recipientWork, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).task), body: { done: 1 } }) },
  { op: 'POST /api/v1/supervision/tasks/{id}/report', permission: 'supervision.task', scope: tasks.recipientWork, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).task), body: { report: '矩阵测试报告', done: 1 } }) },
  { op: 'POST /api/v1/supervision/tasks/{id}/close', permission: 'supervision.task', scope: tasks.publisherWork, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).taskToClose), body: {} }), last: true },

  // Supervision: inspections, photos, checklists, transfers (agencies of the subject's jurisdiction)
  { op: 'POST /api/v1/supervision/photos', permission: 'supervision.task', scope: scopes.any, objects: NONE, call: () => ({ file: PNG_FILE }) },
  // A field photo: the agencies whose jurisdiction covers where it was taken (化龙镇).
  { op: 'GET /api/v1/supervision/photos/{id}', permission: 'supervision.task', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).stationPhoto) },
  { op: 'GET /api/v1/supervision/checklists', permission: 'supervision.task', scope: scopes.any, objects: NONE, call: () => ({ query: 'industry=planting' }) },
  // The province's planting checklist saved as it is (山东 for sd-admin; nobody else holds the permission).
  {
    op: 'PUT /api/v1/supervision/checklists/{industry}',
    permission: 'supervision.checklist',
    scope: scopes.any,
    objects: NONE,
    call: (fx) => ({ params: { industry: 'planting' }, body: { items: (fx.plantingChecklist as { items: unknown[] }).items } }),
  },
  {
    op: 'POST /api/v1/supervision/inspections',
    permission: 'supervision.inspect',
    scope: scopes.targetInJurisdiction,
    objects: SD_SC,
    call: (fx, o) => ({
      body: { subjectId: side(fx, o).mainSubject, industry: 'planting', answers: (fx.plantingChecklist as { items: { key: string }[] }).items.map((i) => ({ key: i.key, result: 'pass' })), conclusion: 'compliant', noPhotoReason: '矩阵测试不拍照', noPointReason: '矩阵测试无定位' },
    }),
  },
  { op: 'GET /api/v1/supervision/inspections', permission: 'supervision.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/supervision/inspections.xlsx', permission: 'supervision.read', scope: scopes.any, objects: NONE, call: () => ({ query: 'from=2026-01-01&to=2026-12-31' }) },
  { op: 'GET /api/v1/supervision/inspections/{id}', permission: 'supervision.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).inspection) },
  { op: 'GET /api/v1/supervision/inspections/{id}/transfer-options', permission: 'supervision.inspect', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).inspection) },
  {
    op: 'POST /api/v1/supervision/inspections/{id}/transfer',
    permission: 'supervision.inspect',
    scope: scopes.jurisdiction,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).inspection), body: { toAgencyId: side(fx, o).lawAgency, reason: '矩阵测试移交' } }),
  },
  { op: 'GET /api/v1/supervision/transfers', permission: 'enforcement.case', scope: scopes.any, objects: NONE, call: () => ({}) },

  // Enforcement: cases
  { op: 'POST /api/v1/enforcement/cases', permission: 'enforcement.case', scope: scopes.targetInJurisdiction, objects: SD_SC, call: (fx, o) => ({ body: { subjectId: side(fx, o).mainSubject, title: '矩阵案件', summary: '矩阵测试' } }) },
  { op: 'GET /api/v1/enforcement/cases', permission: 'enforcement.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/enforcement/cases/{id}', permission: 'enforcement.read', scope: scopes.jurisdiction, objects: SD_SC, call: (fx, o) => id(side(fx, o).case) },
  { op: 'POST /api/v1/enforcement/cases/{id}/records', permission: 'enforcement.case', scope: caseOwner, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).case), body: { kind: 'note', content: '矩阵测试记录' } }) },
  {
    op: 'POST /api/v1/enforcement/cases/{id}/commissions',
    permission: 'enforcement.case',
    scope: caseOwner,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).case), body: { kind: 'supervisory_sampling', testingAgencyId: side(fx, o).labAgency, title: '矩阵委托', content: '矩阵测试', dueOn: '2026-12-31' } }),
  },
  { op: 'POST /api/v1/enforcement/cases/{id}/advance', permission: 'enforcement.case', scope: caseOwner, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).case), body: { to: 'investigation' } }) },

  // Monitoring
  { op: 'GET /api/v1/monitoring/alerts', permission: 'monitoring.alert_read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitoring/alerts/{id}', permission: 'monitoring.alert_read', scope: alertOwner, objects: SD_SC, call: (fx, o) => id(side(fx, o).alert) },
  { op: 'POST /api/v1/monitoring/alerts/{id}/case', permission: 'enforcement.case', scope: alertOwner, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).alert), body: {} }) },
  { op: 'GET /api/v1/monitoring/tasks/{taskId}/summary', permission: 'monitoring.read', scope: tasks.read, objects: SD_SC, call: (fx, o) => ({ params: { taskId: side(fx, o).task } }) },
  { op: 'GET /api/v1/monitoring/tasks/{taskId}/summary.xlsx', permission: 'monitoring.read', scope: tasks.read, objects: SD_SC, call: (fx, o) => ({ params: { taskId: side(fx, o).task } }) },
  { op: 'GET /api/v1/monitoring/analytes', permission: 'monitoring.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  // 检测参照数据 (issue 21 §2): every agency reads; labs and province supervision add; retiring is the adder's own.
  { op: 'GET /api/v1/monitoring/reference/analytes', permission: 'monitoring.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/monitoring/reference/analytes', permission: 'monitoring.reference', scope: scopes.any, objects: NONE, call: () => ({ body: { nameZh: `矩阵项目${uniq()}`, kind: 'pesticide', method: '矩阵测试方法', unit: 'mg/kg', standard: '矩阵测试依据' } }) },
  { op: 'GET /api/v1/monitoring/reference/limits', permission: 'monitoring.read', scope: scopes.any, objects: NONE, call: () => ({ query: 'analyteCode=abamectin' }) },
  { op: 'POST /api/v1/monitoring/reference/limits', permission: 'monitoring.reference', scope: scopes.any, objects: NONE, call: () => ({ body: { analyteCode: 'abamectin', classCode: '01', value: 0.5, standard: '矩阵测试依据', clause: '第一条' } }) },
  { op: 'POST /api/v1/monitoring/reference/limits/{id}/retire', permission: 'monitoring.reference', scope: scope('a limit no agency added: nothing of the caller’s to withdraw (404)', () => '404'), objects: NONE, call: () => ({ params: { id: '999999' }, body: {} }) },
  { op: 'GET /api/v1/monitoring/reference/limits/{id}/history', permission: 'monitoring.read', scope: scopes.any, objects: NONE, call: () => ({ params: { id: '1' } }) },
  { op: 'GET /api/v1/monitoring/limits', permission: 'monitoring.read', scope: scopes.any, objects: NONE, call: () => ({ query: 'analyteCode=thiamethoxam&classCode=0504010101' }) },
  { op: 'GET /api/v1/monitoring/facts', permission: 'monitoring.sample', scope: scopes.any, objects: NONE, call: (fx) => ({ query: `code=${fx.sd.batchCode}` }) },
  {
    op: 'POST /api/v1/monitoring/samples',
    permission: 'monitoring.sample',
    scope: tasks.recipientWork,
    objects: SD_SC,
    call: (fx, o) => ({
      body: {
        taskId: side(fx, o).task,
        code: side(fx, o).batchCode,
        placeKind: 'base',
        placeName: '矩阵基地',
        regionCode: o === 'sc' ? '510117104' : '370783100',
        quantity: 1,
        unit: 'kg',
        sealNo: `MX-${uniq()}`,
        witnesses: [{ name: '王五', role: '基地负责人' }],
        lat: 36.88,
        lng: 118.74,
      },
    }),
  },
  { op: 'GET /api/v1/monitoring/samples', permission: 'monitoring.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitoring/samples/{id}', permission: 'monitoring.read', scope: samples.read, objects: SD_SC, call: (fx, o) => id(side(fx, o).sample) },
  { op: 'POST /api/v1/monitoring/samples/{id}/receive', permission: 'monitoring.sample', scope: samples.labWork, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).sample), body: {} }) },
  { op: 'GET /api/v1/monitoring/samples/{id}/sheet.pdf', permission: 'monitoring.read', scope: samples.read, objects: SD_SC, call: (fx, o) => id(side(fx, o).sample) },
  // An analyte nobody knows: refused for the body once the caller may enter results at all.
  {
    op: 'POST /api/v1/monitoring/samples/{id}/results',
    permission: 'monitoring.sample',
    scope: samples.labWork,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).sample), body: { results: [{ analyteCode: 'mx-unknown', methodStandard: 'GB 23200.113-2018', value: 0.01, unit: 'mg/kg', lod: 0.005 }] } }),
  },
  {
    op: 'POST /api/v1/monitoring/samples/{id}/corrections',
    permission: 'monitoring.sample',
    scope: samples.labWork,
    objects: SD_SC,
    call: (fx, o) => ({
      ...id(side(fx, o).testedSample),
      body: { results: [{ analyteCode: 'mx-unknown', methodStandard: 'GB 23200.113-2018', value: 0.01, unit: 'mg/kg', lod: 0.005 }], reason: '矩阵测试更正' },
    }),
  },
  { op: 'GET /api/v1/monitoring/samples/{id}/reports/{version}.pdf', permission: 'monitoring.read', scope: samples.read, objects: SD_SC, call: (fx, o) => ({ params: { id: side(fx, o).testedSample, version: '1' } }) },
  // 检验 → 审核 → 批准: the tested sample's report 1 is approved already, so its own lab gets through to 409 REPORT_NOT_PENDING.
  {
    op: 'POST /api/v1/monitoring/samples/{id}/reports/{version}/review',
    permission: 'monitoring.sample',
    scope: samples.labWork,
    objects: SD_SC,
    call: (fx, o) => ({ params: { id: side(fx, o).testedSample, version: '1' }, body: {} }),
  },
  {
    op: 'POST /api/v1/monitoring/samples/{id}/reports/{version}/approve',
    permission: 'monitoring.sample',
    scope: samples.labWork,
    objects: SD_SC,
    call: (fx, o) => ({ params: { id: side(fx, o).testedSample, version: '1' }, body: {} }),
  },
  {
    op: 'POST /api/v1/monitoring/samples/{id}/reports/{version}/return',
    permission: 'monitoring.sample',
    scope: samples.labWork,
    objects: SD_SC,
    call: (fx, o) => ({ params: { id: side(fx, o).testedSample, version: '1' }, body: { reason: '矩阵测试退回' } }),
  },
  // A lab's own settings: every testing agency reads its own; its admin sets them (each lab role here is an admin; it names itself approver).
  { op: 'GET /api/v1/monitoring/lab', permission: 'monitoring.sample', scope: scopes.any, objects: NONE, call: () => ({}) },
  {
    op: 'POST /api/v1/monitoring/lab',
    permission: 'monitoring.sample',
    scope: scope('the lab’s admin sets its own lab’s CMA number and approvers; its staff are refused', (r) => (r.admin ? 'ok' : '403')),
    objects: NONE,
    call: () => ({ body: { cmaNo: null, approverIds: ['$me'] } }),
  },

  // 召回/下架: the county bureau alerted issues the order (one exists already: 409) and releases the holds (last: it closes the order).
  {
    op: 'POST /api/v1/monitoring/alerts/{id}/recall-order',
    permission: 'monitoring.alert',
    scope: alertOwner,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).alert), body: { kind: 'recall', instructions: '矩阵测试召回' } }),
  },
  { op: 'POST /api/v1/monitoring/alerts/{id}/release', permission: 'monitoring.alert', scope: alertOwner, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).alert), body: { note: '矩阵测试解除' } }), last: true },
  { op: 'GET /api/v1/monitoring/recall-orders/{id}', permission: 'monitoring.alert', scope: recallOrderReader, objects: SD_SC, region: COUNTY, call: (fx, o) => id(side(fx, o).recallOrder) },
  { op: 'GET /api/v1/monitoring/recall-orders/{id}.xlsx', permission: 'monitoring.alert', scope: recallOrderReader, objects: SD_SC, region: COUNTY, call: (fx, o) => id(side(fx, o).recallOrder) },
  // A holder's notices: the main producer's own (sd); another province's producer's is not found.
  { op: 'GET /api/v1/monitoring/recall-notices', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitoring/recall-notices/unanswered', permission: 'trace.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/monitoring/recall-notices/{id}/acknowledge', permission: 'trace.read', scope: scopes.ownSubject, objects: SD_SC, call: (fx, o) => ({ ...id(side(fx, o).recallNotice), body: {} }) },
  {
    op: 'POST /api/v1/monitoring/recall-notices/{id}/report',
    permission: 'trace.read',
    scope: scopes.ownSubject,
    objects: SD_SC,
    call: (fx, o) => ({ ...id(side(fx, o).recallNotice), body: { withdrawn: 1, destroyed: 0, returned: 0 } }),
  },

  // 平台对接: client systems are seen by the agencies whose jurisdiction holds their home (the sd market is filed
  // under 37, the sc one under 51); a market is changed by its province only (the ministry registers other kinds).
  { op: 'GET /api/v1/integration/operations', permission: 'integration.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/integration/clients', permission: 'integration.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  {
    op: 'POST /api/v1/integration/clients',
    permission: 'integration.manage',
    scope: scopes.any,
    objects: NONE,
    // Each registrar with a kind of its own: the ministry a certification system, a province a market of its region.
    call: (_fx, _o, r) => ({
      body: r.level === 'ministry' ? { name: `矩阵认证${uniq()}`, kind: 'certification', scheme: 'green', regions: [''], operations: ['trace.graph'] } : { name: `矩阵市场${uniq()}`, kind: 'market', regions: [r.jurisdiction], operations: [] },
    }),
  },
  { op: 'GET /api/v1/integration/clients/{id}', permission: 'integration.read', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.integration[side2(o)].id) },
  { op: 'GET /api/v1/integration/clients/{id}/calls', permission: 'integration.read', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.integration[side2(o)].id) },
  {
    op: 'PATCH /api/v1/integration/clients/{id}',
    permission: 'integration.manage',
    scope: marketManager,
    objects: SD_SC,
    region: CLIENT_HOME,
    call: (fx, o) => ({ ...id(fx.integration[side2(o)].id), body: { regions: [CLIENT_HOME[side2(o)]], operations: ['trace.graph'] } }),
  },
  { op: 'POST /api/v1/integration/clients/{id}/keys', permission: 'integration.manage', scope: marketManager, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => ({ ...id(fx.integration[side2(o)].id), body: {} }) },
  {
    op: 'POST /api/v1/integration/clients/{id}/keys/{keyId}/rotate',
    permission: 'integration.manage',
    scope: marketManager,
    objects: SD_SC,
    region: CLIENT_HOME,
    call: (fx, o) => ({ params: { id: fx.integration[side2(o)].id, keyId: fx.integration[side2(o)].keyId }, body: { overlapHours: 1 } }),
  },
  {
    op: 'POST /api/v1/integration/clients/{id}/keys/{keyId}/revoke',
    permission: 'integration.manage',
    scope: marketManager,
    objects: SD_SC,
    region: CLIENT_HOME,
    call: (fx, o) => ({ params: { id: fx.integration[side2(o)].id, keyId: fx.integration[side2(o)].keyId }, body: {} }),
    last: true,
  },
  // A client system's own routes: every person is refused (only a signed request reaches them).
  { op: 'GET /api/v1/integration/me', permission: 'authenticated', scope: clientsOnly, clients: true, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/integration/me/keys/rotate', permission: 'authenticated', scope: clientsOnly, clients: true, objects: NONE, call: () => ({ body: { overlapHours: 1 } }) },
  // 三品一标 and 追溯挂钩 (issue 17 §4): certification systems' routes refuse every person; checks are read by the
  // agency that made them and those above it (filed under the agency's region).
  { op: 'GET /api/v1/integration/subjects/{uscc}/standing', permission: 'integration.standing', scope: scopes.any, clients: true, objects: NONE, call: () => ({ params: { uscc: MATRIX_USCC } }) },
  { op: 'POST /api/v1/integration/subjects/standing', permission: 'integration.standing', scope: scopes.any, clients: true, objects: NONE, call: () => ({ body: { idNumber: MATRIX_USCC } }) },
  {
    op: 'POST /api/v1/integration/certificates',
    permission: 'integration.certificate_push',
    scope: scopes.any,
    clients: true,
    objects: NONE,
    call: () => ({ body: { certificates: [{ number: `LB-${uniq()}`, holder: { idNumber: MATRIX_USCC, name: '矩阵企业', regionCode: '370783' }, products: '苹果', validFrom: '2026-01-01', validTo: '2028-12-31', state: 'valid' }] } }),
  },
  { op: 'POST /api/v1/integration/trace-checks', permission: 'integration.trace_check', scope: scopes.any, objects: NONE, call: () => ({ body: { title: '矩阵核查', items: [{ idNumber: MATRIX_USCC }] } }) },
  { op: 'GET /api/v1/integration/trace-checks', permission: 'integration.trace_check', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/integration/trace-checks/{id}', permission: 'integration.trace_check', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.traceCheck[side2(o)]) },
  { op: 'GET /api/v1/integration/trace-checks/{id}/export', permission: 'integration.trace_check', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.traceCheck[side2(o)]) },
  { op: 'GET /api/v1/integration/coverage', permission: 'integration.coverage', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/integration/coverage/holders', permission: 'integration.coverage', scope: scopes.any, objects: NONE, call: () => ({ query: 'scheme=green' }) },
  // 数据交换 (issue 17 §2): a provincial platform pushes and reads its documents; the agencies that see a client list them.
  {
    op: 'POST /api/v1/integration/documents',
    permission: 'integration.exchange',
    scope: clientsOnly,
    clients: true,
    objects: NONE,
    call: () => ({ body: { documentId: `matrix-${randomUUID()}`, products: [{ id: 'p1', subject: 's1', name: '黄瓜', classCode: '04', spec: '散装', unit: 'kg' }] } }),
  },
  { op: 'GET /api/v1/integration/documents/{id}', permission: 'integration.exchange', scope: clientsOnly, clients: true, objects: NONE, call: () => id(randomUUID()) },
  { op: 'GET /api/v1/integration/clients/{id}/documents', permission: 'integration.read', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.integration[side2(o)].id) },
  // Outbound exchange (issue 17 §3, §5): the feed and the code checks are client operations no person holds; a
  // client's webhooks are its own routes; its registrars read its endpoints and deliveries by jurisdiction.
  { op: 'GET /api/v1/integration/changes', permission: 'integration.changes', scope: scopes.any, clients: true, objects: NONE, call: () => ({ query: 'limit=5' }) },
  { op: 'GET /api/v1/integration/me/webhooks', permission: 'authenticated', scope: clientsOnly, clients: true, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/integration/me/webhooks', permission: 'authenticated', scope: clientsOnly, clients: true, objects: NONE, call: () => ({ body: { url: 'http://127.0.0.1:9/matrix', kinds: ['batch'] } }) },
  {
    op: 'POST /api/v1/integration/me/webhooks/{id}/replay',
    permission: 'authenticated',
    scope: clientsOnly,
    clients: true,
    objects: NONE,
    // From far beyond the feed's end: the replay resumes the endpoint and makes no delivery.
    call: (fx) => ({ ...id(fx.clientWebhook), body: { after: Buffer.from('999999999999:0').toString('base64url') } }),
  },
  { op: 'POST /api/v1/integration/me/webhooks/{id}/remove', permission: 'authenticated', scope: clientsOnly, clients: true, objects: NONE, call: (fx) => ({ ...id(fx.clientWebhook), body: {} }), last: true },
  { op: 'GET /api/v1/integration/me/deliveries', permission: 'authenticated', scope: clientsOnly, clients: true, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/integration/codes/verify', permission: 'integration.codes', scope: scopes.any, clients: true, objects: NONE, call: (fx) => ({ body: { codes: [fx.sd.batchCode, fx.sc.batchCode] } }) },
  {
    op: 'POST /api/v1/integration/purchases',
    permission: 'integration.codes',
    scope: scopes.any,
    clients: true,
    objects: NONE,
    call: (fx) => ({ body: { purchases: [{ purchaseRef: 'MX-PO-1', code: fx.sd.batchCode, quantity: 1, unit: 'kg', purchasedAt: '2026-12-01T08:00:00.000Z' }] } }),
  },
  { op: 'GET /api/v1/integration/clients/{id}/webhooks', permission: 'integration.read', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.integration[side2(o)].id) },
  {
    op: 'POST /api/v1/integration/clients/{id}/webhooks/{endpointId}/resume',
    permission: 'integration.manage',
    scope: marketManager,
    objects: SD_SC,
    region: CLIENT_HOME,
    // The first admin allowed resumes it; the next are told it is not paused (409): past the access check either way.
    call: (fx, o) => ({ params: { id: fx.integration[side2(o)].id, endpointId: fx.integration[side2(o)].endpointId }, body: {} }),
  },
  { op: 'GET /api/v1/integration/clients/{id}/deliveries', permission: 'integration.read', scope: scopes.jurisdiction, objects: SD_SC, region: CLIENT_HOME, call: (fx, o) => id(fx.integration[side2(o)].id) },
  // GS1 EPCIS 2.0 (issue 18): the ministry's and provinces' agencies and producers capture; reads by jurisdiction or own.
  { op: 'POST /api/v1/epcis/capture', permission: 'epcis.capture', scope: scopes.any, objects: NONE, call: () => ({ body: epcisDocument(`urn:uuid:${randomUUID()}`) }) },
  { op: 'GET /api/v1/epcis/capture', permission: 'epcis.capture', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/epcis/capture/{captureID}', permission: 'epcis.capture', scope: scopes.jurisdictionOrOwnSubject, objects: SD_SC, call: (fx, o) => ({ params: { captureID: fx.epcis[o === 'sc' ? 'sc' : 'sd'].captureId } }) },
  { op: 'POST /api/v1/epcis/events', permission: 'epcis.capture', scope: scopes.any, objects: NONE, call: () => ({ body: { ...epcisDocument(`urn:uuid:${randomUUID()}`).epcisBody.eventList[0] } }) },
  { op: 'GET /api/v1/epcis/events', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/epcis/events/{eventID}', permission: 'epcis.query', scope: scopes.jurisdictionOrOwnSubject, objects: SD_SC, call: (fx, o) => ({ params: { eventID: fx.epcis[o === 'sc' ? 'sc' : 'sd'].eventId } }) },
  { op: 'GET /api/v1/epcis/eventTypes', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({}) },
  // 业务五监控, 推广应用目标, 责令限期整改, 追溯考核 (issue 16 §3): figures of the caller's own jurisdiction only.
  { op: 'GET /api/v1/monitors/registration', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitors/registration/inactive', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitors/trace', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitors/supervision', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitors/monitoring', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitors/enforcement', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/monitors/targets', permission: 'monitor.target', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'PUT /api/v1/monitors/targets', permission: 'monitor.target', scope: scopes.any, objects: NONE, call: () => ({ body: { regionCode: '370783100', indicator: 'scan_share', target: 0.5 } }) },
  { op: 'POST /api/v1/rectifications', permission: 'rectification.issue', scope: scopes.any, objects: NONE, call: () => ({ body: { target: { kind: 'region', regionCode: '370783100' }, monitor: 'registration', reason: '矩阵整改', deadline: '2099-01-01' } }) },
  { op: 'GET /api/v1/rectifications', permission: 'monitor.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/rectifications/{id}', permission: 'monitor.read', scope: scopes.jurisdiction, objects: SD_SC, region: { sc: '510117' }, call: (fx, o) => ({ params: { id: fx.rectification[side3(o)] } }) },
  { op: 'GET /api/v1/my/rectifications', permission: 'rectification.answer', scope: producerOwn, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/my/rectifications/{id}', permission: 'rectification.answer', scope: producerOwn, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.rectification[side3(o)] } }) },
  { op: 'POST /api/v1/rectifications/{id}/answer', permission: 'rectification.answer', scope: rectAddressee, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.rectification[side3(o)] }, body: { answer: '矩阵答复' } }) },
  { op: 'POST /api/v1/rectifications/{id}/close', permission: 'rectification.issue', scope: rectIssuer, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.rectification[side3(o)] }, body: { accept: false, note: '矩阵退回' } }) },
  { op: 'GET /api/v1/assessment/indicators', permission: 'monitor.target', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'PUT /api/v1/assessment/indicators', permission: 'monitor.target', scope: scopes.any, objects: NONE, call: () => ({ body: { items: [{ indicator: 'scan_share', weight: 10, target: 0.5 }] } }) },
  { op: 'GET /api/v1/assessment', permission: 'monitor.target', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/assessment.xlsx', permission: 'monitor.target', scope: scopes.any, objects: NONE, call: () => ({}) },
  // 信息调度 (issue 16 §4): the province reports, the ministry reads what was submitted and acknowledges.
  { op: 'POST /api/v1/reports/periodic', permission: 'report.write', scope: scopes.any, objects: NONE, call: () => ({ body: { kind: 'monthly', period: '2026-01' } }) },
  { op: 'GET /api/v1/reports/periodic', permission: 'report.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/reports/periodic/{id}', permission: 'report.read', scope: reportReaders, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.report[side3(o)] } }) },
  { op: 'GET /api/v1/reports/periodic/{id}/report.xlsx', permission: 'report.read', scope: reportReaders, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.report[side3(o)] } }) },
  { op: 'GET /api/v1/reports/periodic/{id}/report.pdf', permission: 'report.read', scope: reportReaders, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.report[side3(o)] } }) },
  { op: 'POST /api/v1/reports/periodic/{id}/submit', permission: 'report.write', scope: reportReaders, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.report[side3(o)] }, body: {} }) },
  { op: 'POST /api/v1/reports/periodic/{id}/acknowledge', permission: 'report.acknowledge', scope: reportReaders, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.report[side3(o)] }, body: {} }) },
  { op: 'GET /api/v1/reports/submissions', permission: 'report.acknowledge', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'POST /api/v1/reports/documents/attachments', permission: 'report.write', scope: scopes.any, objects: NONE, call: () => ({ file: PDF_FILE }) },
  { op: 'POST /api/v1/reports/documents', permission: 'report.write', scope: scopes.any, objects: NONE, call: () => ({ body: { kind: 'progress', title: '矩阵进展报告', attachments: [randomUUID()] } }) },
  { op: 'GET /api/v1/reports/documents', permission: 'report.read', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/reports/documents/{id}/attachments/{fileId}', permission: 'report.read', scope: documentReaders, objects: SD_SC, call: (fx, o) => ({ params: { id: fx.reportDocument[side3(o)].id, fileId: fx.reportDocument[side3(o)].attachment } }) },
  { op: 'GET /api/v1/epcis/bizSteps', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/epcis/dispositions', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/epcis/epcs/{epc}/events', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({ params: { epc: 'urn:epc:id:sgtin:0614141.107346.1' } }) },
  { op: 'POST /api/v1/epcis/queries', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({ body: { name: `m-${randomUUID()}`, query: { EQ_bizStep: 'receiving' } } }) },
  { op: 'GET /api/v1/epcis/queries', permission: 'epcis.query', scope: scopes.any, objects: NONE, call: () => ({}) },
  { op: 'GET /api/v1/epcis/queries/{name}', permission: 'epcis.query', scope: coopsNamedQuery, objects: NONE, call: () => ({ params: { name: 'matrix-q' } }) },
  { op: 'GET /api/v1/epcis/queries/{name}/events', permission: 'epcis.query', scope: coopsNamedQuery, objects: NONE, call: () => ({ params: { name: 'matrix-q' } }) },
  { op: 'GET /api/v1/epcis/queries/{name}/subscriptions', permission: 'epcis.query', scope: coopsNamedQuery, objects: NONE, call: () => ({ params: { name: 'matrix-q' } }) },
  { op: 'POST /api/v1/epcis/queries/{name}/subscriptions', permission: 'epcis.query', scope: coopsNamedQuery, objects: NONE, call: () => ({ params: { name: 'matrix-q' }, body: { dest: 'https://hooks.example.com/epcis', stream: true } }) },
  // Deleting is tried on names and ids nobody holds, so the coop's query stays for the calls above: not found, after the permission.
  { op: 'DELETE /api/v1/epcis/queries/{name}', permission: 'epcis.query', scope: nobodysNamedQuery, objects: NONE, call: () => ({ params: { name: `none-${randomUUID()}` } }) },
  { op: 'DELETE /api/v1/epcis/queries/{name}/subscriptions/{id}', permission: 'epcis.query', scope: nobodysNamedQuery, objects: NONE, call: () => ({ params: { name: 'matrix-q', id: randomUUID() } }) },
];
