import { describe, expect, it } from 'vitest';
import type { AgencyActor, AgencyKind, AgencyLevel, Role } from '../../platform/auth/actor.js';
import { jurisdictionPrefix } from '../../platform/auth/jurisdiction.js';
import { AGENCY_KINDS, AGENCY_LEVELS, ROLES } from './contracts.js';
import { allGrants } from '../index.js';

const grants = allGrants();
import { passwordProblems } from './accounts/password-rules.shared.js';
import {
  allocationOptions,
  canListUsers,
  canSetPriorityFlag,
  canManageUser,
  findAllocationOption,
  manageableRoles,
  regionFitsLevel,
  type AgencyRef,
} from './policies.js';

// Each domain grants its own permissions (src/domains/<d>/permissions.ts); these are the grants put together.
const permissionsOf = grants.ofAgency;
const subjectPermissions = grants.ofSubject;

// Plain unit tests of the account-allocation rules (DESIGN.md §2), for every kind × level × role.

const REGION: Record<AgencyLevel, string> = { ministry: '', province: '37', city: '3707', county: '370783', township: '370783100' };

function actorOf(kind: AgencyKind, level: AgencyLevel, role: Role, agencyId = `${kind}-${level}`): AgencyActor {
  return {
    kind: 'agency',
    userId: `u-${agencyId}-${role}`,
    username: `${agencyId}-${role}`,
    displayName: 'test',
    role,
    agency: { id: agencyId, name: agencyId, kind, level, regionCode: REGION[level] },
    jurisdiction: jurisdictionPrefix(level, REGION[level]),
    permissions: permissionsOf(role, kind, level),
    mustChangePassword: false,
  };
}

const agencyRef = (id: string, kind: AgencyKind, level: AgencyLevel, parentId: string | null): AgencyRef => ({ id, kind, level, regionCode: REGION[level], parentId });

const EVERY_ACTOR = AGENCY_KINDS.flatMap((kind) => AGENCY_LEVELS.flatMap((level) => ROLES.map((role) => ({ kind, level, role }))));

/** The seed's rule, written out by hand: what an admin of a supervision agency of each level may allocate. */
const SUPERVISION_ADMIN_ALLOCATES: Record<AgencyLevel, { kind: AgencyKind; level: AgencyLevel; regionLevel: number; accountRole: Role }[]> = {
  // The ministry also appoints the operations agency (运维) at its own level.
  ministry: [
    { kind: 'operations', level: 'ministry', regionLevel: 0, accountRole: 'admin' },
    { kind: 'supervision', level: 'province', regionLevel: 1, accountRole: 'admin' },
  ],
  province: [
    { kind: 'testing', level: 'province', regionLevel: 1, accountRole: 'admin' },
    { kind: 'enforcement', level: 'province', regionLevel: 1, accountRole: 'admin' },
    { kind: 'market', level: 'province', regionLevel: 1, accountRole: 'admin' },
    { kind: 'supervision', level: 'city', regionLevel: 2, accountRole: 'admin' },
  ],
  city: [
    { kind: 'testing', level: 'city', regionLevel: 2, accountRole: 'admin' },
    { kind: 'enforcement', level: 'city', regionLevel: 2, accountRole: 'admin' },
    { kind: 'market', level: 'city', regionLevel: 2, accountRole: 'admin' },
    { kind: 'supervision', level: 'county', regionLevel: 3, accountRole: 'admin' },
  ],
  county: [
    { kind: 'testing', level: 'county', regionLevel: 3, accountRole: 'admin' },
    { kind: 'enforcement', level: 'county', regionLevel: 3, accountRole: 'admin' },
    { kind: 'market', level: 'county', regionLevel: 3, accountRole: 'admin' },
    // Township stations receive user accounts from the county, not an administrator.
    { kind: 'supervision', level: 'township', regionLevel: 4, accountRole: 'staff' },
  ],
  township: [],
};

describe('allocationOptions: who may allocate what', () => {
  for (const { kind, level, role } of EVERY_ACTOR) {
    const expected = kind === 'supervision' && role === 'admin' ? SUPERVISION_ADMIN_ALLOCATES[level] : [];
    it(`${kind} ${level} ${role} → ${expected.map((o) => `${o.kind}/${o.level}`).join(', ') || 'nothing'}`, () => {
      const options = allocationOptions(actorOf(kind, level, role));
      expect(options).toEqual(expected.map((o) => ({ ...o, regionWithin: REGION[level] })));
    });
  }

  it('findAllocationOption finds exactly the allowed pairs and nothing else', () => {
    for (const { kind, level, role } of EVERY_ACTOR) {
      const actor = actorOf(kind, level, role);
      for (const wantKind of AGENCY_KINDS) {
        for (const wantLevel of AGENCY_LEVELS) {
          const allowed = allocationOptions(actor).some((o) => o.kind === wantKind && o.level === wantLevel);
          expect(Boolean(findAllocationOption(actor, wantKind, wantLevel)), `${kind}/${level}/${role} → ${wantKind}/${wantLevel}`).toBe(allowed);
        }
      }
    }
  });

  it('never lets anyone allocate a ministry (but its operations agency), an agency above its own level, or a level it skips', () => {
    const order = AGENCY_LEVELS;
    for (const { kind, level, role } of EVERY_ACTOR) {
      for (const o of allocationOptions(actorOf(kind, level, role))) {
        if (o.kind !== 'operations') expect(o.level).not.toBe('ministry');
        const step = order.indexOf(o.level) - order.indexOf(level);
        expect(o.kind === 'supervision' ? step : step + 1, `${level} → ${o.level}`).toBe(1);
      }
    }
  });
});

describe('regionFitsLevel', () => {
  it.each([
    ['ministry', '', true],
    ['ministry', '37', false],
    ['province', '37', true],
    ['province', '3707', false],
    ['city', '3707', true],
    ['city', '37', false],
    ['county', '370783', true],
    ['county', '370783100', false],
    ['township', '370783100', true],
    ['township', '370783', false],
    ['township', '370783100000', false],
  ] as const)('%s with "%s" → %s', (level, code, fits) => {
    expect(regionFitsLevel(level, code)).toBe(fits);
  });
});

describe('manageableRoles: whose accounts an actor manages', () => {
  it('an admin manages every role of its own agency; a township station only has staff', () => {
    for (const kind of AGENCY_KINDS) {
      for (const level of AGENCY_LEVELS) {
        const actor = actorOf(kind, level, 'admin');
        const own = agencyRef(actor.agency.id, kind, level, 'someone');
        expect(manageableRoles(actor, own), `${kind}/${level}`).toEqual(level === 'township' ? ['staff'] : ['admin', 'staff']);
      }
    }
  });

  it('a staff user manages nobody, not even in its own agency', () => {
    for (const { kind, level } of EVERY_ACTOR.filter((a) => a.role === 'staff')) {
      const actor = actorOf(kind, level, 'staff');
      expect(manageableRoles(actor, agencyRef(actor.agency.id, kind, level, null))).toEqual([]);
      expect(canManageUser(actor, agencyRef(actor.agency.id, kind, level, null), 'staff')).toBe(false);
      expect(canListUsers(actor, agencyRef(actor.agency.id, kind, level, null))).toBe(false);
    }
  });

  it('the allocating supervision agency manages the admins of the agencies it allocated, not their staff', () => {
    const province = actorOf('supervision', 'province', 'admin', 'sd');
    for (const child of [agencyRef('sd-lab', 'testing', 'province', 'sd'), agencyRef('sd-law', 'enforcement', 'province', 'sd'), agencyRef('wf', 'supervision', 'city', 'sd')]) {
      expect(manageableRoles(province, child), child.id).toEqual(['admin']);
      expect(canManageUser(province, child, 'admin')).toBe(true);
      expect(canManageUser(province, child, 'staff')).toBe(false);
      expect(canListUsers(province, child)).toBe(true);
    }
  });

  it('the county manages every user of the township stations it allocated', () => {
    const county = actorOf('supervision', 'county', 'admin', 'sg');
    const station = agencyRef('sg-hl', 'supervision', 'township', 'sg');
    expect(manageableRoles(county, station)).toEqual(['staff']);
    expect(canManageUser(county, station, 'staff')).toBe(true);
    expect(canManageUser(county, station, 'admin')).toBe(false);
  });

  it('nobody manages grandchildren, siblings, parents or strangers', () => {
    const province = actorOf('supervision', 'province', 'admin', 'sd');
    expect(manageableRoles(province, agencyRef('sg', 'supervision', 'county', 'wf'))).toEqual([]);
    expect(manageableRoles(province, agencyRef('moa', 'supervision', 'ministry', null))).toEqual([]);
    expect(manageableRoles(province, agencyRef('sc', 'supervision', 'province', 'moa'))).toEqual([]);
    const lab = actorOf('testing', 'province', 'admin', 'sd-lab');
    expect(manageableRoles(lab, agencyRef('sd-law', 'enforcement', 'province', 'sd'))).toEqual([]);
    expect(manageableRoles(lab, agencyRef('sd', 'supervision', 'province', 'moa'))).toEqual([]);
  });

  it('a testing or enforcement admin never manages another agency, even one naming it as parent', () => {
    const lab = actorOf('testing', 'city', 'admin', 'wf-lab');
    expect(manageableRoles(lab, agencyRef('x', 'testing', 'county', 'wf-lab'))).toEqual([]);
  });
});

describe('permissionsOf: what each role may call', () => {
  for (const { kind, level, role } of EVERY_ACTOR) {
    const expected = ['agency.read'];
    if (role === 'admin') expected.push('user.read', 'user.manage');
    if (role === 'admin' && kind === 'supervision' && level !== 'township') expected.push('agency.allocate');
    if ((kind === 'supervision' && (level === 'ministry' || level === 'province')) || kind === 'operations') expected.push('audit.read');
    // 运维: backups and the job queue are watched by the operations agency.
    if (kind === 'operations') expected.push('backup.read', 'job.read', 'job.retry');
    // Every official reads the subjects of the jurisdiction and records unregistered ones met in the field; a market
    // regulator (市场监督管理, issue 21 §3) reads the markets' vouchers instead and writes nothing.
    const market = kind === 'market';
    if (!market) expected.push('subject.read', 'subject.temporary');
    if (market) expected.push('trace.market', 'monitoring.alert_read');
    // Only the county supervision agency approves registrations (技术指南 五(一)六).
    if (kind === 'supervision' && level === 'county') expected.push('subject.approve');
    if ((kind === 'supervision' && level !== 'township') || kind === 'enforcement') expected.push('subject.supervise');
    // Every official traces a batch of the jurisdiction; recall lists are for supervision from the county up and enforcement.
    expected.push('trace.graph');
    if ((kind === 'supervision' && level !== 'township') || kind === 'enforcement') expected.push('trace.recall');
    // 监管业务 / 执法业务: every agency receives tasks; supervision publishes (not stations), inspects, and the
    // province writes checklists; enforcement runs cases; both read inspections and cases of the jurisdiction.
    if (!market) expected.push('supervision.task');
    if (kind === 'supervision' && level !== 'township') expected.push('supervision.publish');
    if (kind === 'supervision') expected.push('supervision.inspect');
    if (kind === 'supervision' && level === 'province') expected.push('supervision.checklist');
    if (kind === 'enforcement') expected.push('enforcement.case');
    if (kind === 'supervision' || kind === 'enforcement') expected.push('supervision.read', 'enforcement.read');
    // 监测业务: labs sample and test; every agency reads samples and summaries; supervision and enforcement get alerts.
    if (kind === 'testing') expected.push('monitoring.sample');
    if (kind === 'supervision' || kind === 'enforcement') expected.push('monitoring.alert', 'monitoring.alert_read');
    if (!market) expected.push('monitoring.read');
    // 统计分析: every agency working in a jurisdiction; operations has none.
    if (kind !== 'operations' && !market) expected.push('analytics.statistics');
    // 系统优化建议: every account files; operations handles, 部安全中心 (the operations agency's admins) confirms.
    expected.push('feedback.file');
    if (kind === 'operations') expected.push('feedback.handle');
    if (kind === 'operations' && role === 'admin') expected.push('feedback.confirm');
    // 应急响应: operations reports, 安全中心 consents; the ministry and the provinces read; a province's admin names its liaison.
    if (kind === 'operations' || (kind === 'supervision' && (level === 'ministry' || level === 'province'))) expected.push('incident.read');
    if (kind === 'operations') expected.push('incident.report');
    if (kind === 'operations' && role === 'admin') expected.push('incident.consent');
    if (kind === 'supervision' && level === 'province' && role === 'admin') expected.push('incident.liaison');
    // 系统公告 by operations; 通知 to producers by supervision agencies of every level.
    if (kind === 'operations') expected.push('announcement.publish');
    if (kind === 'supervision') expected.push('notice.send');
    // 平台对接: the ministry's and provinces' supervision read client systems, their admins register them.
    if (kind === 'supervision' && (level === 'ministry' || level === 'province')) expected.push('integration.read');
    if (kind === 'supervision' && (level === 'ministry' || level === 'province') && role === 'admin') expected.push('integration.manage');
    // GS1 EPCIS: agencies of the ministry and the provinces, of every kind, capture and query.
    if (!market && (level === 'ministry' || level === 'province')) expected.push('epcis.capture', 'epcis.query');
    // 业务五监控: every agency but operations watches its area; supervision above the township sets targets and orders
    // rectification; every agency below the ministry (not operations) answers. 信息调度: the province writes, the
    // ministry acknowledges, both read.
    if (kind !== 'operations' && !market) expected.push('monitor.read');
    if (kind === 'supervision' && level !== 'township') expected.push('monitor.target', 'rectification.issue');
    if (kind !== 'operations' && !market && level !== 'ministry') expected.push('rectification.answer');
    if (kind === 'supervision' && level === 'province') expected.push('report.write');
    if (kind === 'supervision' && (level === 'province' || level === 'ministry')) expected.push('report.read');
    if (kind === 'supervision' && level === 'ministry') expected.push('report.acknowledge');
    // 追溯挂钩 and 认证主体覆盖: every supervision agency checks lists and sees its certified holders.
    if (kind === 'supervision') expected.push('integration.trace_check', 'integration.coverage');
    // 检测参照数据: labs add what they test for, a province's supervision agency for its labs.
    if (kind === 'testing' || (kind === 'supervision' && level === 'province')) expected.push('monitoring.reference');
    it(`${kind} ${level} ${role} → ${expected.sort().join(', ')}`, () => {
      expect([...permissionsOf(role, kind, level)].sort()).toEqual(expected.sort());
    });
  }

  it('only actors holding agency.allocate are offered anything to allocate', () => {
    for (const { kind, level, role } of EVERY_ACTOR) {
      const actor = actorOf(kind, level, role);
      expect(allocationOptions(actor).length > 0, `${kind}/${level}/${role}`).toBe(actor.permissions.has('agency.allocate'));
    }
  });
});

describe('passwordProblems', () => {
  it.each([
    ['Strong#Pass2026', 'someone', []],
    ['Short#1a', 'someone', ['TOO_SHORT']],
    ['alllowercaseletters', 'someone', ['TOO_FEW_CLASSES']],
    ['Someone#2026x', 'someone', ['CONTAINS_USERNAME']],
    ['Admin@123456', 'someone', ['TOO_COMMON']],
    ['abc', 'abc', ['TOO_SHORT', 'TOO_FEW_CLASSES', 'CONTAINS_USERNAME']],
  ] as const)('%s for %s → %j', (password, username, problems) => {
    expect(passwordProblems(password, username)).toEqual(problems);
  });
});

describe("subjectPermissions: a producer's accounts", () => {
  it('lets every account of an active subject record, and only the main account manage the subject', () => {
    expect([...subjectPermissions('admin', 'active')].sort()).toEqual(['epcis.capture', 'epcis.query', 'feedback.file', 'notice.read', 'rectification.answer', 'subject.manage', 'subject.self', 'trace.graph', 'trace.read', 'trace.write']);
    expect([...subjectPermissions('staff', 'active')].sort()).toEqual(['epcis.capture', 'epcis.query', 'feedback.file', 'notice.read', 'subject.self', 'trace.graph', 'trace.read', 'trace.write']);
  });
  it("leaves a suspended subject's accounts only reading", () => {
    expect([...subjectPermissions('admin', 'suspended')].sort()).toEqual(['epcis.query', 'feedback.file', 'notice.read', 'subject.self', 'trace.graph', 'trace.read']);
  });
});

describe('重点主体 flags (canSetPriorityFlag)', () => {
  const FLAGS = ['national_leading', 'provincial_leading', 'vegetable_basket', 'scale'] as const;
  it('lets each supervision level set exactly the flags it recognises, and no other kind of agency any', () => {
    const table: Record<string, string[]> = {};
    for (const kind of AGENCY_KINDS) {
      for (const level of AGENCY_LEVELS) {
        const allowed = FLAGS.filter((f) => canSetPriorityFlag(actorOf(kind, level, 'admin'), f, { department: 'agriculture' }));
        if (allowed.length) table[`${kind}/${level}`] = allowed;
      }
    }
    expect(table).toEqual({
      'supervision/ministry': ['national_leading'],
      'supervision/province': ['provincial_leading'],
      'supervision/county': ['vegetable_basket', 'scale'],
    });
  });

  it('lets a county department agency flag only its own department’s subjects, the general agency any', () => {
    const fishery = { ...actorOf('supervision', 'county', 'staff'), agency: { ...actorOf('supervision', 'county', 'staff').agency, department: 'fishery' } };
    expect(canSetPriorityFlag(fishery, 'scale', { department: 'fishery' })).toBe(true);
    expect(canSetPriorityFlag(fishery, 'scale', { department: 'agriculture' })).toBe(false);
    expect(canSetPriorityFlag(actorOf('supervision', 'county', 'staff'), 'scale', { department: 'fishery' })).toBe(true);
  });
});
