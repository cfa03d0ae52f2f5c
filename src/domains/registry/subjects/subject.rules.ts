import { checkIdNumber, checkUscc } from './identity-check.shared.js';
import { insideChina } from './inside-china.shared.js';
import { idKindsFor, requiredPhotos } from './subject-values.shared.js';
import { OUTPUT_UNITS, SCALE_UNITS, type SubjectProfileIn } from './subject.contracts.js';
import { subjectError } from './subject.errors.js';

/**
 * The rules of a registration, as one pure function shared by the wizard, the resubmission, change requests
 * and the Excel import: each returns every problem it finds, so an import can report all reasons of a row.
 * Look-ups the rules need (regions, onboarded counties) are passed in, so an import can load them in bulk.
 */
export type Problem = { code: Parameters<typeof subjectError>[0]; field: string; details?: Record<string, unknown> };

export type RegionFacts = {
  /** Level of a region code (1 province … 4 township), undefined when unknown. */
  levelOf(code: string): number | undefined;
  /** Whether the county has a supervision agency on the platform to receive the application. */
  countyOnboarded(countyCode: string): boolean;
};

/** Whether the identity kind fits the organisation form (the console offers only the kinds that fit). */
export function idKindFits(orgForm: number, idKind: string): boolean {
  return idKindsFor(orgForm).some((k) => k === idKind);
}

export function identityProblem(idKind: string, idNumber: string, today: Date): Problem | null {
  const problem = idKind === 'uscc' ? checkUscc(idNumber) : checkIdNumber(idNumber, today);
  if (!problem) return null;
  const code = problem === 'FORMAT' ? 'IDENTITY_FORMAT' : problem === 'BIRTH_DATE' ? 'IDENTITY_BIRTH_DATE' : 'IDENTITY_CHECK_CHARACTER';
  return { code, field: 'idNumber', details: { idKind } };
}

type ProfileFields = Omit<SubjectProfileIn, 'photos'> & { photos?: SubjectProfileIn['photos'] };

export function profileProblems(p: ProfileFields, regions: RegionFacts, today: Date = new Date()): Problem[] {
  const problems: Problem[] = [];
  if (!idKindFits(p.orgForm, p.idKind)) problems.push({ code: 'ID_KIND_MISMATCH', field: 'idKind' });
  const identity = identityProblem(p.idKind, p.idNumber, today);
  if (identity) problems.push(identity);
  const fits = (table: Record<string, readonly string[]>, unit: string) => p.industries.some((i) => table[i]?.includes(unit));
  if (!fits(SCALE_UNITS, p.scaleUnit)) problems.push({ code: 'UNITS_DO_NOT_FIT', field: 'scaleUnit', details: { field: 'scaleUnit' } });
  if (!fits(OUTPUT_UNITS, p.outputUnit)) problems.push({ code: 'UNITS_DO_NOT_FIT', field: 'outputUnit', details: { field: 'outputUnit' } });
  if (p.photos) {
    const kinds = new Set(p.photos.map((x) => x.kind));
    const missing = requiredPhotos(p.idKind).filter((k) => !kinds.has(k));
    if (missing.length) problems.push({ code: 'PHOTOS_MISSING', field: 'photos', details: { missing } });
  }
  if (regions.levelOf(p.countyCode) !== 3) problems.push({ code: 'REGION_NOT_COUNTY', field: 'countyCode', details: { countyCode: p.countyCode } });
  else if (!p.countyCode.startsWith(p.provinceCode)) problems.push({ code: 'REGION_NOT_IN_PROVINCE', field: 'countyCode', details: { countyCode: p.countyCode, provinceCode: p.provinceCode } });
  else if (!p.townshipCode.startsWith(p.countyCode) || regions.levelOf(p.townshipCode) !== 4) {
    problems.push({ code: 'TOWNSHIP_NOT_IN_COUNTY', field: 'townshipCode', details: { townshipCode: p.townshipCode } });
  } else if (!regions.countyOnboarded(p.countyCode)) problems.push({ code: 'COUNTY_NOT_ONBOARDED', field: 'countyCode', details: { countyCode: p.countyCode } });
  if (!insideChina(p.lat, p.lng)) problems.push({ code: 'COORDINATES_OUTSIDE_CHINA', field: 'lat', details: { lat: p.lat, lng: p.lng } });
  return problems;
}

/** The throwing form, for single requests: the first problem becomes the error (all of them in details). */
export function assertProfile(p: ProfileFields, regions: RegionFacts, today?: Date): void {
  const problems = profileProblems(p, regions, today);
  const first = problems[0];
  if (first) {
    throw subjectError(first.code, { ...first.details, field: first.field, problems: problems.map((x) => ({ code: x.code, field: x.field })) });
  }
}
