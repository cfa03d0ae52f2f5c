import { ApiError } from '../../../app/api-error';
import type { Application, IdKind, Industry, OrgForm, PhotoKind, SubjectCategory, SubjectProfileRequest } from './subject.types';
import type { PhotoMap } from './PhotoFields';
import { requiredPhotos } from '../../../../../src/domains/registry/subjects/subject-values.shared';

/** The wizard's form: one antd Form over the three steps. */
export type WizardValues = {
  category: SubjectCategory;
  orgForm: OrgForm;
  name: string;
  industries: Industry[];
  scale: number;
  scaleUnit: string;
  annualOutput: number;
  outputUnit: string;
  idKind: IdKind;
  idNumber: string;
  legalRep: string;
  /** 法定代表人身份证号 of an organisation registered with a credit code (optional; the server keeps it encrypted). */
  legalRepIdNumber?: string;
  phone: string;
  photos: PhotoMap;
  /** 9 digits; province and county are its prefixes */
  townshipCode: string;
  address: string;
  lat: number;
  lng: number;
  username: string;
  password?: string;
  confirm?: string;
  /** The privacy notice ticked (a new application only; a resubmission keeps the first consent). */
  privacyConsent?: boolean;
};
export type WizardField = keyof WizardValues;

export const STEP_FIELDS: WizardField[][] = [
  ['category', 'orgForm', 'name', 'industries', 'scale', 'scaleUnit', 'annualOutput', 'outputUnit'],
  ['idKind', 'idNumber', 'legalRep', 'legalRepIdNumber', 'phone', 'photos'],
  ['townshipCode', 'address', 'lat', 'lng', 'username', 'password', 'confirm', 'privacyConsent'],
];

export const stepOf = (field: WizardField) => Math.max(0, STEP_FIELDS.findIndex((fields) => fields.includes(field)));

export function toProfileRequest(v: WizardValues): SubjectProfileRequest {
  const wanted = new Set<PhotoKind>([...requiredPhotos(v.idKind), 'site']);
  const photos = (Object.entries(v.photos ?? {}) as [PhotoKind, string | undefined][])
    .filter(([kind, fileId]) => fileId && wanted.has(kind))
    .map(([kind, fileId]) => ({ kind, fileId: fileId! }));
  return {
    category: v.category,
    orgForm: v.orgForm,
    name: v.name.trim(),
    industries: v.industries,
    scale: v.scale,
    scaleUnit: v.scaleUnit,
    annualOutput: v.annualOutput,
    outputUnit: v.outputUnit,
    idKind: v.idKind,
    idNumber: v.idNumber.trim().toUpperCase(),
    legalRep: v.legalRep.trim(),
    phone: v.phone.trim(),
    photos,
    provinceCode: v.townshipCode.slice(0, 2),
    countyCode: v.townshipCode.slice(0, 6),
    townshipCode: v.townshipCode,
    address: v.address.trim(),
    lat: v.lat,
    lng: v.lng,
  };
}

/** The legal representative's ID number, sent only for a credit-code registration and only when typed. */
export function legalRepRequest(v: WizardValues): { legalRepIdNumber?: string } {
  const typed = v.legalRepIdNumber?.trim().toUpperCase();
  return v.idKind === 'uscc' && typed ? { legalRepIdNumber: typed } : {};
}

/** A returned application, as the wizard's starting values: the masked identity number and phone are left empty. */
export function fromApplication(app: Application): Partial<WizardValues> {
  const p = app.profile;
  const photos: PhotoMap = {};
  for (const photo of p.photos) photos[photo.kind as PhotoKind] = photo.fileId;
  return {
    category: p.category as SubjectCategory,
    orgForm: p.orgForm as OrgForm,
    name: p.name,
    industries: p.industries as Industry[],
    scale: p.scale ?? undefined,
    scaleUnit: p.scaleUnit ?? undefined,
    annualOutput: p.annualOutput ?? undefined,
    outputUnit: p.outputUnit ?? undefined,
    idKind: (p.idKind ?? undefined) as IdKind | undefined,
    legalRep: p.legalRep ?? undefined,
    photos,
    townshipCode: p.regionCode.length === 9 ? p.regionCode : undefined,
    address: p.address ?? undefined,
    lat: p.lat ?? undefined,
    lng: p.lng ?? undefined,
    username: app.username,
  };
}

const FIELD_ALIASES: Record<string, WizardField> = { provinceCode: 'townshipCode', countyCode: 'townshipCode', townshipCode: 'townshipCode' };
const FIELD_BY_CODE: Record<string, WizardField> = {
  USERNAME_TAKEN: 'username',
  WEAK_PASSWORD: 'password',
  IDENTITY_FORMAT: 'idNumber',
  IDENTITY_CHECK_CHARACTER: 'idNumber',
  IDENTITY_BIRTH_DATE: 'idNumber',
  IDENTITY_REGISTERED: 'idNumber',
  IDENTITY_PENDING: 'idNumber',
  ID_KIND_MISMATCH: 'idKind',
  PHOTOS_MISSING: 'photos',
  PHOTO_NOT_FOUND: 'photos',
  REGION_NOT_COUNTY: 'townshipCode',
  REGION_NOT_IN_PROVINCE: 'townshipCode',
  TOWNSHIP_NOT_IN_COUNTY: 'townshipCode',
  COUNTY_NOT_ONBOARDED: 'townshipCode',
  COORDINATES_OUTSIDE_CHINA: 'lat',
};
const ALL_FIELDS = new Set<string>(STEP_FIELDS.flat());

function asField(name: unknown): WizardField | null {
  if (typeof name !== 'string' || !name) return null;
  const head = name.split('.')[0]!;
  const field = FIELD_ALIASES[head] ?? head;
  return ALL_FIELDS.has(field) ? (field as WizardField) : null;
}

/** The form field a server error is about: details.field, a validation issue's path, or the error's code. */
export function errorField(err: unknown): WizardField | null {
  if (!(err instanceof ApiError)) return null;
  const issues = Array.isArray(err.details.issues) ? (err.details.issues as { path?: string }[]) : [];
  return asField(err.details.field) ?? asField(issues[0]?.path) ?? FIELD_BY_CODE[err.code] ?? null;
}
