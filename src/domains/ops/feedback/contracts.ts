import { z } from 'zod';
import { countedPageOf, pageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { paragraphText, plainText } from '../../../platform/http/text-fields.shared.js';
import { FEEDBACK_KINDS, FEEDBACK_STATES, SATISFACTION } from './feedback-states.shared.js';

export const MAX_FEEDBACK_TEXT = 2000;
export const MAX_PAGE_ADDRESS = 500;
export const MAX_SCREENSHOTS = 3;

const day = z.iso.date();
export const feedbackIdParam = z.strictObject({ id: z.uuid() });
export const screenshotParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

/** The page it was filed from: a console path with its query, never another site (`//host` or `https:`). */
const pageAddress = z
  .string()
  .trim()
  .max(MAX_PAGE_ADDRESS)
  .regex(/^\/(?!\/)[^\s]*$/, 'a path beginning with one “/”, with its query, no host');

export const feedbackIn = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  text: paragraphText(5, MAX_FEEDBACK_TEXT),
  pageAddress: pageAddress.optional(),
  screenshots: z.array(z.uuid()).max(MAX_SCREENSHOTS).default([]),
});

export const classifyIn = z.strictObject({ kind: z.enum(FEEDBACK_KINDS), proposal: plainText(2, 2000) });
export const confirmIn = z.strictObject({ note: plainText(1, 1000).optional() });
export const resolveIn = z.strictObject({ resolution: plainText(2, 2000) });
export const declineIn = z.strictObject({ reason: plainText(2, 2000) });
export const revisitIn = z.strictObject({ satisfaction: z.enum(SATISFACTION), note: plainText(2, 1000) });

export const feedbackEventOut = z.object({ actorName: z.string(), fromState: z.enum(FEEDBACK_STATES).nullable(), toState: z.enum(FEEDBACK_STATES), note: z.string().nullable(), at: z.date() });

export const feedbackSummaryOut = z.object({
  id: z.string(),
  no: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  state: z.enum(FEEDBACK_STATES),
  text: z.string(),
  filerName: z.string(),
  filerOrg: z.string(),
  filerRegion: z.string(),
  pageAddress: z.string().nullable(),
  satisfaction: z.enum(SATISFACTION).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const feedbackOut = feedbackSummaryOut.extend({
  screenshots: z.array(z.string()),
  proposal: z.string().nullable(),
  resolution: z.string().nullable(),
  revisitNote: z.string().nullable(),
  classifiedBy: z.string().nullable(),
  events: z.array(feedbackEventOut),
});
export type FeedbackOut = z.infer<typeof feedbackOut>;
export type FeedbackSummaryOut = z.infer<typeof feedbackSummaryOut>;

export const myFeedbackQuery = z.strictObject({ ...pageQuery });
const filters = { state: z.enum(FEEDBACK_STATES).optional(), kind: z.enum(FEEDBACK_KINDS).optional(), from: day.optional(), to: day.optional() };
export const feedbackListQuery = z.strictObject({ ...pageQuery, ...filters });
export const feedbackExportQuery = z.strictObject({ ...filters, from: day, to: day });
export const feedbackStatsQuery = z.strictObject({ from: day, to: day });
export type FeedbackFilters = { state?: string | undefined; kind?: string | undefined; from?: string | undefined; to?: string | undefined };

export const feedbackPage = pageOf(feedbackSummaryOut).extend({ total: z.number() });
export const myFeedbackPage = countedPageOf(feedbackSummaryOut);
export const feedbackStatsOut = z.object({
  from: z.string(),
  to: z.string(),
  /** Counts of feedback filed in the period, by kind and current state; kinds or states with none are listed with 0. */
  rows: z.array(z.object({ kind: z.enum(FEEDBACK_KINDS), counts: z.record(z.enum(FEEDBACK_STATES), z.number()), total: z.number() })),
  total: z.number(),
});
export const screenshotUploadOut = z.object({ fileId: z.string(), mime: z.string(), size: z.number() });
