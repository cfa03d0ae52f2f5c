import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import type { Pii } from '../../../platform/pii/pii.js';
import { maskIdNumber, maskPhone } from '../../../platform/pii/pii.js';
import type { PriorityFlag } from './priority-flags.shared.js';
import type { SubjectProfileOut } from './subject.contracts.js';
import type { RegionFacts } from './subject.rules.js';
import { regionLevels } from '../../regions/index.js';
import { agencies, subjects } from '../schema.js';

/** Region levels and onboarded counties for a set of codes, in two queries (an import passes thousands). */
export async function loadRegionFacts(db: Executor, codes: Iterable<string>): Promise<RegionFacts> {
  const all = [...new Set(codes)].filter((c) => /^\d{2,9}$/.test(c));
  const levels = await regionLevels(db, all);
  const onboarded = new Set<string>();
  if (all.length) {
    const counties = all.filter((c) => c.length === 6);
    if (counties.length) {
      const rows = await db
        .select({ regionCode: agencies.regionCode })
        .from(agencies)
        .where(and(eq(agencies.kind, 'supervision'), eq(agencies.level, 'county'), eq(agencies.status, 'active'), inArray(agencies.regionCode, counties)));
      for (const r of rows) onboarded.add(r.regionCode);
    }
  }
  return { levelOf: (c) => levels.get(c), countyOnboarded: (c) => onboarded.has(c) };
}

/**
 * 主体身份码 `{category}.{ID18}.{NNNNN}` (DESIGN.md §3): 00000 for the subject, 00001 upward for its accounts.
 * A natural person's ID number is personal data, so the code is masked unless `reveal` is set.
 */
export function identityCode(category: number, idKind: string | null, idNumber: string | null, accountNo = 0, reveal = false): string {
  const shown = shownIdNumber(idKind, idNumber, reveal);
  return shown ? identityCodeOfShown(category, shown, accountNo) : '';
}

/** The same code from a number already as shown (`subjects.id_shown`, masked where it must be). */
export function identityCodeOfShown(category: number, shownIdNumber: string, accountNo = 0): string {
  return `${category}.${shownIdNumber.padStart(18, '0')}.${String(accountNo).padStart(5, '0')}`;
}

/** A credit code is public business registration data; a resident ID is masked unless revealed. */
export function shownIdNumber(idKind: string | null, idNumber: string | null, reveal: boolean): string | null {
  if (!idNumber) return null;
  return idKind === 'resident_id' && !reveal ? maskIdNumber(idNumber) : idNumber;
}

type ProfileSource = {
  category: number;
  orgForm: number;
  name: string;
  industries: string[];
  scale: number | null;
  scaleUnit: string | null;
  annualOutput: number | null;
  outputUnit: string | null;
  idKind: string | null;
  idEnc: string | null;
  legalRep: string | null;
  legalRepIdEnc?: string | null;
  phoneEnc: string | null;
  photos: { kind: string; fileId: string }[];
  regionCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
};

export function toProfileOut(pii: Pii, s: ProfileSource, path: { code: string; name: string }[], reveal: boolean): SubjectProfileOut {
  const idPlain = s.idEnc ? pii.decrypt(s.idEnc) : null;
  const phonePlain = s.phoneEnc ? pii.decrypt(s.phoneEnc) : null;
  return {
    category: s.category,
    orgForm: s.orgForm,
    name: s.name,
    industries: s.industries,
    scale: s.scale,
    scaleUnit: s.scaleUnit,
    annualOutput: s.annualOutput,
    outputUnit: s.outputUnit,
    idKind: s.idKind,
    idNumber: shownIdNumber(s.idKind, idPlain, reveal),
    legalRep: s.legalRep,
    legalRepIdNumber: shownIdNumber('resident_id', s.legalRepIdEnc ? pii.decrypt(s.legalRepIdEnc) : null, reveal),
    phone: phonePlain ? (reveal ? phonePlain : maskPhone(phonePlain)) : null,
    photos: s.photos,
    regionCode: s.regionCode,
    regionPath: path,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
  };
}

export type SubjectRow = typeof subjects.$inferSelect;

export function subjectIdentityCode(pii: Pii, s: Pick<SubjectRow, 'category' | 'idKind' | 'idEnc' | 'tempCode'>, reveal = false): string {
  if (!s.idEnc) return s.tempCode ?? '';
  return identityCode(s.category, s.idKind, pii.decrypt(s.idEnc), 0, reveal);
}

export function toSubjectListItem(pii: Pii, s: SubjectRow, regionName: string | null) {
  return {
    id: s.id,
    name: s.name,
    identityCode: subjectIdentityCode(pii, s),
    category: s.category,
    orgForm: s.orgForm,
    industries: s.industries,
    regionCode: s.regionCode,
    regionName,
    status: s.status,
    registeredAt: s.registeredAt,
    priorityFlags: s.priorityFlags as PriorityFlag[],
  };
}

export async function findSubject(db: Executor, id: string): Promise<SubjectRow | undefined> {
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id));
  return row;
}

/** Locks the subject row for a status change or a change of its data. */
export async function lockSubject(db: Executor, id: string): Promise<SubjectRow | undefined> {
  const [row] = await db.select().from(subjects).where(eq(subjects.id, id)).for('update');
  return row;
}

