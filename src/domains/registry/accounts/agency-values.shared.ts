// The fixed choices of agencies and their accounts, for the contracts and the console alike.
export const AGENCY_KINDS = ['supervision', 'testing', 'enforcement', 'operations'] as const;
export const AGENCY_LEVELS = ['ministry', 'province', 'city', 'county', 'township'] as const;
export const ROLES = ['admin', 'staff'] as const;
export const USER_STATUSES = ['active', 'disabled'] as const;
