import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AgencyActor, CommandContext, SubjectActor } from '../../../platform/auth/actor.js';
import { regionWithin } from '../../../platform/auth/visibility.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db, Executor } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/rows.js';
import { withTransaction } from '../../../platform/db/tx.js';
import { files } from '../../../platform/files/schema.js';
import { DOCUMENTS, fileError, type FileStorage } from '../../../platform/files/storage.js';
import { agencyActorIn, subjectActorIn } from '../../../platform/http/context.js';
import { countNoticeAudience, noticeAudienceSql, type NoticeAudience } from '../../registry/index.js';
import type { AudienceIn, InboxDetailOut, NoticeIn, SentNoticeDetailOut } from './contracts.js';
import { noticeError } from './errors.js';
import { inboxDetail, sentNoticeDetail, visibleSentNotice } from './notice.queries.js';
import { producerNoticeRecipients, producerNotices } from './schema.js';

export type NoticeDeps = { db: Db; files: FileStorage };

/** Documents attached to a notice (PDF, docx, xlsx, JPG/PNG, ≤ 20 MB), owned by the uploading agency. */
export const NOTICE_ATTACHMENT = 'notice_attachment';

/** The audience with its regions checked against the sender's jurisdiction; no region means all of it. */
export function audienceOf(actor: AgencyActor, a: AudienceIn): NoticeAudience {
  const regions = [...new Set(a.regions)];
  for (const region of regions) if (!regionWithin(region, actor.jurisdiction)) throw noticeError('NOTICE_REGION_OUTSIDE', { region });
  return {
    regions: regions.length ? regions : [actor.jurisdiction],
    industries: [...new Set(a.industries)],
    categories: [...new Set(a.categories)],
    certificateKinds: [...new Set(a.certificateKinds)],
  };
}

export async function countAudience(db: Executor, actor: AgencyActor, a: AudienceIn) {
  return { count: await countNoticeAudience(db, audienceOf(actor, a)) };
}

export async function saveAttachment(deps: NoticeDeps, actor: AgencyActor, bytes: Buffer, filename: string) {
  const saved = await deps.files.save(deps.db, bytes, DOCUMENTS, { purpose: NOTICE_ATTACHMENT, regionCode: actor.agency.regionCode, owner: `agency:${actor.agency.id}`, originalName: filename });
  return { fileId: saved.id, name: saved.name, mime: saved.mime, size: saved.size };
}

async function assertOwnAttachments(db: Executor, actor: AgencyActor, ids: string[]) {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.purpose, NOTICE_ATTACHMENT), eq(files.owner, `agency:${actor.agency.id}`)));
  if (rows.length !== ids.length) throw noticeError('NOTICE_ATTACHMENT_NOT_FOUND');
}

/**
 * Sends a notice: the subjects matching the audience at this moment become its recipients, inserted in the same
 * transaction as the notice, so the set is frozen and a subject registered a minute later does not receive it.
 */
export async function sendNotice(deps: NoticeDeps, ctx: CommandContext, input: NoticeIn): Promise<SentNoticeDetailOut> {
  const actor = agencyActorIn(ctx);
  const audience = audienceOf(actor, input.audience);
  const attachments = [...new Set(input.attachments)];
  await assertOwnAttachments(deps.db, actor, attachments);
  const id = await withTransaction(deps.db, ctx, async (tx) => {
    const [notice] = await tx
      .insert(producerNotices)
      .values({
        senderAgencyId: actor.agency.id,
        senderAgencyName: actor.agency.name,
        senderRegion: actor.agency.regionCode,
        sentBy: actor.userId,
        senderName: actor.displayName,
        title: input.title,
        body: input.body,
        attachments,
        audience,
        recipientCount: 0,
      })
      .returning({ id: producerNotices.id });
    const [inserted] = await queryRows<{ n: number | string }>(
      tx,
      sql`WITH frozen AS (INSERT INTO ${producerNoticeRecipients} (notice_id, subject_id, subject_name, region_code)
            SELECT ${notice!.id}, a.id, a.name, a.region_code FROM (${noticeAudienceSql(audience)}) a RETURNING 1)
          SELECT count(*) AS n FROM frozen`,
    );
    const sent = Number(inserted?.n ?? 0);
    if (sent === 0) throw noticeError('NOTICE_NO_RECIPIENTS');
    await tx.update(producerNotices).set({ recipientCount: sent }).where(eq(producerNotices.id, notice!.id));
    await recordAudit(tx, ctx, { action: 'notice.send', targetType: 'producer_notice', targetId: notice!.id, regionCode: actor.agency.regionCode, after: { title: input.title, audience, recipients: sent, attachments: attachments.length } });
    return notice!.id;
  });
  return sentNoticeDetail(deps.db, actor, id);
}

/**
 * Marks a notice read for the account's subject: the first reader and the time are the receipt, kept when another
 * account of the subject (or the same one again) opens it later.
 */
export async function markRead(deps: NoticeDeps, ctx: CommandContext, id: string): Promise<InboxDetailOut> {
  const actor = subjectActorIn(ctx);
  await deps.db
    .update(producerNoticeRecipients)
    .set({ readAt: new Date(), readBy: actor.userId, readerName: actor.displayName })
    .where(and(eq(producerNoticeRecipients.noticeId, id), eq(producerNoticeRecipients.subjectId, actor.subject.id), isNull(producerNoticeRecipients.readAt)));
  return inboxDetail(deps.db, actor, id);
}

/** An attachment of a notice the official may see; any other file is 404. */
export async function readSentAttachment(deps: NoticeDeps, actor: AgencyActor, id: string, fileId: string) {
  const notice = await visibleSentNotice(deps.db, actor, id);
  if (!notice.attachments.includes(fileId)) throw fileError('FILE_NOT_FOUND');
  return deps.files.read(deps.db, fileId);
}

/** An attachment of a notice sent to the account's subject; any other file is 404. */
export async function readInboxAttachment(deps: NoticeDeps, actor: SubjectActor, id: string, fileId: string) {
  const notice = await inboxDetail(deps.db, actor, id);
  if (!notice.attachments.some((a) => a.id === fileId)) throw fileError('FILE_NOT_FOUND');
  return deps.files.read(deps.db, fileId);
}
