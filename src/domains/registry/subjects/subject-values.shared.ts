// The fixed choices of subject registration, for the contracts, the services and the console's forms alike.

/** 主体类别 (DESIGN.md §2): 0 生产 1 经营 2 生产经营 3 农资 */
export const SUBJECT_CATEGORIES = [0, 1, 2, 3] as const;
/** 组织形式: 0 企业 1 个人 2 家庭农场 3 合作社 */
export const ORG_FORMS = [0, 1, 2, 3] as const;
export const INDUSTRIES = ['planting', 'livestock', 'fishery'] as const;
export const ID_KINDS = ['uscc', 'resident_id'] as const;
export const PHOTO_KINDS = ['licence', 'id_front', 'id_back', 'site'] as const;
export const APPLICATION_STATUSES = ['pending', 'returned', 'rejected', 'approved'] as const;
/** How an open application's identity number clashes: with a registered subject, or with another open application. */
export const IDENTITY_CLASHES = ['registered', 'pending'] as const;
export const SUBJECT_STATUSES = ['active', 'suspended', 'temporary'] as const;
export const CERTIFICATE_KINDS = ['green', 'organic', 'geo', 'pledge', 'pollution_free'] as const;
export const CERTIFICATE_STATUSES = ['unverified', 'verified', 'rejected', 'withdrawn'] as const;
export const BAD_RECORD_SEVERITIES = ['minor', 'serious', 'grave'] as const;
export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

/**
 * Fields a change request may touch. The identity (kind and number) is what the subject is, so it cannot be
 * changed; nor can the county, whose supervision agency is responsible (a move is a new registration).
 */
export const CHANGEABLE_FIELDS = ['category', 'orgForm', 'name', 'industries', 'scale', 'scaleUnit', 'annualOutput', 'outputUnit', 'legalRep', 'phone', 'photos', 'townshipCode', 'address', 'lat', 'lng'] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type IdKind = (typeof ID_KINDS)[number];
export type PhotoKind = (typeof PHOTO_KINDS)[number];

/** Companies (0) and co-operatives (3) have a credit code, persons (1) an ID card, family farms (2) either. */
export function idKindsFor(orgForm: number | undefined): IdKind[] {
  if (orgForm === 0 || orgForm === 3) return ['uscc'];
  if (orgForm === 1) return ['resident_id'];
  return ['uscc', 'resident_id'];
}

/** The photos an identity kind must come with: a licence for a credit code, both sides of an ID card otherwise. */
export function requiredPhotos(idKind: string | undefined): PhotoKind[] {
  return idKind === 'uscc' ? ['licence'] : idKind === 'resident_id' ? ['id_front', 'id_back'] : [];
}
