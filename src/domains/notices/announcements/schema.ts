import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

import { ANNOUNCEMENT_LEVELS, type AnnouncementLevel } from './levels.shared.js';

export { ANNOUNCEMENT_LEVELS, type AnnouncementLevel };
export type AnnouncementState = 'published' | 'withdrawn';

/**
 * 系统公告: a banner every signed-in account sees on every console page between its start and end (a maintenance
 * window, an incident notice). An edit raises `version`, which brings the banner back to whoever dismissed it.
 */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: varchar('level', { length: 10 }).notNull().$type<AnnouncementLevel>(),
    textZh: varchar('text_zh', { length: 500 }).notNull(),
    textEn: varchar('text_en', { length: 500 }),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
    state: varchar('state', { length: 10 }).notNull().default('published').$type<AnnouncementState>(),
    publishedBy: uuid('published_by').notNull(),
    publisherName: varchar('publisher_name', { length: 100 }).notNull(),
    /** The publisher's agency region: the audit chain it is filed in. */
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [
    index('announcements_showing').on(t.state, t.endsAt),
    index('announcements_created').on(t.createdAt, t.id),
    check('announcements_level', sql`${t.level} IN ('info', 'warning', 'critical')`),
    check('announcements_state', sql`${t.state} IN ('published', 'withdrawn')`),
    check('announcements_period', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** An account closed this version of the banner; a later version shows again. */
export const announcementDismissals = pgTable(
  'announcement_dismissals',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id),
    userId: uuid('user_id').notNull(),
    version: integer('version').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] })],
);
