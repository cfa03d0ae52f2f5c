import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { mobilePhone, uuid } from '../contracts.js';
import { idNumber } from '../subjects/subject.contracts.js';

/** What the login page needs to know before anyone signs in. */
export const loginOptionsOut = z.object({
  /** The demo agencies and producers are loaded (their accounts share a published password): the page lists them. */
  demo: z.boolean(),
});

/** 忘记密码: the username typed on the login page. */
export const resetRequestIn = z.strictObject({ username: z.string().trim().min(1).max(40) });
/** The same answer whether or not the account exists. */
export const resetRequestOut = z.object({ received: z.literal(true) });

export const resetRequestItem = z.object({
  id: uuid,
  userId: uuid,
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  agencyId: uuid,
  agencyName: z.string(),
  requestedAt: z.date(),
});
export const resetRequestPage = countedPageOf(resetRequestItem);
export const resetRequestQuery = z.strictObject({ ...pageQuery });

/** A waiting request of a producer's account: a staff account's for its main account, a main account's for the county. */
export const subjectResetRequestList = z.object({
  items: z.array(z.object({ id: uuid, userId: uuid, username: z.string(), displayName: z.string(), subjectId: uuid, subjectName: z.string(), requestedAt: z.date() })),
});

/** 找回查询码: the identity number and the phone given on applying, both. */
export const recoverCodesIn = z.strictObject({ idNumber, phone: mobilePhone });
export const recoverCodesOut = z.object({
  items: z.array(z.object({ trackingCode: z.string(), name: z.string(), status: z.string(), submittedAt: z.date() })),
});
