import type { AgencyKind, AgencyLevel } from '../../src/platform/auth/actor.js';
import type { RoutePermission } from '../../src/platform/auth/permissions.js';

/**
 * The access matrix's vocabulary: who calls (roles), on what (objects), and the rules that say what must happen.
 * Every expected outcome in operations.ts comes from a rule here, so a reader checks a dozen rules against
 * DESIGN.md §2 and §12 and the domains' permissions.ts instead of thousands of cells.
 */

/** What a call's answer means for access: it got through (2xx, or a 4xx about the body or state), or 401, 403, 404. */
export type Outcome = 'ok' | '401' | '403' | '404';

export type Role = {
  name: string;
  /** The account that logs in (none for anonymous); '+' marks an account the test creates. */
  login: string | null;
  kind: 'anonymous' | 'agency' | 'subject' | 'client';
  agencyKind?: AgencyKind;
  level?: AgencyLevel;
  admin: boolean;
  /** The jurisdiction prefix (DESIGN.md §2): ministry '', province 2 digits, city 4, county 6, township 9. */
  jurisdiction: string;
  /**
   * Calls with a bearer token its owner's password change revoked (DESIGN.md §12 Accounts): 401 everywhere, public
   * routes included (a bearer token that does not hold is answered as such, never ignored: authenticate.ts).
   */
  revokedToken?: true;
};

const agency = (name: string, agencyKind: AgencyKind, level: AgencyLevel, jurisdiction: string, admin = true, login: string = name): Role => ({
  name,
  login,
  kind: 'agency',
  agencyKind,
  level,
  admin,
  jurisdiction,
});

/** Every kind and level of agency on the 山东 side of the demo, a township station, and a producer's two kinds of account. */
export const ROLES: Role[] = [
  { name: 'anonymous', login: null, kind: 'anonymous', admin: false, jurisdiction: '-' },
  agency('moa-admin', 'supervision', 'ministry', ''),
  // 运维: 部安全中心 (the operations agency's admin) and a developer team's engineer (its staff).
  agency('ops-admin', 'operations', 'ministry', ''),
  agency('ops-staff', 'operations', 'ministry', '', false),
  agency('sd-admin', 'supervision', 'province', '37'),
  agency('sd-lab-admin', 'testing', 'province', '37'),
  agency('sd-law-admin', 'enforcement', 'province', '37'),
  agency('wf-admin', 'supervision', 'city', '3707'),
  agency('wf-lab-admin', 'testing', 'city', '3707'),
  agency('wf-law-admin', 'enforcement', 'city', '3707'),
  agency('sg-admin', 'supervision', 'county', '370783'),
  agency('sg-lab-admin', 'testing', 'county', '370783'),
  agency('sg-law-admin', 'enforcement', 'county', '370783'),
  // A non-admin official of the county bureau (created by the test): the same work as its admin, no accounts.
  agency('sg-staff', 'supervision', 'county', '370783', false, '+mx-sg-staff'),
  agency('sg-hl-user', 'supervision', 'township', '370783100', false),
  // 寿光's market regulator (市场监督管理, issue 21 §3): read-only over the markets of its county (created by the test).
  agency('sg-market', 'market', 'county', '370783', true, '+mx-market'),
  { name: 'sg-coop', login: 'sg-coop', kind: 'subject', admin: true, jurisdiction: '370783100' },
  // A staff account of sg-coop's subject (created by the test through my-subject/accounts).
  { name: 'sg-coop-staff', login: '+mx-coop-staff', kind: 'subject', admin: false, jurisdiction: '370783100' },
  // A bearer token of a 寿光 bureau official (staff, like sg-staff), minted before the official changed the password.
  { ...agency('revoked-token', 'supervision', 'county', '370783', false, '+mx-token-owner'), revokedToken: true },
  // A client system (平台对接) with signed requests: a market of 寿光 given 追溯查询 (trace.graph), the change feed
  // and the code checks (integration.changes, integration.codes) in 370783.
  { name: 'client-system', login: null, kind: 'client', admin: false, jurisdiction: '370783' },
];

/**
 * The objects a call is made against. `sd` lies in 山东 (寿光市 370783, 化龙镇 370783100) and, when a producer owns it,
 * belongs to sg-coop, the producer role's own subject. `sd-other` also lies in 寿光 but belongs to another producer
 * of the county (a subject's account must not reach it). `sc` lies in 四川 (郫都区 510117) and belongs to producers
 * and agencies there: outside every role's jurisdiction but the ministry's. `none`: the operation takes no object
 * (a list, a form, a create whose target is the caller itself). `own`/`foreign`: the caller's own thing (its
 * token, its account) or somebody else's.
 */
export type Obj = 'none' | 'sd' | 'sd-other' | 'sc' | 'own' | 'foreign';

/** Where an object lies (its region code), per operation; defaults below. */
export const DEFAULT_REGION: Record<'sd' | 'sd-other' | 'sc', string> = { sd: '370783100', 'sd-other': '370783100', sc: '510117104' };

// ---- who holds which permission ------------------------------------------------------------------------------

const isAgency = (r: Role) => r.kind === 'agency';
const sup = (r: Role) => r.agencyKind === 'supervision';
const enf = (r: Role) => r.agencyKind === 'enforcement';
const supAboveTownship = (r: Role) => sup(r) && r.level !== 'township';
const ops = (r: Role) => r.agencyKind === 'operations';
/** 市场监督管理 (issue 21 §3): reads the markets' vouchers and its alerts, writes nothing of the agriculture tree. */
const mkt = (r: Role) => r.agencyKind === 'market';
const agriAgency = (r: Role) => isAgency(r) && !mkt(r);

/**
 * The grants, written out from the comments of the domains' permissions.ts and DESIGN.md §2 (not read from
 * their grants: the matrix would then only check that the code agrees with itself).
 */
export const GRANTS: Record<RoutePermission, (r: Role) => boolean> = {
  public: () => true,
  authenticated: (r) => r.kind !== 'anonymous',
  'agency.read': isAgency,
  // Allocation (技术指南 五(一)): supervision admins from the ministry to the county; every agency admin manages its users.
  'agency.allocate': (r) => r.admin && supAboveTownship(r),
  'user.read': (r) => isAgency(r) && r.admin,
  'user.manage': (r) => isAgency(r) && r.admin,
  // 运行维护: the audit log of a jurisdiction is for the ministry, the provinces and operations (日志的跟踪、记录及查阅).
  'audit.read': (r) => (sup(r) && (r.level === 'ministry' || r.level === 'province')) || ops(r),
  // 数据库备份 and 作业队列: operations (运维); retrying a dead job is audited.
  'backup.read': ops,
  'job.read': ops,
  'job.retry': ops,
  'subject.read': agriAgency,
  'subject.temporary': agriAgency,
  // 由县级监管机构审核通过: only county supervision approves registrations.
  'subject.approve': (r) => sup(r) && r.level === 'county',
  'subject.supervise': (r) => supAboveTownship(r) || enf(r),
  'subject.self': (r) => r.kind === 'subject',
  'subject.manage': (r) => r.kind === 'subject' && r.admin,
  'trace.read': (r) => r.kind === 'subject',
  'trace.write': (r) => r.kind === 'subject',
  'trace.graph': (r) => r.kind !== 'anonymous',
  'trace.recall': (r) => supAboveTownship(r) || enf(r),
  'trace.market': mkt,
  'supervision.publish': supAboveTownship,
  'supervision.task': agriAgency,
  'supervision.inspect': sup,
  'supervision.checklist': (r) => sup(r) && r.level === 'province',
  'supervision.read': (r) => sup(r) || enf(r),
  'enforcement.case': enf,
  'enforcement.read': (r) => sup(r) || enf(r),
  'monitoring.sample': (r) => r.agencyKind === 'testing',
  'monitoring.read': agriAgency,
  'monitoring.alert': (r) => sup(r) || enf(r),
  // The alert inbox alone: a market regulator is alerted of failed lots that entered its markets.
  'monitoring.alert_read': (r) => sup(r) || enf(r) || mkt(r),
  // 检测参照数据: labs add what they test for; a province's supervision agency adds for its labs.
  'monitoring.reference': (r) => r.agencyKind === 'testing' || (sup(r) && r.level === 'province'),
  // 系统优化建议: every signed-in account files; operations handles, 部安全中心 (the operations agency's admins) confirms.
  // 大数据应用: every agency working in a jurisdiction reads its statistics; operations has none.
  'analytics.statistics': (r) => agriAgency(r) && !ops(r),
  'feedback.file': (r) => r.kind !== 'anonymous',
  'feedback.handle': ops,
  'feedback.confirm': (r) => ops(r) && r.admin,
  // 应急响应: operations reports; 安全中心 consents and decides extensions; the ministry and provinces read; a
  // province's supervision admin names its liaison.
  'incident.read': (r) => ops(r) || (sup(r) && (r.level === 'ministry' || r.level === 'province')),
  'incident.report': ops,
  'incident.consent': (r) => ops(r) && r.admin,
  'incident.liaison': (r) => sup(r) && r.level === 'province' && r.admin,
  // 系统公告: published by operations (运维), who watch backups and jobs.
  'announcement.publish': ops,
  // 通知 to producers: supervision agencies of every level send; the producers' accounts read.
  'notice.send': sup,
  'notice.read': (r) => r.kind === 'subject',
  // 平台对接: the supervision agencies of the ministry and the provinces read client systems; their admins register them.
  'integration.read': (r) => sup(r) && (r.level === 'ministry' || r.level === 'province'),
  'integration.manage': (r) => sup(r) && (r.level === 'ministry' || r.level === 'province') && r.admin,
  // 三品一标 (issue 17 §4): only certification systems read standings and push certificates; every supervision agency
  // checks lists (追溯挂钩) and sees coverage of its jurisdiction.
  'integration.standing': () => false,
  'integration.certificate_push': () => false,
  'integration.trace_check': sup,
  'integration.coverage': sup,
  // 数据交换 (issue 17 §2): only a provincial platform's signed requests push documents; no person holds it.
  'integration.exchange': () => false,
  // Client systems' own: the change feed and webhooks, a market's or shop's codes and purchases (no person holds them).
  'integration.changes': () => false,
  'integration.codes': () => false,
  // GS1 EPCIS 2.0 (issue 18): the ministry's and provinces' agencies of every kind, and producers for their own events.
  'epcis.capture': (r) => (agriAgency(r) && (r.level === 'ministry' || r.level === 'province')) || r.kind === 'subject',
  'epcis.query': (r) => (agriAgency(r) && (r.level === 'ministry' || r.level === 'province')) || r.kind === 'subject',
  // 业务五监控 (技术指南 运行监控 (一)): supervision, testing and enforcement agencies of every level watch their area; targets,
  // assessment indicators and 责令限期整改 come from a supervision agency above the township; the agency or producer
  // (its main account) addressed answers.
  'monitor.read': (r) => agriAgency(r) && !ops(r),
  'monitor.target': supAboveTownship,
  'rectification.issue': supAboveTownship,
  'rectification.answer': (r) => (agriAgency(r) && !ops(r) && r.level !== 'ministry') || (r.kind === 'subject' && r.admin),
  // 信息调度 and 总结报告: the province's supervision agency reports to the ministry, which acknowledges.
  'report.write': (r) => sup(r) && r.level === 'province',
  'report.read': (r) => sup(r) && (r.level === 'province' || r.level === 'ministry'),
  'report.acknowledge': (r) => sup(r) && r.level === 'ministry',
};

// ---- rules ---------------------------------------------------------------------------------------------------

/** What the call must answer once the route's permission let the caller through. */
export type Scope = { why: string; decide: (r: Role, o: Obj, region: string) => Outcome };

/** `clients`: the route serves client systems too (config.clients). */
export type Rule = { permission: RoutePermission; scope: Scope; clients?: true };

/** The route's permission first (anonymous 401, not held 403), then the scope. */
export function expected(rule: Rule, r: Role, o: Obj, region: string): Outcome {
  if (r.revokedToken) return '401';
  if (r.kind === 'client') return expectedOfClient(rule, r, o, region);
  if (rule.permission !== 'public' && r.kind === 'anonymous') return '401';
  if (!GRANTS[rule.permission](r)) return '403';
  return rule.scope.decide(r, o, region);
}

export const inJurisdiction = (r: Role, region: string) => r.kind === 'agency' && region.startsWith(r.jurisdiction);

/**
 * A client system (issue 17 §1): a public route ignores its signature (it is anyone); a route that does not serve
 * clients refuses it (403 OUT_OF_SCOPE) — every console route; one that does, within its regions (else 403).
 */
function expectedOfClient(rule: Rule, r: Role, o: Obj, region: string): Outcome {
  if (rule.permission === 'public') return expected(rule, ROLES[0]!, o, region);
  if (!rule.clients) return '403';
  // The matrix's client is a market given 追溯查询, the change feed and the code checks (fixtures.ts).
  if (rule.permission === 'authenticated' || rule.permission === 'trace.graph' || rule.permission === 'integration.changes' || rule.permission === 'integration.codes')
    return o === 'none' || region.startsWith(r.jurisdiction) ? 'ok' : '403';
  return '403';
}

const ownSubject = (o: Obj) => o === 'sd' || o === 'own' || o === 'none';

export const scopes = {
  /** Anyone who holds the permission, on any object (public pages, reference data, the caller's own lists). */
  any: { why: 'no object, or an object everyone holding the permission may use', decide: () => 'ok' } as Scope,
  /** DESIGN.md §2: agency-side data is filtered by the actor's jurisdiction; outside it does not exist (404). */
  jurisdiction: { why: 'agency data of the jurisdiction (region prefix); outside it is not found', decide: (r, _o, region) => (inJurisdiction(r, region) ? 'ok' : '404') } as Scope,
  /** Naming a target outside the jurisdiction in a body is refused for what it is (403, "out of jurisdiction"). */
  targetInJurisdiction: { why: 'a target named in the body must lie in the jurisdiction; outside it is refused (403)', decide: (r, _o, region) => (inJurisdiction(r, region) ? 'ok' : '403') } as Scope,
  /** DESIGN.md §2: a subject's users see their own subject's data; another subject's does not exist for them. */
  ownSubject: { why: "a subject's own records; another subject's are not found", decide: (_r, o) => (ownSubject(o) ? 'ok' : '404') } as Scope,
  /** The caller's own thing (its token): somebody else's is not found. */
  own: { why: "the caller's own; somebody else's is not found", decide: (_r, o) => (o === 'own' || o === 'none' ? 'ok' : '404') } as Scope,
  /** Agencies by jurisdiction, a subject's accounts their own subject's (trace.graph, certificates' scans). */
  jurisdictionOrOwnSubject: {
    why: 'agencies within their jurisdiction, a subject its own; otherwise not found',
    decide: (r, o, region) => (r.kind === 'subject' ? (ownSubject(o) ? 'ok' : '404') : inJurisdiction(r, region) ? 'ok' : '404'),
  } as Scope,
} satisfies Record<string, Scope>;

/** A scope made for one group of operations (tasks, accounts…): its `why` says which rule of DESIGN.md it follows. */
export function scope(why: string, decide: Scope['decide']): Scope {
  return { why, decide };
}
