// The fixed choices of agencies and their accounts, for the contracts and the console alike.
// 'market' is 市场监督管理 (issue 21 §3): read-only over the markets of its region.
export const AGENCY_KINDS = ['supervision', 'testing', 'enforcement', 'operations', 'market'] as const;
export const AGENCY_LEVELS = ['ministry', 'province', 'city', 'county', 'township'] as const;
export const ROLES = ['admin', 'staff'] as const;
export const USER_STATUSES = ['active', 'disabled'] as const;
/** 部门 of an agency (issue 21 §3): the general 农业农村 one and those a region may hold beside it. */
export const DEPARTMENTS = ['agriculture', 'animal_husbandry', 'fishery', 'reclamation'] as const;
export type Department = (typeof DEPARTMENTS)[number];
