import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Whom a notice was addressed to, as the sender chose it (kept to show on the notice). */
export type AudienceChoice = { regions: string[]; industries: string[]; categories: number[]; certificateKinds: string[] };

/**
 * 通知 from a supervision agency to the producers of its jurisdiction. The recipients are frozen when it is sent
 * (producer_notice_recipients); a subject registered later does not receive it.
 */
export const producerNotices = pgTable(
  'producer_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The number people quote (通知编号 TZ000123). */
    no: bigserial('no', { mode: 'number' }).notNull().unique(),
    senderAgencyId: uuid('sender_agency_id').notNull(),
    senderAgencyName: varchar('sender_agency_name', { length: 100 }).notNull(),
    senderRegion: varchar('sender_region', { length: 12 }).notNull(),
    sentBy: uuid('sent_by').notNull(),
    senderName: varchar('sender_name', { length: 100 }).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    body: text('body').notNull(),
    attachments: uuid('attachments').array().notNull().default(sql`'{}'::uuid[]`),
    audience: jsonb('audience').$type<AudienceChoice>().notNull(),
    recipientCount: integer('recipient_count').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('producer_notices_sender').on(t.senderAgencyId, t.sentAt), index('producer_notices_region').on(t.senderRegion, t.sentAt)],
);

/** One subject a notice was sent to, and its read receipt: the first of its accounts to read it, and when. */
export const producerNoticeRecipients = pgTable(
  'producer_notice_recipients',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => producerNotices.id),
    subjectId: uuid('subject_id').notNull(),
    /** The subject's name and region at sending, for the sender's lists. */
    subjectName: varchar('subject_name', { length: 100 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    readBy: uuid('read_by'),
    readerName: varchar('reader_name', { length: 100 }),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.subjectId] }), index('producer_notice_recipients_inbox').on(t.subjectId), index('producer_notice_recipients_unread').on(t.subjectId).where(sql`${t.readAt} IS NULL`)],
);
