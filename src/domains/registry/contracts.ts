import { z } from 'zod';
import { countedPageOf, pageOf, pageQuery } from '../../platform/http/page.shared.js';
import { NO_CONTROL_CHARACTERS, plainText } from '../../platform/http/text-fields.shared.js';
import { AGENCY_KINDS, AGENCY_LEVELS, DEPARTMENTS, ROLES, USER_STATUSES } from './accounts/agency-values.shared.js';
import { INDUSTRIES } from './subjects/subject-values.shared.js';
import { regionCode } from '../regions/contracts.js';

// Shared by routes and the web console: the one description of what goes over the wire.

export { AGENCY_KINDS, AGENCY_LEVELS, ROLES, USER_STATUSES };

export const agencyKind = z.enum(AGENCY_KINDS);
export const agencyLevel = z.enum(AGENCY_LEVELS);
export const department = z.enum(DEPARTMENTS);
export const role = z.enum(ROLES);

export const username = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - ; starting with a letter');
export { plainText } from '../../platform/http/text-fields.shared.js';
export const displayName = plainText(1, 60);
export const mobilePhone = z.string().regex(/^1[3-9]\d{9}$/, 'an 11-digit mainland mobile number');
/** Strength is checked by the service (passwordProblems) so that the message can say what is missing. */
export const password = z.string().min(1).max(128);
export const uuid = z.uuid();

export const agencyOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: agencyKind,
  level: agencyLevel,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  parentId: z.string().nullable(),
  department: department.describe('部门: agriculture (the general one), animal_husbandry 畜牧兽医, fishery 渔业, reclamation 农垦'),
  industries: z.array(z.string()).nullable().describe('the subject industries a department answers for; null: all (the general agency), or none routed by industry (农垦)'),
  status: z.string(),
  childCount: z.number().int(),
  createdAt: z.date(),
});
export type AgencyOut = z.infer<typeof agencyOut>;

export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable().describe('masked'),
  role,
  status: z.enum(USER_STATUSES),
  agencyId: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** For a subject's account: its user code under the subject identity code (.00001 main, .00002+ staff). */
  userCode: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
});
export type UserOut = z.infer<typeof userOut>;

export const meOut = z.object({
  user: userOut,
  /** An official's agency; null for a subject's account. */
  agency: agencyOut.nullable(),
  /** A subject's account: the subject it acts for; null for an official. */
  subject: z.object({ id: z.string(), name: z.string(), status: z.string(), identityCode: z.string(), regionCode: z.string(), accountNo: z.number().int() }).nullable(),
  permissions: z.array(z.string()),
  jurisdiction: z.string().nullable(),
  csrfToken: z.string().nullable(),
});

export const loginIn = z.strictObject({ username: z.string().min(1).max(40).regex(NO_CONTROL_CHARACTERS, 'no control characters'), password: z.string().min(1).max(128) });
/** Logout takes no fields: no body (Fastify gives null) or `{}`, strict like every other write. */
export const logoutIn = z.strictObject({}).nullish();
export const changePasswordIn = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: password });

export const tokenIn = z.strictObject({
  name: plainText(1, 80),
  password: z.string().min(1).max(128).describe("the account's password, typed again"),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const tokenOut = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.date(), expiresAt: z.date(), lastUsedAt: z.date().nullable().optional() });
export const tokenCreatedOut = tokenOut.extend({ token: z.string().describe('shown once') });
export const tokenListOut = z.object({ items: z.array(tokenOut), defaultDays: z.number().int(), maxDays: z.number().int() });

export const newUserIn = z.strictObject({
  username,
  displayName,
  phone: mobilePhone.optional(),
  password,
  role: role.default('staff'),
});
export type NewUserIn = z.infer<typeof newUserIn>;

export const allocateIn = z.strictObject({
  name: plainText(2, 100),
  kind: agencyKind,
  level: agencyLevel,
  // '' for an agency at ministry level (the operations agency); otherwise the region code of its level.
  regionCode: z.union([regionCode, z.literal('')]),
  department: department.default('agriculture').describe('a supervision agency of a department beside the region’s general one (issue 21 §3)'),
  industries: z.array(z.enum(INDUSTRIES)).min(1).max(3).optional().describe('the industries it answers for; default livestock for animal_husbandry, fishery for fishery'),
  account: newUserIn.omit({ role: true }),
});
export type AllocateIn = z.infer<typeof allocateIn>;

export const allocationOption = z.object({
  kind: agencyKind,
  level: agencyLevel,
  /** Region the new agency's region must lie in ('' = anywhere), and the region depth it must have. */
  regionWithin: z.string(),
  regionLevel: z.number().int(),
  accountRole: role,
});

export const agencyListQuery = z.strictObject({
  ...pageQuery,
  parentId: uuid.optional(),
  kind: agencyKind.optional(),
  level: agencyLevel.optional(),
  department: department.optional().describe('部门 (issue 21 §3): agriculture is the general agencies and every agency of another kind'),
  q: z.string().trim().max(50).optional(),
});

const userFilter = { q: z.string().trim().max(40).optional(), status: z.enum(USER_STATUSES).optional() };
export const userListQuery = z.strictObject({ ...pageQuery, ...userFilter });
export const userFilterQuery = z.strictObject(userFilter);

export const updateUserIn = z
  .strictObject({ status: z.enum(USER_STATUSES).optional(), displayName: displayName.optional(), phone: mobilePhone.nullable().optional() })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const resetPasswordIn = z.strictObject({ newPassword: password });


export const agencyPage = pageOf(agencyOut);
export const userPage = countedPageOf(userOut);
export const idParam = z.strictObject({ id: uuid });
