import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AgencyActor, SubjectActor } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { describeFiles } from '../../../platform/files/storage.js';
import { firstPageTotal, totalField } from '../../../platform/http/list-total.js';
import { keyset } from '../../../platform/http/pagination.js';
import { regionNamesOf } from '../../registry/index.js';
import type { InboxDetailOut, InboxItemOut, RecipientOut, SentNoticeDetailOut, SentNoticeOut } from './contracts.js';
import { noticeError } from './errors.js';
import { producerNoticeRecipients, producerNotices } from './schema.js';
import { sentNoticeVisibility } from './visibility.js';

type NoticeRow = typeof producerNotices.$inferSelect;

/** The number people quote: TZ and six digits or more. */
export const noticeNo = (no: number) => `TZ${String(no).padStart(6, '0')}`;

/** Receipts of these notices counted: how many of their recipients have read them. */
async function readCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: producerNoticeRecipients.noticeId, n: sql<number>`count(*)` })
    .from(producerNoticeRecipients)
    .where(and(sql`${producerNoticeRecipients.noticeId} IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`, isNotNull(producerNoticeRecipients.readAt)))
    .groupBy(producerNoticeRecipients.noticeId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

function sentOf(r: NoticeRow, read: number): SentNoticeOut {
  return { id: r.id, no: noticeNo(r.no), title: r.title, senderAgencyName: r.senderAgencyName, senderName: r.senderName, sentAt: r.sentAt, sent: r.recipientCount, read, unread: r.recipientCount - read };
}

async function attachmentsOf(db: Executor, ids: string[]) {
  const facts = new Map((await describeFiles(db, ids)).map((f) => [f.id, f]));
  return ids.flatMap((id) => {
    const f = facts.get(id);
    return f ? [{ id, name: f.name, mime: f.mime, size: f.size }] : [];
  });
}

/** A sent notice the official may see (its agency sent it, or an agency below), else 404. */
export async function visibleSentNotice(db: Executor, actor: AgencyActor, id: string): Promise<NoticeRow> {
  const [row] = await db
    .select()
    .from(producerNotices)
    .where(and(eq(producerNotices.id, id), sentNoticeVisibility.filter(actor)));
  if (!row) throw noticeError('NOTICE_NOT_FOUND');
  return row;
}

/** 已发通知: notices the official's agency and the agencies below sent, newest first, each with its receipts counted. */
export async function listSentNotices(db: Executor, actor: AgencyActor, q: { limit: number; cursor?: string | undefined }) {
  const page = keyset({ sort: producerNotices.sentAt, id: producerNotices.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const [rows, total] = await Promise.all([
    db.select().from(producerNotices).where(and(sentNoticeVisibility.filter(actor), page.where)).orderBy(...page.orderBy).limit(page.take),
    firstPageTotal(db, q.cursor, () => db.select({ id: producerNotices.id }).from(producerNotices).where(sentNoticeVisibility.filter(actor)).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.sentAt, r.id]);
  const counts = await readCounts(db, result.items.map((r) => r.id));
  return { items: result.items.map((r) => sentOf(r, counts.get(r.id) ?? 0)), nextCursor: result.nextCursor, ...totalField(total) };
}

export async function sentNoticeDetail(db: Executor, actor: AgencyActor, id: string): Promise<SentNoticeDetailOut> {
  const row = await visibleSentNotice(db, actor, id);
  const counts = await readCounts(db, [id]);
  // The whole country ('' for the ministry) has no name of its own: the console says 整个辖区 for no names.
  const names = await regionNamesOf(db, row.audience.regions.filter((r) => r !== ''));
  const regionNames = row.audience.regions.filter((r) => r !== '').map((r) => names.get(r) ?? r);
  return { ...sentOf(row, counts.get(id) ?? 0), body: row.body, audience: { ...row.audience, regionNames }, attachments: await attachmentsOf(db, row.attachments) };
}

/** The recipients of a notice (all, or those who have or have not read it), by region and name, with the total. */
export async function listRecipients(db: Executor, actor: AgencyActor, id: string, q: { limit: number; cursor?: string | undefined; state?: 'read' | 'unread' | undefined }) {
  await visibleSentNotice(db, actor, id);
  const page = keyset({ sort: producerNoticeRecipients.regionCode, id: producerNoticeRecipients.subjectId, direction: 'asc', limit: q.limit, cursor: q.cursor });
  const filter = and(
    eq(producerNoticeRecipients.noticeId, id),
    q.state === 'read' ? isNotNull(producerNoticeRecipients.readAt) : q.state === 'unread' ? isNull(producerNoticeRecipients.readAt) : undefined,
  );
  const rows = await db
    .select()
    .from(producerNoticeRecipients)
    .where(and(filter, page.where))
    .orderBy(...page.orderBy)
    .limit(page.take);
  const result = page.page(rows, (r) => [r.regionCode, r.subjectId]);
  const names = await regionNamesOf(db, result.items.map((r) => r.regionCode));
  const items: RecipientOut[] = result.items.map((r) => ({ subjectId: r.subjectId, subjectName: r.subjectName, regionCode: r.regionCode, regionName: names.get(r.regionCode) ?? r.regionCode, readAt: r.readAt, readerName: r.readerName }));
  const total = await firstPageTotal(db, q.cursor, () => db.select({ id: producerNoticeRecipients.subjectId }).from(producerNoticeRecipients).where(filter).$dynamic());
  return { items, nextCursor: result.nextCursor, ...totalField(total) };
}

const inboxColumns = {
  id: producerNotices.id,
  no: producerNotices.no,
  title: producerNotices.title,
  senderAgencyName: producerNotices.senderAgencyName,
  sentAt: producerNotices.sentAt,
  readAt: producerNoticeRecipients.readAt,
  readerName: producerNoticeRecipients.readerName,
};
const inboxItemOf = (r: { id: string; no: number; title: string; senderAgencyName: string; sentAt: Date; readAt: Date | null; readerName: string | null }): InboxItemOut => ({ ...r, no: noticeNo(r.no) });

/** How many notices sent to the account's subject nobody of it has read yet (the header's count). */
export async function unreadCount(db: Executor, subjectId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(producerNoticeRecipients)
    .where(and(eq(producerNoticeRecipients.subjectId, subjectId), isNull(producerNoticeRecipients.readAt)));
  return Number(row?.n ?? 0);
}

/** 通知 of a producer's account: what was sent to its subject, newest first, with the unread count. */
export async function listInbox(db: Executor, actor: SubjectActor, q: { limit: number; cursor?: string | undefined; state?: 'read' | 'unread' | undefined }) {
  const page = keyset({ sort: producerNotices.sentAt, id: producerNotices.id, direction: 'desc', limit: q.limit, cursor: q.cursor });
  const received = and(
    eq(producerNoticeRecipients.subjectId, actor.subject.id),
    q.state === 'read' ? isNotNull(producerNoticeRecipients.readAt) : q.state === 'unread' ? isNull(producerNoticeRecipients.readAt) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select(inboxColumns)
      .from(producerNoticeRecipients)
      .innerJoin(producerNotices, eq(producerNotices.id, producerNoticeRecipients.noticeId))
      .where(and(received, page.where))
      .orderBy(...page.orderBy)
      .limit(page.take),
    // A receipt always has its notice (a foreign key): the receipts alone are counted.
    firstPageTotal(db, q.cursor, () => db.select({ id: producerNoticeRecipients.noticeId }).from(producerNoticeRecipients).where(received).$dynamic()),
  ]);
  const result = page.page(rows, (r) => [r.sentAt, r.id]);
  return { items: result.items.map(inboxItemOf), nextCursor: result.nextCursor, unread: await unreadCount(db, actor.subject.id), ...totalField(total) };
}

/** One notice sent to the account's subject, else 404 (another subject's notice is not found). */
export async function inboxDetail(db: Executor, actor: SubjectActor, id: string): Promise<InboxDetailOut> {
  const [row] = await db
    .select({ ...inboxColumns, body: producerNotices.body, attachments: producerNotices.attachments })
    .from(producerNoticeRecipients)
    .innerJoin(producerNotices, eq(producerNotices.id, producerNoticeRecipients.noticeId))
    .where(and(eq(producerNoticeRecipients.subjectId, actor.subject.id), eq(producerNoticeRecipients.noticeId, id)));
  if (!row) throw noticeError('NOTICE_NOT_FOUND');
  const { body, attachments, ...item } = row;
  return { ...inboxItemOf(item), body, attachments: await attachmentsOf(db, attachments) };
}

/** The rows of the unread export: every recipient that has not read the notice, by region and name. */
export async function unreadForExport(db: Executor, actor: AgencyActor, id: string) {
  const notice = await visibleSentNotice(db, actor, id);
  const rows = await db
    .select()
    .from(producerNoticeRecipients)
    .where(and(eq(producerNoticeRecipients.noticeId, id), isNull(producerNoticeRecipients.readAt)))
    .orderBy(asc(producerNoticeRecipients.regionCode), asc(producerNoticeRecipients.subjectName), desc(producerNoticeRecipients.subjectId));
  return { notice, rows };
}
