import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { CHANGE_KINDS, DELIVERY_STATUSES, ENDPOINT_STATUSES, MAX_FEED_PAGE, MAX_VERIFY_CODES, WEBHOOK_KINDS } from './feed.shared.js';

const cursor = z.string().max(60);

export const changesQuery = z.strictObject({
  after: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_FEED_PAGE).default(200),
  /** Comma-separated kinds; all of them when absent. */
  kinds: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
});

export const changeOut = z.object({
  cursor: z.string(),
  id: z.number().int(),
  type: z.string(),
  kind: z.enum(CHANGE_KINDS),
  aggregateId: z.string(),
  regionCode: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  at: z.date(),
});
export const changesOut = z.object({ items: z.array(changeOut), nextCursor: z.string(), more: z.boolean() });

export const endpointIn = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(500),
  kinds: z.array(z.enum(WEBHOOK_KINDS)).min(1).max(WEBHOOK_KINDS.length),
});
export const endpointParam = z.strictObject({ id: z.uuid() });
export const clientEndpointParam = z.strictObject({ id: z.uuid(), endpointId: z.uuid() });
/** Replays from a cursor (the feed's, or an endpoint's `resumeCursor`); resumes a paused endpoint. */
export const replayIn = z.strictObject({ after: cursor });

export const endpointOut = z.object({
  id: z.uuid(),
  url: z.string(),
  kinds: z.array(z.enum(WEBHOOK_KINDS)),
  status: z.enum(ENDPOINT_STATUSES),
  failuresInRow: z.number().int(),
  pausedAt: z.date().nullable(),
  resumeCursor: z.string().nullable(),
  /** Why it was paused: the last failed attempt's answer (an HTTP status) or error (a timeout, a refused connection). */
  pausedReason: z.string().nullable(),
  createdAt: z.date(),
});
export const endpointsOut = z.object({ items: z.array(endpointOut) });
export const replayOut = z.object({ endpoint: endpointOut, deliveries: z.number().int(), nextCursor: z.string(), more: z.boolean() });

export const deliveryOut = z.object({
  id: z.uuid(),
  endpointId: z.uuid(),
  url: z.string(),
  eventType: z.string(),
  cursor: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  replay: z.boolean(),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});
export const deliveryListQuery = z.strictObject({ ...pageQuery, status: z.enum(DELIVERY_STATUSES).optional(), endpointId: z.uuid().optional() });
export const deliveryPage = countedPageOf(deliveryOut);

/** A product code as printed: digits (and the letters of a long code's parts), no separators. */
const code = z.string().regex(/^[0-9A-Za-z]{6,40}$/, 'a trace code: 6–40 letters or digits');

export const verifyIn = z.strictObject({ codes: z.array(code).min(1).max(MAX_VERIFY_CODES) });
export const verifyOut = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      found: z.boolean(),
      batchCode: z.string().nullable(),
      status: z.string().nullable(),
      /** false when the lot failed a test, is held with a failed lot's recall list, was recalled or voided. */
      ok: z.boolean(),
      productName: z.string().nullable(),
      classCode: z.string().nullable(),
      regionCode: z.string().nullable(),
    }),
  ),
});

export const purchasesIn = z.strictObject({
  purchases: z
    .array(
      z.strictObject({
        /** The market's or shop's own id of the purchase: a resend with the same id records nothing more. */
        purchaseRef: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
        code,
        quantity: z.number().positive().max(1e9),
        unit: z.string().min(1).max(16),
        stall: z.string().max(60).optional(),
        purchasedAt: z.coerce.date(),
      }),
    )
    .min(1)
    .max(500),
});
export const purchasesOut = z.object({ recorded: z.number().int(), unchanged: z.number().int(), items: z.array(z.object({ purchaseRef: z.string(), id: z.uuid(), batchCode: z.string(), status: z.string() })) });
