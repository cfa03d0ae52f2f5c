import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { plainText } from '../../../platform/http/text-fields.shared.js';
import { ANNOUNCEMENT_LEVELS } from './levels.shared.js';

/** A banner is read at a glance: one or two sentences. */
export const MAX_ANNOUNCEMENT_TEXT = 300;
/** Longer than any maintenance window or incident: an announcement is not a standing notice board. */
export const MAX_ANNOUNCEMENT_DAYS = 31;

export const announcementIdParam = z.strictObject({ id: z.uuid() });

export const announcementIn = z.strictObject({
  level: z.enum(ANNOUNCEMENT_LEVELS),
  textZh: plainText(4, MAX_ANNOUNCEMENT_TEXT),
  textEn: plainText(4, MAX_ANNOUNCEMENT_TEXT).optional(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export type AnnouncementIn = z.infer<typeof announcementIn>;

export const dismissIn = z.strictObject({ version: z.number().int().min(1) });

/** What the banner shows. */
export const bannerOut = z.object({
  id: z.string(),
  level: z.enum(ANNOUNCEMENT_LEVELS),
  textZh: z.string(),
  textEn: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  version: z.number(),
});
export type BannerOut = z.infer<typeof bannerOut>;

export const announcementOut = bannerOut.extend({
  state: z.enum(['published', 'withdrawn']),
  /** published and between its start and end now */
  showing: z.boolean(),
  publisherName: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  withdrawnAt: z.date().nullable(),
});
export type AnnouncementOut = z.infer<typeof announcementOut>;

export const announcementsQuery = z.strictObject({ ...pageQuery });
export const announcementsPage = countedPageOf(announcementOut);
