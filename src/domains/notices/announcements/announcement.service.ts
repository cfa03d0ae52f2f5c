import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/auth/actor.js';
import { actorRegion } from '../../../platform/auth/actor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/client.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { httpError } from '../../../platform/http/errors.js';
import { type AnnouncementIn, type AnnouncementOut, MAX_ANNOUNCEMENT_DAYS } from './contracts.js';
import { announcementError } from './errors.js';
import { announcementOf, findAnnouncement } from './announcement.queries.js';
import { announcementDismissals, announcements } from './schema.js';

function actorOf(ctx: CommandContext) {
  if (!ctx.actor) throw httpError('UNAUTHENTICATED');
  return ctx.actor;
}

/** Start before end, the end still ahead, and no longer than a month on screen. */
function periodOf(input: AnnouncementIn) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt || endsAt <= new Date() || endsAt.getTime() - startsAt.getTime() > MAX_ANNOUNCEMENT_DAYS * 86_400_000) {
    throw announcementError('ANNOUNCEMENT_PERIOD_INVALID', { maxDays: MAX_ANNOUNCEMENT_DAYS });
  }
  return { startsAt, endsAt };
}

const contentOf = (input: AnnouncementIn) => ({ level: input.level, textZh: input.textZh, textEn: input.textEn ?? null, ...periodOf(input) });

export async function publishAnnouncement(db: Db, ctx: CommandContext, input: AnnouncementIn): Promise<AnnouncementOut> {
  const actor = actorOf(ctx);
  const content = contentOf(input);
  const row = await withTransaction(db, ctx, async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({ ...content, publishedBy: actor.userId, publisherName: actor.displayName, regionCode: actorRegion(actor) })
      .returning();
    await recordAudit(tx, ctx, { action: 'announcement.publish', targetType: 'announcement', targetId: row!.id, regionCode: row!.regionCode, after: { ...content } });
    return row!;
  });
  return announcementOf(row);
}

/** An edit of a published announcement raises its version: whoever closed the banner sees it again. */
export async function updateAnnouncement(db: Db, ctx: CommandContext, id: string, input: AnnouncementIn): Promise<AnnouncementOut> {
  const content = contentOf(input);
  const row = await withTransaction(db, ctx, async (tx) => {
    const before = await findAnnouncement(tx, id);
    if (!before) throw announcementError('ANNOUNCEMENT_NOT_FOUND');
    const [row] = await tx
      .update(announcements)
      .set({ ...content, version: sql`${announcements.version} + 1`, updatedAt: new Date() })
      .where(and(eq(announcements.id, id), eq(announcements.state, 'published')))
      .returning();
    if (!row) throw announcementError('ANNOUNCEMENT_WITHDRAWN');
    await recordAudit(tx, ctx, {
      action: 'announcement.update',
      targetType: 'announcement',
      targetId: id,
      regionCode: row.regionCode,
      before: { level: before.level, textZh: before.textZh, textEn: before.textEn, startsAt: before.startsAt, endsAt: before.endsAt, version: before.version },
      after: { ...content, version: row.version },
    });
    return row;
  });
  return announcementOf(row);
}

export async function withdrawAnnouncement(db: Db, ctx: CommandContext, id: string): Promise<AnnouncementOut> {
  const actor = actorOf(ctx);
  const row = await withTransaction(db, ctx, async (tx) => {
    const [row] = await tx
      .update(announcements)
      .set({ state: 'withdrawn', withdrawnAt: new Date(), withdrawnBy: actor.userId, updatedAt: new Date() })
      .where(and(eq(announcements.id, id), eq(announcements.state, 'published')))
      .returning();
    if (!row) throw (await findAnnouncement(tx, id)) ? announcementError('ANNOUNCEMENT_WITHDRAWN') : announcementError('ANNOUNCEMENT_NOT_FOUND');
    await recordAudit(tx, ctx, { action: 'announcement.withdraw', targetType: 'announcement', targetId: id, regionCode: row.regionCode, before: { state: 'published' }, after: { state: 'withdrawn' } });
    return row;
  });
  return announcementOf(row);
}

/**
 * Closes a banner for this account at the version it saw. A version older than the current one is refused (the
 * account has not seen the change yet); closing again is harmless. Not audited: it changes nothing but one view.
 */
export async function dismissAnnouncement(db: Db, userId: string, id: string, version: number): Promise<void> {
  const row = await findAnnouncement(db, id);
  if (!row || row.state !== 'published') throw announcementError('ANNOUNCEMENT_NOT_FOUND');
  if (version !== row.version) throw announcementError('ANNOUNCEMENT_VERSION_STALE');
  await db
    .insert(announcementDismissals)
    .values({ announcementId: id, userId, version })
    .onConflictDoUpdate({ target: [announcementDismissals.announcementId, announcementDismissals.userId], set: { version, at: new Date() } });
}
