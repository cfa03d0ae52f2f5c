import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { keyset } from '../../../platform/http/pagination.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import type { AnnouncementOut, BannerOut } from './contracts.js';
import { announcementDismissals, announcements } from './schema.js';

type Row = typeof announcements.$inferSelect;

/** At most this many banners stack on a page; more at once would hide the page they announce about. */
export const MAX_BANNERS = 3;

export const bannerOf = (r: Row): BannerOut => ({ id: r.id, level: r.level, textZh: r.textZh, textEn: r.textEn, startsAt: r.startsAt, endsAt: r.endsAt, version: r.version });

export const isShowing = (r: Row, now = new Date()) => r.state === 'published' && r.startsAt <= now && r.endsAt > now;

export const announcementOf = (r: Row): AnnouncementOut => ({
  ...bannerOf(r),
  state: r.state,
  showing: isShowing(r),
  publisherName: r.publisherName,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  withdrawnAt: r.withdrawnAt,
});

/** The banners an account sees now: published, between start and end, not dismissed at their current version; the gravest first. */
export async function bannersFor(db: Executor, userId: string, now = new Date()): Promise<BannerOut[]> {
  const rows = await db
    .select()
    .from(announcements)
    .where(
      and(
        eq(announcements.state, 'published'),
        lte(announcements.startsAt, now),
        gt(announcements.endsAt, now),
        sql`NOT EXISTS (SELECT 1 FROM ${announcementDismissals} d WHERE d.announcement_id = ${announcements.id} AND d.user_id = ${userId} AND d.version = ${announcements.version})`,
      ),
    )
    .orderBy(sql`CASE ${announcements.level} WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`, desc(announcements.startsAt), asc(announcements.id))
    .limit(MAX_BANNERS);
  return rows.map(bannerOf);
}

export async function findAnnouncement(db: Executor, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
  return row;
}

/** 系统公告 for its publishers: every announcement, newest first. */
export async function listAnnouncements(db: Executor, q: { limit: number; cursor?: string | undefined }) {
  const page = keyset({ sort: announcements.createdAt, id: announcements.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const [rows, total] = await Promise.all([
    db.select().from(announcements).where(page.where).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: announcements.id }).from(announcements).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.createdAt, r.id]);
  return { items: result.items.map(announcementOf), nextCursor: result.nextCursor, ...totalField(total) };
}
