import type { Grants } from '../../platform/auth/permissions.js';
import { eq, sql } from 'drizzle-orm';
import type { AgencyKind, AgencyLevel, Role, SubjectActor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/password.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Db } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Pii } from '../../platform/pii/pii.js';
import { DEMO_SUBJECTS, seedDemoSubjects } from './subjects/demo-subjects.seed.js';
import { actorLoader } from './accounts/actor.loader.js';
import { agencies, subjects, users } from './schema.js';

export const DEMO_PASSWORD = 'Tracenet#2026';

type DemoAgency = { key: string; parent: string | null; name: string; kind: AgencyKind; level: AgencyLevel; regionCode: string; username: string; person: string; role: Role; staff?: { username: string; person: string }[] };

const province = (p: { key: string; code: string; name: string; city: [string, string, string]; county: [string, string, string]; town: [string, string, string] }): DemoAgency[] => {
  const [cityKey, cityCode, cityName] = p.city;
  const [countyKey, countyCode, countyName] = p.county;
  const [townKey, townCode, townName] = p.town;
  const level = (key: string, parent: string, code: string, lvl: AgencyLevel, place: string, bureau: string): DemoAgency[] => [
    { key, parent, name: `${place}${bureau}`, kind: 'supervision', level: lvl, regionCode: code, username: `${key}-admin`, person: `${place}监管管理员`, role: 'admin' },
    { key: `${key}-lab`, parent: key, name: `${place}农产品质量安全检测中心`, kind: 'testing', level: lvl, regionCode: code, username: `${key}-lab-admin`, person: `${place}检测管理员`, role: 'admin' },
    { key: `${key}-law`, parent: key, name: `${place}农业综合行政执法队`, kind: 'enforcement', level: lvl, regionCode: code, username: `${key}-law-admin`, person: `${place}执法管理员`, role: 'admin' },
  ];
  return [
    ...level(p.key, 'moa', p.code, 'province', p.name, '农业农村厅'),
    ...level(cityKey, p.key, cityCode, 'city', cityName, '农业农村局'),
    ...level(countyKey, cityKey, countyCode, 'county', countyName, '农业农村局'),
    { key: townKey, parent: countyKey, name: `${townName}农产品质量安全监管站`, kind: 'supervision', level: 'township', regionCode: townCode, username: `${townKey}-user`, person: `${townName}监管员`, role: 'staff' },
  ];
};

/** Demo data (DESIGN.md issue 2 item 9): the ministry and two provinces, each down to one township. */
export const DEMO_AGENCIES: DemoAgency[] = [
  { key: 'moa', parent: null, name: '农业农村部农产品质量安全监管司', kind: 'supervision', level: 'ministry', regionCode: '', username: 'moa-admin', person: '部级监管管理员', role: 'admin' },
  ...province({ key: 'sd', code: '37', name: '山东省', city: ['wf', '3707', '潍坊市'], county: ['sg', '370783', '寿光市'], town: ['sg-hl', '370783100', '化龙镇'] }),
  ...province({ key: 'sc', code: '51', name: '四川省', city: ['cd', '5101', '成都市'], county: ['pd', '510117', '郫都区'], town: ['pd-tc', '510117104', '唐昌镇'] }),
  // 运维: the operations agency. Its admin accounts are 部安全中心 (consent, confirmation); its staff the developer and
  // integrator teams' engineers (技术指南 应急响应).
  {
    key: 'ops',
    parent: 'moa',
    name: '国家追溯平台运维中心',
    kind: 'operations',
    level: 'ministry',
    regionCode: '',
    username: 'ops-admin',
    person: '部安全中心值班员',
    role: 'admin',
    staff: [{ username: 'ops-staff', person: '软件开发单位运维工程师' }],
  },
];

/**
 * Whether this database holds the demo data: the ministry's demo account exists and the seed's own audit entry says
 * it was seeded (an installation may well name an account moa-admin). The account is looked up first by its index,
 * so a database without it never reads the audit log.
 */
export async function demoLoaded(db: Db): Promise<boolean> {
  const [account] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${'moa-admin'}`);
  if (!account) return false;
  const [seeded] = await db.select({ id: auditLog.id }).from(auditLog).where(sql`${auditLog.regionCode} = '' and ${auditLog.action} = 'system.seed_demo'`).limit(1);
  return Boolean(seeded);
}

/** Fills an empty database with the demo agencies, producers and their accounts; does nothing when agencies exist. */
export async function seedDemo(db: Db, pii: Pii): Promise<boolean> {
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(agencies)) as [{ n: number }];
  if (n > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withTransaction(db, null, async (tx) => {
    const ids = new Map<string, string>();
    for (const a of DEMO_AGENCIES) {
      const [row] = await tx
        .insert(agencies)
        .values({ name: a.name, kind: a.kind, level: a.level, regionCode: a.regionCode, parentId: a.parent ? ids.get(a.parent)! : null })
        .returning({ id: agencies.id });
      ids.set(a.key, row!.id);
      for (const [i, account] of [{ username: a.username, person: a.person, role: a.role }, ...(a.staff ?? []).map((s) => ({ ...s, role: 'staff' as const }))].entries()) {
        // The first account keeps the numbering the demo always had (139 + agency number); staff follow from 13900100001.
        const phone = i === 0 ? `139${String(ids.size).padStart(8, '0')}` : `1390${String(ids.size).padStart(3, '0')}${String(i).padStart(4, '0')}`;
        await tx.insert(users).values({
          username: account.username,
          displayName: account.person,
          phoneEnc: pii.encrypt(phone),
          phoneHash: pii.hash(phone),
          passwordHash,
          agencyId: row!.id,
          role: account.role,
          mustChangePassword: false,
        });
      }
    }
    const ctx = { actor: null, meta: { requestId: 'seed', ip: '127.0.0.1' } };
    await seedDemoSubjects(tx, pii, ctx, passwordHash);
    await recordAudit(tx, ctx, {
      action: 'system.seed_demo',
      targetType: 'system',
      targetId: 'demo',
      regionCode: '',
      after: { agencies: DEMO_AGENCIES.length, subjects: DEMO_SUBJECTS.length },
    });
  });
  return true;
}

/** A demo producer as it acts once signed in, with its electronic identity token: for the demo traceability seed. */
export async function demoSubject(db: Db, grants: Grants, username: string): Promise<{ actor: SubjectActor; token: string }> {
  const [row] = await db
    .select({ userId: users.id, token: subjects.eToken })
    .from(users)
    .innerJoin(subjects, eq(users.subjectId, subjects.id))
    .where(eq(users.username, username));
  const actor = row ? await actorLoader(db, grants)(row.userId) : null;
  if (!row?.token || actor?.kind !== 'subject') throw new Error(`demo subject ${username} is missing`);
  return { actor, token: row.token };
}
