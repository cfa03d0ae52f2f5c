import { z } from 'zod';
import { countedPageOf, pageQuery } from '../../../platform/http/page.shared.js';
import { paragraphText, plainText } from '../../../platform/http/text-fields.shared.js';
import { CERTIFICATE_KINDS as NOTICE_CERTIFICATE_KINDS, INDUSTRIES as NOTICE_INDUSTRIES } from '../../registry/subjects/subject-values.shared.js';


/** Whom a notice can address: the registry's own vocabularies. */
export { NOTICE_CERTIFICATE_KINDS, NOTICE_INDUSTRIES };
export const MAX_NOTICE_ATTACHMENTS = 10;
export const MAX_NOTICE_REGIONS = 50;
export const MAX_NOTICE_BODY = 5000;

const regionCode = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, '2, 4, 6, 9 or 12 digits');

/** Whom a notice goes to: regions within the sender's jurisdiction (none: all of it), and optional narrowing. */
export const audienceIn = z.strictObject({
  regions: z.array(regionCode).max(MAX_NOTICE_REGIONS).default([]),
  industries: z.array(z.enum(NOTICE_INDUSTRIES)).max(NOTICE_INDUSTRIES.length).default([]),
  categories: z.array(z.number().int().min(0).max(3)).max(4).default([]),
  certificateKinds: z.array(z.enum(NOTICE_CERTIFICATE_KINDS)).max(NOTICE_CERTIFICATE_KINDS.length).default([]),
});
export type AudienceIn = z.infer<typeof audienceIn>;

export const noticeIn = z.strictObject({
  title: plainText(2, 100),
  body: paragraphText(2, MAX_NOTICE_BODY),
  attachments: z.array(z.uuid()).max(MAX_NOTICE_ATTACHMENTS).default([]),
  audience: audienceIn,
});
export type NoticeIn = z.infer<typeof noticeIn>;

export const audienceCountOut = z.object({ count: z.number() });
export const noticeIdParam = z.strictObject({ id: z.uuid() });
export const attachmentParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
export const attachmentOut = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });
export const attachmentUploadOut = z.object({ fileId: z.string(), name: z.string(), mime: z.string(), size: z.number() });

const audienceOut = z.object({ regions: z.array(z.string()), regionNames: z.array(z.string()), industries: z.array(z.string()), categories: z.array(z.number()), certificateKinds: z.array(z.string()) });

/** A sent notice as its sender (and the agencies above) read it, with its read receipts counted. */
export const sentNoticeOut = z.object({
  id: z.string(),
  no: z.string(),
  title: z.string(),
  senderAgencyName: z.string(),
  senderName: z.string(),
  sentAt: z.date(),
  sent: z.number(),
  read: z.number(),
  unread: z.number(),
});
export const sentNoticeDetailOut = sentNoticeOut.extend({ body: z.string(), audience: audienceOut, attachments: z.array(attachmentOut) });
export type SentNoticeOut = z.infer<typeof sentNoticeOut>;
export type SentNoticeDetailOut = z.infer<typeof sentNoticeDetailOut>;
export const sentNoticesQuery = z.strictObject({ ...pageQuery });
export const sentNoticesPage = countedPageOf(sentNoticeOut);

export const recipientOut = z.object({ subjectId: z.string(), subjectName: z.string(), regionCode: z.string(), regionName: z.string(), readAt: z.date().nullable(), readerName: z.string().nullable() });
export type RecipientOut = z.infer<typeof recipientOut>;
const readFilter = z.enum(['read', 'unread']);
export const recipientsQuery = z.strictObject({ ...pageQuery, state: readFilter.optional() });
export const recipientsPage = countedPageOf(recipientOut);

/** A notice in a producer's inbox. */
export const inboxItemOut = z.object({ id: z.string(), no: z.string(), title: z.string(), senderAgencyName: z.string(), sentAt: z.date(), readAt: z.date().nullable(), readerName: z.string().nullable() });
export const inboxDetailOut = inboxItemOut.extend({ body: z.string(), attachments: z.array(attachmentOut) });
export type InboxItemOut = z.infer<typeof inboxItemOut>;
export type InboxDetailOut = z.infer<typeof inboxDetailOut>;
export const inboxQuery = z.strictObject({ ...pageQuery, state: readFilter.optional() });
export const inboxPage = countedPageOf(inboxItemOut).extend({ unread: z.number() });
