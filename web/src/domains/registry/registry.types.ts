import type { In, Out } from '../../app/contract';
import type * as registry from '../../../../src/domains/registry/contracts';
import type * as regions from '../../../../src/domains/regions/contracts';
import type { AGENCY_KINDS, AGENCY_LEVELS, ROLES, USER_STATUSES } from '../../../../src/domains/registry/accounts/agency-values.shared';

// Agencies, accounts, sessions and regions as the console reads and sends them: the server's contracts
// (src/domains/registry/contracts.ts), dates as ISO strings.

export { AGENCY_KINDS, AGENCY_LEVELS, ROLES } from '../../../../src/domains/registry/accounts/agency-values.shared';
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type Role = (typeof ROLES)[number];
export type UserStatus = (typeof USER_STATUSES)[number];

export type Agency = Out<typeof registry.agencyOut>;
export type User = Out<typeof registry.userOut>;
/** An official's account has `agency` (and a jurisdiction); a producer's account has `subject` instead. */
export type Me = Out<typeof registry.meOut>;
/** The subject a producer's account acts for. */
export type MeSubject = NonNullable<Me['subject']>;
export type AgencyMe = Me & { agency: Agency; jurisdiction: string };

export type ApiToken = Out<typeof registry.tokenOut>;
/** My tokens, with the lifetime a new one gets when none is asked for and the longest one may ask for. */
export type ApiTokenList = Out<typeof registry.tokenListOut>;
export type ApiTokenCreated = Out<typeof registry.tokenCreatedOut>;

export type AllocationOption = Out<typeof registry.allocationOption>;
export type AllocateRequest = In<typeof registry.allocateIn>;
export type NewAccount = AllocateRequest['account'];
export type NewUserRequest = In<typeof registry.newUserIn>;
export type UpdateUserRequest = In<typeof registry.updateUserIn>;

export type Region = Out<typeof regions.regionOut>;
export type RegionDetail = Out<typeof regions.regionDetailOut>;
