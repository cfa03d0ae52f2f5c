import type { IdKind, Industry, OrgForm, PhotoKind, PhotoRef, ProfileChanges, SubjectCategory, SubjectProfile } from './subject.types';
import type { PhotoMap } from './PhotoFields';

/** The change form: the registration data as the wizard's fields, the phone typed afresh, photos to replace. */
export type ChangeValues = {
  category: SubjectCategory;
  orgForm: OrgForm;
  name: string;
  industries: Industry[];
  scale: number;
  scaleUnit: string;
  annualOutput: number;
  outputUnit: string;
  legalRep: string;
  /** Empty: keep the registered number (the profile shows it masked, so it cannot be prefilled). */
  phone?: string;
  /** Only the photos to replace, by kind. */
  photos?: PhotoMap;
  townshipCode?: string;
  address: string;
  lat: number;
  lng: number;
  reason: string;
};

/** The form's starting values: the registered data as they are. */
export function fromProfile(p: SubjectProfile): Partial<ChangeValues> {
  return {
    category: p.category as SubjectCategory,
    orgForm: p.orgForm as OrgForm,
    name: p.name,
    industries: p.industries as Industry[],
    scale: p.scale ?? undefined,
    scaleUnit: p.scaleUnit ?? undefined,
    annualOutput: p.annualOutput ?? undefined,
    outputUnit: p.outputUnit ?? undefined,
    legalRep: p.legalRep ?? undefined,
    photos: {},
    townshipCode: p.regionCode.length === 9 ? p.regionCode : undefined,
    address: p.address ?? undefined,
    lat: p.lat ?? undefined,
    lng: p.lng ?? undefined,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const trimmed = (v: string | undefined) => (typeof v === 'string' ? v.trim() : v);

/**
 * Only what differs from the registered data, in the request's shape. Photos: the registered ones with the
 * replaced kinds swapped in (in the registered order), sent only when one was replaced.
 */
export function changesOf(p: SubjectProfile, v: ChangeValues): ProfileChanges {
  const out: ProfileChanges = {};
  const start = fromProfile(p);
  const plain = ['category', 'orgForm', 'industries', 'scale', 'scaleUnit', 'annualOutput', 'outputUnit', 'lat', 'lng'] as const;
  for (const key of plain) if (v[key] !== undefined && !same(v[key], start[key])) (out as Record<string, unknown>)[key] = v[key];
  for (const key of ['name', 'legalRep', 'address'] as const) {
    const value = trimmed(v[key]);
    if (value && !same(value, start[key])) out[key] = value;
  }
  if (v.townshipCode && v.townshipCode !== start.townshipCode) out.townshipCode = v.townshipCode;
  const phone = trimmed(v.phone);
  if (phone) out.phone = phone;
  const replaced = Object.entries(v.photos ?? {}).filter(([, fileId]) => Boolean(fileId)) as [PhotoKind, string][];
  if (replaced.length) {
    const photos: PhotoRef[] = p.photos.map((ph) => ({ kind: ph.kind as PhotoKind, fileId: v.photos?.[ph.kind as PhotoKind] || ph.fileId }));
    for (const [kind, fileId] of replaced) if (!photos.some((ph) => ph.kind === kind)) photos.push({ kind, fileId });
    if (!same(photos, p.photos)) out.photos = photos;
  }
  return out;
}

export const idKindOf = (p: SubjectProfile): IdKind | undefined => (p.idKind === 'uscc' || p.idKind === 'resident_id' ? p.idKind : undefined);
