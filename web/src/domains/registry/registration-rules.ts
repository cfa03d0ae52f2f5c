import type { IdKind, Industry, OUTPUT_UNITS, PhotoKind, SCALE_UNITS } from '../../app/types';

// The server's registration rules (subject.rules.ts) that the wizard applies as the user fills it in;
// the server remains the judge.

/** Companies (0) and co-operatives (3) have a credit code, persons (1) an ID card, family farms (2) either. */
export function idKindsFor(orgForm: number | undefined): IdKind[] {
  if (orgForm === 0 || orgForm === 3) return ['uscc'];
  if (orgForm === 1) return ['resident_id'];
  return ['uscc', 'resident_id'];
}

export function requiredPhotos(idKind: IdKind | undefined): PhotoKind[] {
  return idKind === 'uscc' ? ['licence'] : idKind === 'resident_id' ? ['id_front', 'id_back'] : [];
}

/** The units that fit at least one of the industries, in table order. */
export function unitsFor(table: typeof SCALE_UNITS | typeof OUTPUT_UNITS, industries: Industry[] | undefined): string[] {
  const out: string[] = [];
  for (const i of industries ?? []) for (const u of table[i] ?? []) if (!out.includes(u)) out.push(u);
  return out;
}

// The mainland's extreme points, as a generous box (the server's rule).
export function insideChina(lat: number, lng: number): boolean {
  return lat >= 3.5 && lat <= 53.6 && lng >= 73.4 && lng <= 135.1;
}
