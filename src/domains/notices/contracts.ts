import { z } from 'zod';
import { bannerOut } from './announcements/contracts.js';

/** What the console's shell reads once when it loads: the banners this account sees now and its unread notices. */
export const shellNoticesOut = z.object({
  announcements: z.array(bannerOut),
  /** Notices to my subject nobody of it has read yet; null for an official (no inbox). */
  unreadNotices: z.number().nullable(),
});
