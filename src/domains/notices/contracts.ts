import { z } from 'zod';
import { bannerOut } from './announcements/contracts.js';

/** What the console's shell reads once when it loads: the banners this account sees now and its unread notices. */
export const shellNoticesOut = z.object({
  announcements: z.array(bannerOut),
  /** Notices to my subject nobody of it has read yet; null for an official (no inbox). */
  unreadNotices: z.number().nullable(),
  /** For an admin of client systems: those its agency registered with a webhook endpoint paused after repeated failures. */
  pausedWebhooks: z.array(z.object({ clientId: z.uuid(), clientName: z.string(), endpoints: z.number().int() })),
});
