import type { In, Out } from '../../app/contract';
import type * as shell from '../../../../src/domains/notices/contracts';
import type * as ann from '../../../../src/domains/notices/announcements/contracts';
import type * as pn from '../../../../src/domains/notices/producer-notices/contracts';

// 系统公告 and notices to producers as the console reads and sends them: the server's contracts, dates as ISO strings.

export { ANNOUNCEMENT_LEVELS, type AnnouncementLevel } from '../../../../src/domains/notices/announcements/levels.shared';
export { CERTIFICATE_KINDS as NOTICE_CERTIFICATE_KINDS, INDUSTRIES as NOTICE_INDUSTRIES, SUBJECT_CATEGORIES as NOTICE_CATEGORIES } from '../../../../src/domains/registry/subjects/subject-values.shared';

export type Banner = Out<typeof ann.bannerOut>;
export type Announcement = Out<typeof ann.announcementOut>;
export type AnnouncementInput = In<typeof ann.announcementIn>;
export type ShellNotices = Out<typeof shell.shellNoticesOut>;
export type Audience = Out<typeof pn.audienceIn>;
export type Attachment = Out<typeof pn.attachmentOut>;
export type NoticeUpload = Out<typeof pn.attachmentUploadOut>;
export type NoticeRequest = In<typeof pn.noticeIn>;
export type SentNotice = Out<typeof pn.sentNoticeOut>;
export type SentNoticeDetail = Out<typeof pn.sentNoticeDetailOut>;
export type Recipient = Out<typeof pn.recipientOut>;
export type RecipientsPage = Out<typeof pn.recipientsPage>;
export type InboxItem = Out<typeof pn.inboxItemOut>;
export type InboxDetail = Out<typeof pn.inboxDetailOut>;
export type InboxPage = Out<typeof pn.inboxPage>;
